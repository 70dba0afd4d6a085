/** Each format's fixture, written in that format's real field layout, previews as an analyst would expect. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { previewImportFile } from '../../main/formats/importFile'
import type { ImportPreview } from '../../main/formats/importPreview'
import { emptyTimeline, sampleTimeline } from './sampleTimeline'
import { fixture } from './fixturePath'


function byTitle(preview: ImportPreview, title: string) {
  const found = preview.events.find((e) => e.event.title === title)
  assert.ok(found, `no event titled "${title}" in ${preview.events.map((e) => e.event.title).join(' | ')}`)
  return found
}

function errorRows(preview: ImportPreview): number[] {
  return preview.issues.filter((i) => i.severity === 'error').map((i) => i.row)
}

test('ACLED (31 columns): ids, day-first dates, quoted newlines, Unicode sources, a short row reported', async () => {
  const preview = await previewImportFile(fixture('acled.csv'), emptyTimeline())
  assert.equal(preview.csv?.layout, 'acled')
  assert.equal(preview.counts.events, 4)
  const zhanaozen = preview.events.find((e) => e.event.id === 'acled-KAZ1001')!
  assert.equal(zhanaozen.event.date, '2022-01-02')
  assert.match(zhanaozen.event.description, /LPG prices\.\nProtests spread/)
  assert.deepEqual(zhanaozen.event.sources.map((s) => [s.title, s.grade]), [['Радио Азаттык', 'F6'], ['Reuters', 'F6']])
  assert.deepEqual(zhanaozen.event.location, { name: 'Zhanaozen, Mangystau, Kazakhstan', latitude: 43.3412, longitude: 52.8619 })
  assert.equal(preview.events.find((e) => e.event.id === 'acled-KAZ1002')!.event.date, '2022-01-10', '"10 January 2022"')
  assert.equal(preview.events.find((e) => e.event.id === 'acled-UKR5001')!.event.date, '2022-02-24~', 'dd-mm-yyyy, time_precision 2 = approximate')
  assert.equal(preview.events.find((e) => e.event.id === 'acled-KAZ1003')!.event.date, '2022-01-13')
  const short = preview.issues.find((i) => i.row === 5)
  assert.equal(short?.severity, 'warning')
  assert.match(short!.message, /22 of 31 cells/)
  assert.deepEqual(preview.lanes.map((l) => l.name).sort(), ['Kazakhstan', 'Ukraine'])
  assert.match(preview.events.find((e) => e.event.id === 'acled-KAZ1002')!.event.description, /^<b>Almaty<\/b>/, 'HTML in a CSV cell is kept as text')
})

test('older ACLED layout is recognised', async () => {
  const preview = await previewImportFile(fixture('acled-older.csv'), emptyTimeline())
  assert.equal(preview.csv?.layout, 'acled-older')
  assert.deepEqual(preview.events.map((e) => [e.event.id, e.event.date]), [['acled-AFG30001', '2021-08-15'], ['acled-AFG30002', '2021-08-30']])
})

test('GDELT 2.0 (61 columns) and 1.0 (58 columns) without a header', async () => {
  for (const [file, layout] of [['gdelt2.tsv', 'gdelt-2'], ['gdelt1.tsv', 'gdelt-1']] as const) {
    const preview = await previewImportFile(fixture(file), emptyTimeline())
    assert.equal(preview.csv?.layout, layout)
    const geneva = preview.events[0]!
    assert.equal(geneva.row, 1, 'no header: the first line is row 1')
    assert.equal(geneva.event.id, 'gdelt-1019182736')
    assert.equal(geneva.event.date, '2022-01-10')
    assert.equal(geneva.event.title, 'UNITED STATES consults RUSSIA')
    assert.equal(geneva.event.location?.name, 'Geneva, Genève, Switzerland')
    assert.equal(geneva.event.sources[0]?.url, 'https://www.state.gov/strategic-stability-dialogue')
  }
})

test('TimelineJS sheet: title row, era, HTML made plain, dates before 1900, before 1000 and BC, partial dates', async () => {
  const preview = await previewImportFile(fixture('timelinejs-sheet.csv'), emptyTimeline())
  assert.equal(preview.csv?.layout, 'timelinejs-sheet')
  assert.equal(preview.title, 'The long road to 2022')
  assert.equal(preview.annotations.length, 1)
  assert.deepEqual(preview.annotations[0]!.annotation.anchor, { kind: 'span', date: '1991-12-08/1991-12-26' })
  assert.equal(byTitle(preview, 'French invasion of Russia').event.date, '1812-06-24/1812-12-14')
  assert.equal(byTitle(preview, 'French invasion of Russia').event.description, "Napoléon's Grande Armée crosses the Neman\nand retreats in December")
  assert.equal(byTitle(preview, 'Charlemagne crowned').event.date, '0800-12-25')
  assert.equal(byTitle(preview, 'Ides of March').event.date, '-0044-03-15')
  assert.equal(byTitle(preview, 'January talks').event.date, '2022-01', 'year-month stays a month')
  assert.equal(byTitle(preview, 'The year 2022').event.date, '2022', 'year-only stays a year')
  const summit = byTitle(preview, 'Biden–Putin video summit')
  assert.equal(summit.event.date, '2021-12-07T15:07:00')
  assert.equal(summit.event.description, 'About two hours, readout', 'tags and their onclick are gone')
  assert.deepEqual(errorRows(preview), [11])
  assert.match(preview.issues.find((i) => i.row === 11)!.message, /February 2022 has only 28 days/)
})

test('CSV with a mapping: mixed date styles, quoted newline, a bad date located by row', async () => {
  const mapping = { date: 'When', title: 'What', description: 'Notes', lane: 'Country', tags: 'Keywords', source: 'Link', location: 'Place' }
  const unmapped = await previewImportFile(fixture('mapped.csv'), emptyTimeline())
  assert.equal(unmapped.csv?.needsMapping, true)
  assert.deepEqual(unmapped.csv?.columns, ['When', 'What', 'Notes', 'Country', 'Keywords', 'Link', 'Place'])
  const preview = await previewImportFile(fixture('mapped.csv'), emptyTimeline(), { mapping })
  assert.deepEqual(preview.events.map((e) => e.event.date), ['2014-01-22', '2014-01-27', '2014-02-22', '2014-03', '1783'])
  assert.equal(preview.events[0]!.event.description, 'Two protesters shot on Hrushevskoho Street,\nKyiv')
  assert.deepEqual(preview.events[0]!.event.tags, ['protest', 'Kyiv'])
  assert.deepEqual(errorRows(preview), [7])
  assert.equal(preview.issues[0]!.column, 'When')
})

test('ambiguous day/month order is asked, with both readings, and the answer settles it', async () => {
  const asked = await previewImportFile(fixture('ambiguous.csv'), emptyTimeline())
  assert.equal(asked.questions.length, 1)
  assert.deepEqual(asked.questions[0], { column: 'date', example: '03/04/2014', firstRow: 2, dayFirst: '3 April 2014', monthFirst: '4 March 2014', rows: 2 })
  const monthFirst = await previewImportFile(fixture('ambiguous.csv'), emptyTimeline(), { dayFirst: false })
  assert.equal(monthFirst.questions.length, 0)
  assert.deepEqual(monthFirst.events.map((e) => e.event.date), ['2014-03-04', '2014-05-06'])
})

test('TimelineJS JSON: title, eras, unique_id, HTML and script removed, non-web media refused', async () => {
  const preview = await previewImportFile(fixture('timelinejs.json'), emptyTimeline())
  assert.equal(preview.format, 'timelinejs-json')
  assert.equal(preview.title, 'Russia & the West, 2021–22')
  const geneva = preview.events.find((e) => e.event.id === 'geneva-ssd')!
  assert.equal(geneva.event.title, 'US–Russia Strategic Stability Dialogue')
  assert.equal(geneva.event.description, 'Sherman and Ryabkov meet in Geneva.\n\nTalks last ~8 hours.')
  assert.equal(geneva.event.sources[0]?.url, 'https://www.state.gov/')
  assert.equal(byTitle(preview, 'Rurik at Novgorod').event.date, '0862')
  assert.equal(byTitle(preview, 'Battle on the Ice').event.date, '1242-04-05')
  assert.equal(byTitle(preview, 'Battle on the Ice').event.sources.length, 0)
  assert.equal(preview.annotations[0]?.annotation.label, 'Unrest in Kazakhstan')
  assert.deepEqual(errorRows(preview), [6])
  assert.equal(preview.issues.find((i) => i.row === 6)?.column, 'events[5].start_date')
})

test('Markwhen: header title, groups and sections as lanes, tags, body, sources, BC and pre-1000 dates', async () => {
  const preview = await previewImportFile(fixture('crisis.mw'), emptyTimeline())
  assert.equal(preview.title, 'Kazakhstan, January 2022')
  const unrest = byTitle(preview, 'Unrest in Kazakhstan')
  assert.equal(unrest.event.date, '2022-01-02/2022-01-19')
  assert.deepEqual(unrest.event.tags, ['unrest', 'fuel'])
  assert.equal(unrest.event.description, 'Began over LPG prices in Zhanaozen.\nSpread to Almaty by 4 January.')
  assert.equal(unrest.original, 'line 12')
  assert.deepEqual(preview.rows.find((r) => r.title === 'Unrest in Kazakhstan')?.lanes, ['Kazakhstan & CSTO'])
  assert.deepEqual(byTitle(preview, 'CSTO deployment to Kazakhstan').event.sources.map((s) => [s.grade, s.title]), [['B2', 'Reuters']])
  assert.equal(byTitle(preview, 'Putin – Rahmon phone call').event.date, '[2022-01-06,2022-01-07]')
  assert.equal(byTitle(preview, 'Year before 1000').event.date, '0800')
  assert.equal(byTitle(preview, 'Golden Horde founded').event.date, '1243~')
  assert.ok(byTitle(preview, 'Ides of March <script>alert(1)</script>'), 'script in a title stays text')
  assert.deepEqual(errorRows(preview), [32])
})

test('Timeline app XML: categories as lanes, fuzzy as approximate, eras, milestones, bad date located', async () => {
  const preview = await previewImportFile(fixture('crisis.timeline'), emptyTimeline())
  assert.equal(preview.format, 'timeline-xml')
  assert.equal(byTitle(preview, 'Gorbachev resigns').event.date, '1991-12-25T19:00:00')
  assert.equal(byTitle(preview, 'CSTO deployment to Kazakhstan').event.date, '2022-01-06~/2022-01-19~')
  assert.deepEqual(preview.rows.find((r) => r.title === 'CSTO deployment to Kazakhstan')?.lanes, ['Kazakhstan & CSTO'])
  assert.deepEqual(byTitle(preview, 'Battle of Kulikovo').event.tags, ['milestone'])
  assert.equal(byTitle(preview, 'Battle of Kulikovo').event.date, '1380-09-08')
  assert.equal(preview.annotations[0]?.annotation.anchor.kind, 'span')
  assert.deepEqual(errorRows(preview), [5])
})

test('native JSON: everything kept; duplicates against the open timeline found by id and by title+date', async () => {
  const fresh = await previewImportFile(fixture('annalist.json'), emptyTimeline())
  assert.equal(fresh.counts.events, 7)
  assert.equal(fresh.counts.annotations, 2)
  assert.equal(fresh.duplicates.length, 0)
  const again = await previewImportFile(fixture('annalist.json'), sampleTimeline())
  assert.equal(again.duplicates.filter((d) => d.reason === 'same id').length, 9)
  const renamed = sampleTimeline()
  renamed.events = renamed.events.map((e) => ({ ...e, id: `${e.id}-x` }))
  const byTitleDate = await previewImportFile(fixture('annalist.json'), renamed)
  assert.deepEqual(byTitleDate.duplicates.find((d) => d.kind === 'event' && d.row === 1), { kind: 'event', row: 1, existingId: 'ev-belovezha-x', reason: 'same title and date' })
})
