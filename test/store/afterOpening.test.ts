import { test } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as pause } from 'node:timers/promises'
import { laterOrWhenAsked } from '../../main/store/afterOpening'
import { collected } from './helpers'

/** Waits until `done` holds (a loaded machine may run timers late), or two seconds. */
async function until(done: () => boolean): Promise<void> {
  const giveUpAt = Date.now() + 2_000
  while (!done() && Date.now() < giveUpAt) await pause(10)
}

function counted() {
  let runs = 0
  return { work: async () => ++runs, runs: () => runs }
}

test('work left for later starts on its own after the delay, once', async () => {
  const { work, runs } = counted()
  const later = laterOrWhenAsked(work, 20)
  assert.equal(runs(), 0)
  await until(() => runs() > 0)
  assert.equal(runs(), 1)
  assert.equal(await later(), 1, 'asked for afterwards, it is not done again')
})

test('asked for before the delay, it starts at once and not again', async () => {
  const { work, runs } = counted()
  const later = laterOrWhenAsked(work, 20)
  assert.equal(await later(), 1)
  await pause(100)
  assert.equal(runs(), 1)
})

test('cancelled (its timeline closed), it does not start on its own', async () => {
  const { work, runs } = counted()
  const later = laterOrWhenAsked(work, 20)
  later.cancel()
  await pause(100)
  assert.equal(runs(), 0)
})

test('once its work is done, what the work held is freed (a large file as it opened), and its answer kept', async () => {
  let bytes: WeakRef<Uint8Array> | undefined
  const later = (() => {
    const opened = new Uint8Array(8 * 1024 * 1024)
    bytes = new WeakRef(opened)
    return laterOrWhenAsked(async () => opened.byteLength, 60_000)
  })()
  assert.equal(await later(), 8 * 1024 * 1024)
  assert.equal(await collected(bytes!), true, 'the bytes are no longer held')
  assert.equal(await later(), 8 * 1024 * 1024, 'asked again, the answer is the same')
  later.cancel()
})
