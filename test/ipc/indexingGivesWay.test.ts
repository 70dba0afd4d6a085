/**
 * Indexing a large timeline for search runs in the main process in pieces, between the window's
 * requests. While a request is being answered (a note being saved) it waits: each step of a note's
 * save waited behind a piece, and the first note added after opening 100,000 events took over half
 * a second to be acknowledged. A request waiting on a native dialog does not hold it: the analyst
 * is choosing a file, not waiting for the main process.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createHandlers } from '../../main/ipc/handlers'
import { serializeTimeline } from '../../main/store/timelineFile'
import { TimelineSession } from '../../main/timelineSession'
import { syntheticTimeline } from '../../bench/synthetic'
import { WindowActivity } from '../../main/timelineIndex/windowActivity'

test('indexing for search goes on while a native dialog is open, and a search waiting for it gets the whole index', async (t) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'annalist-gives-way-'))
  const file = path.join(dataDir, 'large.annalist.json')
  await writeFile(file, serializeTimeline(syntheticTimeline({ events: 3_000, annotations: 0 })))
  const session = await TimelineSession.open(file, { backupEveryMs: 3_600_000 })
  t.after(async () => {
    await session.close()
    await rm(dataDir, { recursive: true, force: true })
  })
  let answerDialog!: (file: string | null) => void
  const handlers = createHandlers({
    session,
    openInBrowser: async () => undefined,
    dataDir,
    chooseTimelineCopyPath: () => new Promise((resolve) => (answerDialog = resolve)),
  })
  await handlers.loadTimeline()
  const indexedSoFar = async () => (await handlers.search({ text: 'kazakh', soFar: true })).indexing?.indexed ?? 3_000

  // The first search starts the build; then Save a Copy As… waits on its dialog.
  await indexedSoFar()
  const copying = handlers.saveTimelineCopy()
  try {
    const before = await indexedSoFar()
    assert.ok(before < 3_000, `the build had not finished before the dialog opened (${before})`)
    // Waited for rather than timed, so a busy machine cannot fail it.
    let meanwhile = before
    for (const started = Date.now(); meanwhile <= before && Date.now() - started < 5_000; await sleep(50)) meanwhile = await indexedSoFar()
    assert.ok(meanwhile > before, `the build went on while the dialog was open (${before} indexed when it opened, ${meanwhile} later)`)
  } finally {
    answerDialog(null)
  }
  assert.deepEqual(await copying, { saved: false })

  // A search that waits for the whole index gets it, whatever else is being answered.
  const pending = handlers.saveTimelineCopy()
  const whole = await handlers.search({ text: 'kazakh' })
  assert.equal(whole.indexing, undefined)
  answerDialog(null)
  await pending
})

test('work that waits for a quiet moment waits while a request is answered, but not while it waits on a dialog', async () => {
  const activity = new WindowActivity(0)
  let quietAt = 0
  const quietMoment = () => activity.quietMoment(() => false).then(() => (quietAt = Date.now()))
  const pending = () => {
    let answer!: () => void
    return { promise: new Promise<void>((resolve) => (answer = resolve)), answer: () => answer() }
  }

  // A request being answered holds the work until it is answered.
  const saving = pending()
  const saved = activity.whileAnswering(() => saving.promise)
  const waited = quietMoment()
  await sleep(200)
  saving.answer()
  assert.equal(quietAt, 0, 'the work waited while the request was answered')
  await saved
  await waited
  assert.ok(quietAt > 0, 'the work went on once the request was answered')

  // A request waiting on a dialog does not, but another request answered meanwhile does.
  const dialog = pending()
  const copying = activity.whileAnswering(() => activity.whileChoosing(() => dialog.promise))
  const note = pending()
  try {
    quietAt = 0
    // Bounded, so that a wait that never ends fails here rather than hanging the run.
    await Promise.race([quietMoment(), sleep(5_000)])
    assert.ok(quietAt > 0, 'the work went on while the dialog was open')
    const noting = activity.whileAnswering(() => note.promise)
    quietAt = 0
    const waitedAgain = quietMoment()
    await sleep(200)
    note.answer()
    assert.equal(quietAt, 0, 'the work waited for the other request, dialog open or not')
    await noting
    await waitedAgain
  } finally {
    note.answer()
    dialog.answer()
    await copying
  }
})
