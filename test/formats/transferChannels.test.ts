/**
 * The import, export and merge channels through the checking dispatcher, on a real session over a
 * real file in a temp folder; the dialogs are stand-ins that return paths, as the e2e harness does.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AnnalistContract, Channel, Outcome } from '../../main/ipc/contract'
import { createDispatcher } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { parseTimelineText } from '../../main/store/timelineFile'
import { TimelineSession } from '../../main/timelineSession'
import { sampleTimeline } from './sampleTimeline'
import { fixture } from './fixturePath'

const ORIGIN = 'app://annalist'

async function openApp(t: { after: (fn: () => Promise<void>) => void }) {
  const dir = await mkdtemp(path.join(tmpdir(), 'annalist-transfer-'))
  const file = path.join(dir, 'crisis.annalist.json')
  await writeFile(file, JSON.stringify(sampleTimeline()))
  const session = await TimelineSession.open(file, { backupEveryMs: 3_600_000 })
  const dialogs = { open: [] as Array<string | null>, save: [] as Array<string | null>, asked: [] as unknown[] }
  const progress: Array<{ done: number; total: number }> = []
  const dispatch = createDispatcher(
    createHandlers({
      session,
      openInBrowser: async () => undefined,
      chooseOpenPath: async (request) => (dialogs.asked.push(request), dialogs.open.shift() ?? null),
      chooseExportPath: async (request) => (dialogs.asked.push(request), dialogs.save.shift() ?? null),
      reportImportProgress: (p) => progress.push(p),
    }),
    ORIGIN,
  )
  const call = async <K extends Channel>(channel: K, ...args: AnnalistContract[K]['args']): Promise<AnnalistContract[K]['result']> => {
    const outcome = (await dispatch(channel, { url: `${ORIGIN}/index.html` }, args)) as Outcome<AnnalistContract[K]['result']>
    if (!outcome.ok) throw new Error(outcome.error)
    return outcome.value
  }
  t.after(async () => {
    await session.close()
    await rm(dir, { recursive: true, force: true })
  })
  return { dir, file, session, dialogs, progress, call, onDisk: async () => parseTimelineText(await readFile(file, 'utf8')) }
}

test('import a CSV through the mapping step, answer the question, apply as one undoable step', async (t) => {
  const app = await openApp(t)
  const csv = path.join(app.dir, 'talks.csv')
  await writeFile(csv, 'When,What,Country\n03/04/2014,First talks,Ukraine\n05/06/2014,Second talks,Ukraine\n')
  app.dialogs.open.push(csv)
  const unmapped = await app.call('previewImport', {})
  assert.ok(unmapped)
  assert.equal(unmapped.csv?.needsMapping, true)
  assert.equal(unmapped.canApply, false)
  const mapped = await app.call('previewImport', { previewId: unmapped.previewId, mapping: { date: 'When', title: 'What', lane: 'Country' } })
  assert.equal(mapped!.previewId, unmapped.previewId)
  assert.equal(mapped!.questions[0]?.example, '03/04/2014')
  assert.equal(mapped!.canApply, false)
  await assert.rejects(app.call('applyImport', mapped!.previewId, { mode: 'merge-into' }), /day-first/)
  const answered = await app.call('previewImport', { previewId: unmapped.previewId, dayFirst: true })
  assert.deepEqual(answered!.rows.map((r) => [r.date, r.title, r.lanes]), [['2014-04-03', 'First talks', ['Ukraine']], ['2014-06-05', 'Second talks', ['Ukraine']]])
  assert.deepEqual(answered!.newLanes, ['Ukraine'])
  assert.ok(app.progress.length > 0)
  const applied = await app.call('applyImport', answered!.previewId, { mode: 'merge-into' })
  assert.equal(applied.mode, 'merge-into')
  assert.equal(applied.events, 2)
  if (applied.mode === 'merge-into') assert.equal(applied.edit.reload, true)
  assert.equal((await app.onDisk()).events.length, 9)
  const undone = await app.call('undo')
  assert.ok(undone)
  assert.equal((await app.onDisk()).events.length, 7, 'the whole import is one undo step')
})

test('import into a new timeline writes a file where the save dialog says; cancelled dialogs do nothing', async (t) => {
  const app = await openApp(t)
  assert.equal(await app.call('previewImport', {}), null, 'open dialog cancelled')
  app.dialogs.open.push(fixture('crisis.timeline'))
  const preview = await app.call('previewImport', {})
  await assert.rejects(app.call('applyImport', preview!.previewId, { mode: 'new' }), /1 row\(s\) have errors/)
  const target = path.join(app.dir, 'new.annalist.json')
  app.dialogs.save.push(target)
  const applied = await app.call('applyImport', preview!.previewId, { mode: 'new', skipRowsWithErrors: true })
  assert.deepEqual(applied, { mode: 'new', file: target, events: 4, annotations: 1 })
  assert.equal(parseTimelineText(await readFile(target, 'utf8')).meta.title, 'crisis')
  assert.equal((await app.onDisk()).events.length, 7, 'the open timeline is untouched')
})

test('a bad file is an error outcome with its location, and the timeline is unchanged', async (t) => {
  const app = await openApp(t)
  const bad = path.join(app.dir, 'bad.json')
  await writeFile(bad, '{"events": [ {"__proto__": {"x": 1}} ]}')
  app.dialogs.open.push(bad)
  await assert.rejects(app.call('previewImport', {}), /bad\.json, line 1, column 15: the file contains a "__proto__"/)
  assert.equal((await app.onDisk()).events.length, 7)
})

test('export data in each format to the chosen path', async (t) => {
  const app = await openApp(t)
  for (const format of ['json', 'csv', 'timelinejs', 'markwhen'] as const) {
    const target = path.join(app.dir, `out-${format}`)
    app.dialogs.save.push(target)
    const result = await app.call('exportData', format)
    assert.deepEqual(result, { saved: true, file: target, format, events: 7, annotations: 2 })
  }
  assert.deepEqual(app.dialogs.asked.at(-1), { suggestedName: 'Russia-West-crisis-2021-22.mw', format: 'markwhen' })
  assert.match(await readFile(path.join(app.dir, 'out-csv'), 'utf8'), /^\ufeffid,date,title/)
  assert.deepEqual(await app.call('exportData', 'csv'), { saved: false })
})

test('merge with a conflict resolved through the review choices; both versions of the note kept', async (t) => {
  const app = await openApp(t)
  const theirs = sampleTimeline()
  theirs.annotations[1] = { ...theirs.annotations[1]!, text: 'A framework may be agreed', author: { name: 'C. Colleague', initials: 'CC' } }
  theirs.events.push({ id: 'ev-nrc', title: 'NATO–Russia Council, Brussels', date: '2022-01-12', description: '', lanes: [], tags: [], sources: [] })
  const theirFile = path.join(app.dir, 'colleague.annalist.json')
  await writeFile(theirFile, JSON.stringify(theirs))
  app.dialogs.open.push(theirFile)
  const preview = await app.call('previewMerge')
  assert.ok(preview)
  assert.deepEqual(preview.added, { events: 1, annotations: 0, lanes: 0 })
  assert.deepEqual(preview.conflicts.map((c) => [c.kind, c.id, c.name, c.field, c.mine, c.theirs]), [['annotation', 'an-geneva', 'No breakthrough expected', 'text', 'No breakthrough expected', 'A framework may be agreed']])
  await assert.rejects(app.call('applyMerge', preview.mergeId, []), /1 conflict\(s\) have no choice/)
  const applied = await app.call('applyMerge', preview.mergeId, [{ kind: 'annotation', id: 'an-geneva', field: 'text', take: 'theirs' }])
  assert.equal(applied.reload, true)
  const saved = await app.onDisk()
  const note = saved.annotations.find((a) => a.id === 'an-geneva')!
  assert.equal(note.text, 'A framework may be agreed')
  assert.equal(note.author.initials, 'CC')
  assert.deepEqual(note.history.map((v) => v.text), ['No breakthrough expected', 'A framework may be agreed'])
  assert.ok(saved.events.some((e) => e.id === 'ev-nrc'))
})

test('the dispatcher refuses malformed transfer arguments', async (t) => {
  const app = await openApp(t)
  await assert.rejects(app.call('exportData', 'xlsx' as never), /bad arguments for exportData/)
  await assert.rejects(app.call('previewImport', { mapping: { date: 'When' } } as never), /bad arguments for previewImport/)
  await assert.rejects(app.call('applyMerge', 'x', [{ kind: 'lane', id: 'a', field: 'b', take: 'mine' }] as never), /bad arguments for applyMerge/)
})
