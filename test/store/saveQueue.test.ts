/**
 * The save queue: one writer at a time, rapid edits coalesced, and an edit acknowledged only by a
 * write that started after it was made.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { SaveQueue, SaveQueueClosedError } from '../../main/store/saveQueue'

function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

test('edits made during a write are acknowledged only by the next write, which holds them all', async () => {
  let edits = 0
  const written: number[] = []
  const gates = [gate(), gate()]
  let running = 0
  let mostAtOnce = 0
  const queue = new SaveQueue(async () => {
    running++
    mostAtOnce = Math.max(mostAtOnce, running)
    const snapshot = edits // what this write holds
    await gates[written.length]!.opened
    written.push(snapshot)
    running--
  })
  edits = 1
  const first = queue.requestSave()
  const acknowledged: number[] = []
  edits = 2
  const second = queue.requestSave().then(() => acknowledged.push(2))
  edits = 3
  const third = queue.requestSave().then(() => acknowledged.push(3))
  gates[0]!.open()
  await first
  assert.deepEqual(acknowledged, [], 'edits 2 and 3 were made after the first write began')
  gates[1]!.open()
  await Promise.all([second, third])
  assert.deepEqual(written, [1, 3], 'edits 2 and 3 coalesced into one write holding both')
  assert.equal(mostAtOnce, 1, 'never two writes at once')
  assert.deepEqual(queue.state, { state: 'saved' })
})

test('a failing write is retried with the edits still waiting, and the state says why', async () => {
  let failuresLeft = 2
  const queue = new SaveQueue(
    async () => {
      if (failuresLeft-- > 0) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
    },
    { retryDelaysMs: [1], describeError: (e) => `disk full (${(e as NodeJS.ErrnoException).code})` },
  )
  const seen: string[] = []
  queue.onStateChange((s) => seen.push(s.lastError ? `${s.state}: ${s.lastError}` : s.state))
  await queue.requestSave()
  assert.deepEqual(seen, ['saving', 'retrying: disk full (ENOSPC)', 'saved'])
})

test('closing stops the retries and tells the waiting edits they were not saved', async () => {
  const queue = new SaveQueue(async () => {
    throw new Error('EIO')
  }, { retryDelaysMs: [60_000] })
  const saved = queue.requestSave()
  await new Promise((resolve) => setTimeout(resolve, 5))
  queue.close()
  await assert.rejects(saved, SaveQueueClosedError)
  await assert.rejects(queue.requestSave(), SaveQueueClosedError)
})
