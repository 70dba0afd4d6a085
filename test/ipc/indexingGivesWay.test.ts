/**
 * Indexing a large timeline for search runs in the main process in pieces, between the window's
 * requests. While a request is being answered (a note being saved, a dialog open) it waits: each
 * step of a note's save waited behind a piece, and the first note added after opening 100,000
 * events took over half a second to be acknowledged.
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

test('indexing for search waits while the window waits for an answer, and goes on once it has it', async (t) => {
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
  const before = await indexedSoFar()
  await sleep(400)
  const meanwhile = await indexedSoFar()
  assert.ok(before < 3_000, `the build had not finished before the dialog opened (${before})`)
  assert.equal(meanwhile, before, 'nothing more was indexed while the dialog was open')

  answerDialog(null)
  assert.deepEqual(await copying, { saved: false })
  // Waited for rather than timed, so a busy machine cannot fail it.
  let after = before
  for (const started = Date.now(); after <= before && Date.now() - started < 5_000; await sleep(50)) after = await indexedSoFar()
  assert.ok(after > before, 'the build went on once the dialog was answered')
  // A search that waits for the whole index gets it, whatever else is being answered.
  const pending = handlers.saveTimelineCopy()
  const whole = await handlers.search({ text: 'kazakh' })
  assert.equal(whole.indexing, undefined)
  answerDialog(null)
  await pending
})
