/** `annalist import | export | merge | validate` as an analyst runs them: counts, rows, conflicts, exit codes. */
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCli } from '../../main/cli/index'
import { parseTimelineText } from '../../main/store/timelineFile'
import { sampleTimeline } from './sampleTimeline'
import { fixture } from './fixturePath'

let dir = ''
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'annalist-transfer-cli-'))
})
after(() => rm(dir, { recursive: true, force: true }))

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), cwd: dir })
  return { code, out, err }
}

async function writeTimeline(name: string, document = sampleTimeline()): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, JSON.stringify(document))
  return file
}

test('import into a new timeline, then again: duplicates skipped, counts printed', async () => {
  const first = await cli('import', fixture('acled.csv'), '--into', 'acled.json')
  assert.equal(first.code, 0, first.err)
  assert.match(first.out, /4 rows read: 4 events, 0 annotations, 2 new lanes; 0 errors, 1 warnings/)
  assert.match(first.out, /warning row 5: the row has 22 of 31 cells/)
  assert.match(first.out, /Imported 4 events and 0 annotations into .*acled\.json \(new timeline\)/)
  const saved = parseTimelineText(await readFile(path.join(dir, 'acled.json'), 'utf8'))
  assert.equal(saved.events[0]!.provenance?.file, 'acled.csv')
  const again = await cli('import', fixture('acled.csv'), '--into', 'acled.json')
  assert.equal(again.code, 3)
  assert.match(again.out, /4 already in the timeline/)
  assert.match(again.err, /everything in the file is already in the timeline/)
})

test('row errors stop the import and are listed with rows; --skip-bad-rows imports the rest', async () => {
  const target = await writeTimeline('mw.json')
  const before = await readFile(target, 'utf8')
  const refused = await cli('import', fixture('crisis.mw'), '--into', 'mw.json')
  assert.equal(refused.code, 3)
  assert.match(refused.out, /error row 32, date: February 2023 has only 28 days/)
  assert.match(refused.err, /Nothing was imported/)
  assert.equal(await readFile(target, 'utf8'), before, 'the timeline is unchanged')
  const skipped = await cli('import', fixture('crisis.mw'), '--into', 'mw.json', '--skip-bad-rows')
  assert.equal(skipped.code, 0, skipped.err)
  assert.match(skipped.out, /Imported 5 events/)
})

test('a CSV mapping as JSON, and the day/month question answered on the command line', async () => {
  const mapping = JSON.stringify({ date: 'When', title: 'What', description: 'Notes', lane: 'Country' })
  const mapped = await cli('import', fixture('mapped.csv'), '--into', 'mapped.json', '--mapping', mapping, '--skip-bad-rows')
  assert.equal(mapped.code, 0, mapped.err)
  assert.match(mapped.out, /error row 7, When: "Şubat" is not a date/)
  const asked = await cli('import', fixture('ambiguous.csv'), '--into', 'amb.json')
  assert.equal(asked.code, 4)
  assert.match(asked.out, /question: dates in "date" could be either way round \(2 rows, first row 2\): "03\/04\/2014" is 3 April 2014 day-first or 4 March 2014 month-first/)
  const answered = await cli('import', fixture('ambiguous.csv'), '--into', 'amb.json', '--month-first')
  assert.equal(answered.code, 0, answered.err)
  const saved = parseTimelineText(await readFile(path.join(dir, 'amb.json'), 'utf8'))
  assert.deepEqual(saved.events.map((e) => e.date), ['2014-03-04', '2014-05-06'])
  const badMapping = await cli('import', fixture('mapped.csv'), '--into', 'x.json', '--mapping', '{"date":"When"}')
  assert.equal(badMapping.code, 2)
  assert.match(badMapping.err, /--mapping: title/)
})

test('export by extension and --format timelinejs; CSV formula cells escaped', async () => {
  await writeTimeline('crisis.json')
  for (const [out, extra, check] of [
    ['out.csv', [], /^\ufeffid,date,title/],
    ['out.mw', [], /^---\ntitle: Russia–West crisis 2021–22\n---/],
    ['story.json', ['--format', 'timelinejs'], /"unique_id": "ev-belovezha"/],
    ['copy.json', [], /"schemaVersion": 1/],
  ] as const) {
    const result = await cli('export', 'crisis.json', '--out', out, ...extra)
    assert.equal(result.code, 0, result.err)
    assert.match(await readFile(path.join(dir, out), 'utf8'), check)
  }
  assert.match(await readFile(path.join(dir, 'out.csv'), 'utf8'), /,'=SUM\(A1:A9\) is how/)
  const unknown = await cli('export', 'crisis.json', '--out', 'out.xlsx')
  assert.equal(unknown.code, 2)
})

test('merge: conflicts printed and nothing written without --prefer; --prefer settles them', async () => {
  const mine = sampleTimeline()
  const theirs = sampleTimeline()
  theirs.events[0]!.title = 'Belovezha Accords (Viskuli)'
  theirs.annotations[1] = { ...theirs.annotations[1]!, text: 'A framework may be agreed' }
  theirs.events.push({ id: 'ev-new', title: 'NATO–Russia Council, Brussels', date: '2022-01-12', description: '', lanes: [], tags: [], sources: [] })
  await writeTimeline('mine.json', mine)
  await writeTimeline('theirs.json', theirs)
  const listed = await cli('merge', 'mine.json', 'theirs.json', '--out', 'merged.json')
  assert.equal(listed.code, 6)
  assert.match(listed.out, /Their copy adds 1 events, 0 annotations and 0 lanes; 2 conflicts\./)
  assert.match(listed.out, /event ev-belovezha, title:\n {4}mine: {3}"Belovezha Accords"\n {4}theirs: "Belovezha Accords \(Viskuli\)"/)
  await assert.rejects(readFile(path.join(dir, 'merged.json')), 'nothing written')
  const settled = await cli('merge', 'mine.json', 'theirs.json', '--out', 'merged.json', '--prefer', 'theirs')
  assert.equal(settled.code, 0, settled.err)
  const merged = parseTimelineText(await readFile(path.join(dir, 'merged.json'), 'utf8'))
  assert.equal(merged.events.find((e) => e.id === 'ev-belovezha')!.title, 'Belovezha Accords (Viskuli)')
  const note = merged.annotations.find((a) => a.id === 'an-geneva')!
  assert.deepEqual(note.history.map((v) => v.text), ['No breakthrough expected', 'A framework may be agreed'])
})

test('validate: a timeline, an import file with row errors, a corrupt file', async () => {
  await writeTimeline('ok.json')
  const ok = await cli('validate', 'ok.json')
  assert.equal(ok.code, 0)
  assert.match(ok.out, /a valid Annalist timeline, "Russia–West crisis 2021–22": 7 events, 2 annotations, 3 lanes/)
  const rows = await cli('validate', fixture('timelinejs.json'))
  assert.equal(rows.code, 3)
  assert.match(rows.out, /error row 6, events\[5\]\.start_date: month 13 is out of range/)
  await copyFile(fixture('acled.csv'), path.join(dir, 'fine.csv'))
  assert.equal((await cli('validate', 'fine.csv')).code, 0)
  await writeFile(path.join(dir, 'broken.json'), '{"schemaVersion": 1, "events": [')
  const broken = await cli('validate', 'broken.json')
  assert.equal(broken.code, 3)
  assert.match(broken.err, /broken\.json.*\n {2}where: line 1, column 33 \(end of file\)/)
})
