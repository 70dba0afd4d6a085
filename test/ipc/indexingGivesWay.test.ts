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

/** A promise and the function that settles it. */
function pending(): { promise: Promise<void>; answer: () => void } {
  let answer!: () => void
  return { promise: new Promise<void>((resolve) => (answer = resolve)), answer: () => answer() }
}

/** Whether `work` settles within 5 s (bounded, so that a wait that never ends fails rather than hangs). */
const settles = (work: Promise<unknown>) => Promise.race([work.then(() => true), sleep(5_000).then(() => false)])

/**
 * Answers a request after 200 ms; says whether work that waits for a quiet moment waited for it,
 * and then went on once it was answered.
 */
async function heldBack(activity: WindowActivity): Promise<{ waited: boolean; wentOn: boolean }> {
  const request = pending()
  const answered = activity.whileAnswering(() => request.promise)
  let quiet = false
  const work = activity.quietMoment(() => false).then(() => (quiet = true))
  await sleep(200)
  const waited = !quiet
  request.answer()
  await answered
  return { waited, wentOn: await settles(work) }
}

test('work that waits for a quiet moment waits while a request is answered, but not while it waits on a dialog', async () => {
  const activity = new WindowActivity(0)
  assert.deepEqual(await heldBack(activity), { waited: true, wentOn: true }, 'the work waited while a request was answered, then went on')

  // A request waiting on a dialog does not hold it, but another request answered meanwhile does.
  const dialog = pending()
  const copying = activity.whileAnswering(() => activity.whileChoosing(() => dialog.promise))
  try {
    assert.ok(await settles(activity.quietMoment(() => false)), 'the work went on while the dialog was open')
    assert.deepEqual(await heldBack(activity), { waited: true, wentOn: true }, 'the work waited for another request, dialog open or not')
  } finally {
    dialog.answer()
    await copying
  }
})
