/**
 * The editing channels end to end in the main process: through the checking dispatcher, into a real
 * TimelineSession on a real file in a temp folder, and back out as the window would see it.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AnnalistContract, Channel, Outcome } from '../../main/ipc/contract'
import { createDispatcher } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { authorPreferencesFile } from '../../main/preferences/authorPreferences'
import { parseTimelineText } from '../../main/store/timelineFile'
import { TimelineSession } from '../../main/timelineSession'
import { GENEVA, noteOnGeneva, SEED_FILE } from './fixtures'

const ORIGIN = 'app://annalist'

async function openApp(t: { after: (fn: () => Promise<void>) => void }) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'annalist-editing-'))
  const file = path.join(dataDir, 'timelines', 'crisis.annalist.json')
  await mkdir(path.dirname(file), { recursive: true })
  await copyFile(SEED_FILE, file)
  const sessions: TimelineSession[] = []
  const start = async () => {
    const session = await TimelineSession.open(file, { backupEveryMs: 3_600_000 })
    sessions.push(session)
    const dispatch = createDispatcher(createHandlers({ session, openInBrowser: async () => undefined, dataDir }), ORIGIN)
    /** Calls a channel as the window does and unwraps the outcome (failing the test on an error outcome). */
    const call = async <K extends Channel>(channel: K, ...args: AnalistArgs<K>): Promise<AnnalistContract[K]['result']> => {
      const outcome = (await dispatch(channel, { url: `${ORIGIN}/index.html` }, args)) as Outcome<AnnalistContract[K]['result']>
      if (!outcome.ok) throw new Error(outcome.error)
      return outcome.value
    }
    return { session, call, raw: (channel: string, args: unknown) => dispatch(channel, { url: `${ORIGIN}/index.html` }, args) }
  }
  t.after(async () => {
    for (const session of sessions) await session.close()
    await rm(dataDir, { recursive: true, force: true })
  })
  return { dataDir, file, start, onDisk: async () => parseTimelineText(await readFile(file, 'utf8')) }
}
type AnalistArgs<K extends Channel> = AnnalistContract[K]['args']

test('the author is asked for once, saved durably, and signs notes', async (t) => {
  const app = await openApp(t)
  const { call } = await app.start()
  assert.deepEqual(await call('getPreferences'), { author: { name: '', initials: '' } })
  await assert.rejects(call('addAnnotation', noteOnGeneva()), /Set your name in Preferences/)
  assert.deepEqual(await call('setPreferences', { author: { name: '  Jane   van Analyst ' } }), { author: { name: 'Jane van Analyst', initials: 'JVA' } })
  assert.deepEqual(JSON.parse(await readFile(authorPreferencesFile(app.dataDir), 'utf8')), { name: 'Jane van Analyst', initials: 'JVA' })
  const added = await call('addAnnotation', noteOnGeneva())
  assert.deepEqual(added.annotations[0]?.author, { name: 'Jane van Analyst', initials: 'JVA' })

  const again = await app.start()
  assert.deepEqual(await again.call('getPreferences'), { author: { name: 'Jane van Analyst', initials: 'JVA' } }, 'kept across restarts')
})

test('each kind of note is saved durably, listed in time order, and survives a restart', async (t) => {
  const app = await openApp(t)
  const { call } = await app.start()
  await call('setPreferences', { author: { name: 'Jane Analyst', initials: 'JA' } })
  const onEvent = await call('addAnnotation', { ...noteOnGeneva('See [readout](https://www.state.gov/) <img src=x onerror=alert(1)>'), tags: ['talks'] })
  assert.match(onEvent.label, /^add note on US–Russia Strategic Stability Dialogue/)
  assert.equal(onEvent.save.state, 'saved')
  assert.deepEqual(onEvent.undo, { undoLabel: onEvent.label, redoLabel: null })
  const span = await call('addAnnotation', { anchor: { kind: 'span', date: '2022-01-08/2022-01-13' }, label: 'Geneva week', text: 'x', judgement: { likelihood: 'likely', confidence: 'low' } })
  const moment = await call('addAnnotation', { anchor: { kind: 'moment', date: '1991-12-25' }, text: 'Gorbachev resigns' })
  const ids = [onEvent, span, moment].map((r) => r.annotations[0]!.id)

  assert.deepEqual((await app.onDisk()).annotations.map((a) => a.id), ids, 'on disk when acknowledged')
  const relaunched = await app.start()
  const listed = await relaunched.call('listAnnotations')
  assert.deepEqual(listed.map((row) => row.annotation.id), [ids[2], ids[1], ids[0]], 'time order: 1991, then the span from 8 Jan 2022, then 10 Jan')
  assert.equal(listed[2]?.anchorInWords, 'on US–Russia Strategic Stability Dialogue, Geneva (Sherman, Ryabkov) (10 January 2022)')
  assert.equal(listed[1]?.span?.interval, true)
  assert.deepEqual((await relaunched.call('listAnnotations', { kind: 'span' })).map((r) => r.annotation.id), [ids[1]])
  assert.deepEqual((await relaunched.call('listAnnotations', { tag: 'talks' })).map((r) => r.annotation.id), [ids[0]])
  assert.deepEqual((await relaunched.call('listAnnotations', { likelihood: 'likely', confidence: 'low' })).map((r) => r.annotation.id), [ids[1]])
  assert.deepEqual((await relaunched.call('listAnnotations', { likelihood: 'none' })).length, 2)
  assert.deepEqual((await relaunched.call('listAnnotations', { author: 'ja' })).length, 3)
  assert.deepEqual((await relaunched.call('listAnnotations', { author: 'someone else' })).length, 0)

  const detail = await relaunched.call('getAnnotation', ids[0]!)
  assert.deepEqual(detail.text, [
    {
      type: 'p',
      children: [
        { type: 'text', text: 'See ' },
        { type: 'link', href: 'https://www.state.gov/', children: [{ type: 'text', text: 'readout' }] },
        { type: 'text', text: ' <img src=x onerror=alert(1)>' },
      ],
    },
  ])
})

test('edit twice, restore the first version, delete, undo: same id and history throughout', async (t) => {
  const app = await openApp(t)
  const { call } = await app.start()
  await call('setPreferences', { author: { name: 'Jane Analyst' } })
  const id = (await call('addAnnotation', noteOnGeneva('one'))).annotations[0]!.id
  await call('updateAnnotation', id, noteOnGeneva('two'))
  await call('updateAnnotation', id, noteOnGeneva('*three*'))
  let detail = await call('getAnnotation', id)
  assert.deepEqual([...detail.history.map((h) => h.version.text), detail.annotation.text], ['one', 'two', '*three*'])
  assert.deepEqual(detail.history.map((h) => h.index), [0, 1])
  const restored = await call('restoreAnnotationVersion', id, 0)
  assert.equal(restored.annotations[0]?.text, 'one')
  detail = await call('getAnnotation', id)
  assert.equal(detail.history.length, 3)
  assert.deepEqual(detail.history[2]?.text, [{ type: 'p', children: [{ type: 'em', children: [{ type: 'text', text: 'three' }] }] }])

  const beforeDelete = (await app.onDisk()).annotations.find((a) => a.id === id)
  const deleted = await call('deleteAnnotation', id)
  assert.ok(deleted.annotations[0]?.deleted)
  assert.deepEqual(await call('listAnnotations'), [], 'the trash is left out by default')
  assert.equal((await call('listAnnotations', { trash: 'only' })).length, 1)
  const undone = await call('undo')
  assert.equal(undone?.label, deleted.label)
  assert.deepEqual(undone?.annotations, [beforeDelete])
  assert.deepEqual((await app.onDisk()).annotations.find((a) => a.id === id), beforeDelete, 'the undo is saved too')
  assert.deepEqual(await call('getUndoState'), { undoLabel: restored.label, redoLabel: deleted.label })
})

test('event edits return the placed event; an invalid date is refused and the file is not touched', async (t) => {
  const app = await openApp(t)
  const { call } = await app.start()
  const bytes = await readFile(app.file)
  const refused = await (await app.start()).raw('addEvent', [{ title: 'Invasion', date: '2023-02-30' }])
  assert.deepEqual(refused, { ok: false, error: 'The event date: February 2023 has only 28 days, so "2023-02-30" is not a date' })
  assert.deepEqual(await readFile(app.file), bytes, 'nothing saved')
  assert.deepEqual(await call('getUndoState'), { undoLabel: null, redoLabel: null })

  const added = await call('addEvent', { title: 'Invasion', date: '2022-02-24', lanes: ['russia', 'ukraine'], sources: [{ title: 'Reuters', grade: 'B2' }] })
  const placed = added.events[0]!
  assert.equal(placed.title, 'Invasion')
  assert.equal(placed.bestGrade, 'B2')
  assert.equal(placed.span.start, Date.UTC(2022, 1, 24))
  const moved = await call('updateEvent', placed.id, { title: 'Invasion', date: '2022-02-24T03:00:00Z', lanes: ['ukraine'] })
  assert.equal(moved.events[0]?.span.precision, 'time')
  const deleted = await call('deleteEvent', GENEVA)
  assert.deepEqual(deleted.removedEvents, [GENEVA])
  const undone = await call('undo')
  assert.deepEqual(undone?.events.map((e) => e.id), [GENEVA])
  assert.deepEqual((await app.onDisk()).events.map((e) => e.id).indexOf(GENEVA), 9, 'back in its place')
  const undoAdd = [await call('undo'), await call('undo')]
  assert.deepEqual(undoAdd[1]?.removedEvents, [placed.id])
  assert.equal(await call('undo'), null)
  assert.deepEqual((await app.onDisk()).events, parseTimelineText(bytes.toString('utf8')).events)
})

test('lane channels return the whole lane list; arguments are checked before any handler runs', async (t) => {
  const app = await openApp(t)
  const { call, raw } = await app.start()
  const added = await call('addLane', 'Türkiye')
  assert.deepEqual(added.lanes?.at(-1), { id: 'turkiye', name: 'Türkiye', hidden: false })
  assert.equal(added.events.length + added.annotations.length, 0)
  const hidden = await call('setLaneHidden', 'turkiye', true)
  assert.equal(hidden.lanes?.at(-1)?.hidden, true)
  const order = hidden.lanes!.map((l) => l.id).reverse()
  assert.deepEqual((await call('reorderLanes', order)).lanes?.map((l) => l.id), order)
  assert.equal((await call('renameLane', 'turkiye', 'Turkey')).label, 'rename lane Türkiye to Turkey')

  const bad = await raw('setLaneHidden', ['turkiye', 'yes'])
  assert.equal(bad.ok, false)
  assert.match((bad as { error: string }).error, /^bad arguments for setLaneHidden/)
  assert.equal((await raw('addAnnotation', [{ anchor: { kind: 'event', eventId: GENEVA }, text: 'x', __proto__: { polluted: true }, style: 'x' }])).ok, false)
  assert.equal((await raw('restoreAnnotationVersion', ['note-1', -1])).ok, false)
})

test('restoring a backup (outside the undo history) clears Undo, so Ctrl+Z cannot undo into the wrong timeline', async (t) => {
  const app = await openApp(t)
  const { call, session } = await app.start()
  await call('addLane', 'Türkiye')
  await session.flush()
  let backups = await call('listBackups')
  for (let i = 0; i < 50 && backups.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    backups = await call('listBackups')
  }
  assert.ok(backups.length > 0, 'the snapshot taken on open')
  await call('restoreBackup', backups.at(-1)!.id)
  assert.deepEqual(await call('getUndoState'), { undoLabel: null, redoLabel: null })
  assert.equal(await call('undo'), null)
  assert.equal((await app.onDisk()).lanes.some((l) => l.id === 'turkiye'), false)
})
