/**
 * Several timelines through the real dispatcher: New, Open (library, recent, a file from elsewhere),
 * Save a Copy As, Rename and Close, with the session every handler holds switching files underneath.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createDispatcher } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { APP_ORIGIN } from '../../main/security/appUrl'
import type { Channel, CurrentTimeline, TimelineListing } from '../../main/ipc/contract'
import { ensureDefaultTimeline } from '../../main/store/library'
import { parseTimelineText, serializeTimeline } from '../../main/store/timelineFile'
import { TimelineSession } from '../../main/timelineSession'
import { Workspace, timelineToOpenAtStart } from '../../main/workspace/workspace'
import { recentTimelinesFile } from '../../main/workspace/recentTimelines'
import { sampleDocument, withNote } from '../store/helpers'

const fromApp = { url: `${APP_ORIGIN}/index.html` }
const bundledDataDir = path.resolve(import.meta.dirname, '../../data')

async function openApp(answers: (string | null)[] = []) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'annalist-workspace-'))
  const paths = { dataDir, bundledDataDir }
  const start = await timelineToOpenAtStart(paths)
  const session = await TimelineSession.open(start.file, start.place)
  const workspace = new Workspace(session, paths)
  await workspace.rememberCurrent()
  const next = async () => answers.shift() ?? null
  const dispatch = createDispatcher(
    createHandlers({ session, openInBrowser: async () => undefined, dataDir, workspace, chooseTimelineFile: next, chooseTimelineCopyPath: next }),
    APP_ORIGIN,
    () => undefined,
  )
  const call = async <T>(channel: Channel, ...args: unknown[]): Promise<T> => {
    const outcome = await dispatch(channel, fromApp, args)
    if (!outcome.ok) throw new Error(outcome.error)
    return outcome.value as T
  }
  return { dataDir, session, workspace, call, answers }
}

test('New makes an empty timeline with the typed title, never over an existing one; Close goes back', async () => {
  const { session, call, dataDir } = await openApp()
  try {
    const seedTitle = session.document.meta.title
    assert.ok(session.document.events.length > 0, 'the seed opens first')
    const made = await call<CurrentTimeline>('newTimeline', 'Sahel coups, 2020–23')
    assert.equal(made.title, 'Sahel coups, 2020–23')
    assert.equal(made.name, 'sahel-coups-2020-23')
    assert.equal(session.document.events.length, 0)
    const again = await call<CurrentTimeline>('newTimeline', 'Sahel coups, 2020–23')
    assert.equal(again.name, 'sahel-coups-2020-23-2', 'the first one is not overwritten')

    const listing = await call<TimelineListing>('listTimelines')
    assert.deepEqual(listing.library.map((t) => t.name).sort(), ['russia-west-crisis', 'sahel-coups-2020-23', 'sahel-coups-2020-23-2'])
    assert.deepEqual(listing.recent.slice(0, 3).map((r) => r.title), ['Sahel coups, 2020–23', 'Sahel coups, 2020–23', seedTitle])

    const closed = await call<{ closed: boolean; current: CurrentTimeline }>('closeTimeline')
    assert.equal(closed.closed, true)
    assert.equal(session.document.meta.title, seedTitle)
    const recent = JSON.parse(await readFile(recentTimelinesFile(dataDir), 'utf8')) as { timelines: { title: string }[] }
    assert.equal(recent.timelines[0]?.title, seedTitle, 'the recent list is on disk')
  } finally {
    await session.close()
  }
})

test('edits land in the file that is open, and Undo does not reach into the previous timeline', async () => {
  const { session, call, dataDir } = await openApp()
  try {
    const seedFile = session.file
    await call('addLane', 'Before the switch')
    await call('newTimeline', 'Fresh')
    assert.equal((await call<{ undoLabel: string | null }>('getUndoState')).undoLabel, null)
    await call('addLane', 'In the new one')
    await session.flush()
    const fresh = parseTimelineText(await readFile(session.file, 'utf8'))
    assert.deepEqual(fresh.lanes.map((l) => l.name), ['In the new one'])
    const seed = parseTimelineText(await readFile(seedFile, 'utf8'))
    assert.ok(seed.lanes.some((l) => l.name === 'Before the switch'), 'the change before switching was saved')
    assert.ok(!seed.lanes.some((l) => l.name === 'In the new one'))
    assert.ok((await readdir(path.join(dataDir, 'backups', 'fresh'))).length > 0, 'the new timeline has its own backups')
  } finally {
    await session.close()
  }
})

test('a file from elsewhere opens in place, keeps its own backups, and reopens from the recent list', async () => {
  const outside = await mkdtemp(path.join(os.tmpdir(), 'annalist-usb-'))
  const file = path.join(outside, 'colleague.annalist.json')
  await writeFile(file, serializeTimeline(withNote(sampleDocument('From a colleague'), 'n1', 'their note')))
  const { session, call, dataDir, answers } = await openApp()
  try {
    answers.push(file)
    const opened = await call<CurrentTimeline>('openTimeline', { browse: true })
    assert.deepEqual([opened.title, opened.name, opened.location], ['From a colleague', null, file])
    await call('renameTimeline', 'Renamed in place')
    await session.flush()
    assert.equal(parseTimelineText(await readFile(file, 'utf8')).meta.title, 'Renamed in place', 'writes go to the file itself')
    const elsewhere = await readdir(path.join(dataDir, 'elsewhere'))
    assert.equal(elsewhere.length, 1)
    assert.ok((await readdir(path.join(dataDir, 'elsewhere', elsewhere[0]!, 'backups', 'colleague'))).length > 0)

    await call('closeTimeline')
    const listing = await call<TimelineListing>('listTimelines')
    assert.ok(listing.recent.some((r) => r.file === file && r.title === 'Renamed in place'))
    const back = await call<CurrentTimeline>('openTimeline', { recent: file })
    assert.equal(back.title, 'Renamed in place')
    await call('undo')
    assert.equal(session.document.meta.title, 'Renamed in place', 'Undo history starts afresh on opening')
  } finally {
    await session.close()
  }
})

test('a file that is not a timeline is refused and left as it was; the window cannot name other paths', async () => {
  const outside = await mkdtemp(path.join(os.tmpdir(), 'annalist-usb-'))
  const csv = path.join(outside, 'events.csv')
  await writeFile(csv, 'date,title\n2022-01-10,Geneva talks\n')
  const { session, call, answers } = await openApp()
  try {
    const before = session.file
    answers.push(csv)
    await assert.rejects(call('openTimeline', { browse: true }), /not an Annalist timeline.*use Import/)
    assert.equal(await readFile(csv, 'utf8'), 'date,title\n2022-01-10,Geneva talks\n')
    assert.deepEqual(await readdir(outside), ['events.csv'], 'nothing moved aside')
    assert.equal(session.file, before)
    await assert.rejects(call('openTimeline', { recent: '/etc/passwd' }), /not on the recent list/)
    await assert.rejects(call('openTimeline', { library: '../../etc/x' }), /not a timeline name/)
    assert.equal(await call('openTimeline', { browse: true }), null, 'a cancelled dialog changes nothing')
  } finally {
    await session.close()
  }
})

test('Save a Copy As writes a valid timeline and the original stays open', async () => {
  const outside = await mkdtemp(path.join(os.tmpdir(), 'annalist-copy-'))
  const target = path.join(outside, 'copy.annalist.json')
  const { session, call, answers } = await openApp()
  try {
    answers.push(target)
    const saved = await call<{ saved: boolean; events: number }>('saveTimelineCopy')
    assert.equal(saved.saved, true)
    const copy = parseTimelineText(await readFile(target, 'utf8'))
    assert.equal(copy.events.length, session.document.events.length)
    assert.equal(saved.events, copy.events.length)
    answers.push(session.file)
    await assert.rejects(call('saveTimelineCopy'), /own file/)
  } finally {
    await session.close()
  }
})

test('the timeline open last is the one opened at start', async () => {
  const { session, call, dataDir } = await openApp()
  await call('newTimeline', 'Carry on tomorrow')
  await session.close()
  const start = await timelineToOpenAtStart({ dataDir, bundledDataDir })
  assert.equal(path.basename(start.file), 'carry-on-tomorrow.annalist.json')
  assert.equal(await ensureDefaultTimeline({ dataDir, bundledDataDir }).then((f) => path.basename(f)), 'russia-west-crisis.annalist.json')
})

test('File ▸ Open lists each library timeline with its counts, and a damaged one with the reason', async () => {
  const { session, call, dataDir } = await openApp()
  try {
    await writeFile(path.join(dataDir, 'timelines', 'half-written.annalist.json'), '{"schemaVersion": 1, "meta": {')
    const listing = await call<TimelineListing>('listTimelines')
    const seed = listing.library.find((t) => t.name === 'russia-west-crisis')
    assert.equal(seed?.events, session.document.events.length)
    assert.equal(seed?.current, true)
    const damaged = listing.library.find((t) => t.name === 'half-written')
    assert.ok(damaged?.problem, 'the damaged file is listed with a reason')
    assert.equal(damaged?.current, false)
    assert.equal(listing.current.name, 'russia-west-crisis')
  } finally {
    await session.close()
  }
})

test('a missing timeline with no backups is refused rather than started afresh', async () => {
  const { session, call, dataDir } = await openApp()
  try {
    const { rm } = await import('node:fs/promises')
    await call('newTimeline', 'Short-lived')
    await call('closeTimeline')
    await rm(path.join(dataDir, 'timelines', 'short-lived.annalist.json'))
    await rm(path.join(dataDir, 'backups', 'short-lived'), { recursive: true, force: true })
    const listing = await call<TimelineListing>('listTimelines')
    const entry = listing.recent.find((r) => r.title === 'Short-lived')
    assert.equal(entry?.missing, true)
    await assert.rejects(call('openTimeline', { recent: entry!.file }), /not there any more/)
    assert.deepEqual(await readdir(path.join(dataDir, 'timelines')), ['russia-west-crisis.annalist.json'], 'no empty timeline was made in its place')
  } finally {
    await session.close()
  }
})
