/**
 * At start, a large timeline waits for the window to show before it is read (the same process
 * serves the window its files); a small one is read at once, and a window that never shows holds
 * the read back only so long.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, truncate, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { READ_AFTER_WINDOW_FROM_BYTES, whenTimelineMayBeRead } from '../../main/workspace/windowFirst'

async function fileOf(bytes: number): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'annalist-window-first-')), 'timeline.annalist.json')
  await writeFile(file, '')
  await truncate(file, bytes) // sparse: no need to write 16 MB
  return file
}

const never = new Promise<void>(() => {})
/** Whether `promise` settles within `ms` (a file's size is read first, which a busy machine may take a while over). */
function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  return Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, ms, false))])
}

test('a small timeline is read at once, without waiting for the window', async () => {
  const file = await fileOf(READ_AFTER_WINDOW_FROM_BYTES - 1)
  assert.equal(await settlesWithin(whenTimelineMayBeRead(file, never, 60_000), 5_000), true)
})

test('a missing file is not waited for: reading it says what is wrong', async () => {
  assert.equal(await settlesWithin(whenTimelineMayBeRead(path.join(os.tmpdir(), 'no-such-annalist-file.json'), never, 60_000), 5_000), true)
})

test('a large timeline is read once the window has shown', async () => {
  const file = await fileOf(READ_AFTER_WINDOW_FROM_BYTES)
  let windowShown!: () => void
  const shown = new Promise<void>((resolve) => (windowShown = resolve))
  const mayRead = whenTimelineMayBeRead(file, shown, 60_000)
  assert.equal(await settlesWithin(mayRead, 200), false, 'read before the window showed')
  windowShown()
  assert.equal(await settlesWithin(mayRead, 5_000), true)
})

test('a window that never shows holds a large timeline back only so long', async () => {
  const file = await fileOf(READ_AFTER_WINDOW_FROM_BYTES * 4)
  const started = performance.now()
  await whenTimelineMayBeRead(file, never, 200)
  assert.ok(performance.now() - started >= 190, 'resolved before the longest wait')
})
