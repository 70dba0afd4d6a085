/**
 * What the main process keeps of a timeline file's bytes: those it opened are needed for the file's
 * hash (the journal names the file by it) and its snapshot, and those of a rewrite for its
 * snapshot; each is let go once that is taken. At 100,000 events a copy is 80 MB; two were kept
 * for as long as the timeline stayed open. Alone in their file, so no other test's memory comes
 * and goes while they measure.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { setTimeout as pause } from 'node:timers/promises'
import { syntheticTimeline } from '../../bench/synthetic'
import { journalPathFor } from '../../main/store/journal'
import { serializeTimeline } from '../../main/store/timelineFile'
import { TimelineSession } from '../../main/timelineSession'
import { collectGarbage, tempLibrary, withNote } from './helpers'

/** Array buffers in use; their memory is given back a little after they are collected, so a few rounds first. */
async function held(): Promise<number> {
  for (let round = 0; round < 5; round++) {
    collectGarbage()
    await pause(20)
  }
  return process.memoryUsage().arrayBuffers
}

const largeTimeline = () => serializeTimeline(syntheticTimeline({ events: 1_000 }))

test('once a large file is snapshotted and hashed as it opened, its bytes are let go (80 MB at 100,000 events)', async () => {
  const library = await tempLibrary()
  const file = library.file()
  const text = largeTimeline()
  await writeFile(file, text)
  const before = await held()
  // Saves go to the journal, which names the file by its hash: both the hash and the snapshot read the bytes that opened.
  const session = await TimelineSession.open(file, { snapshotAfterOpeningMs: 10, hashAfterOpeningMs: 10, journalFromBytes: 0 })
  try {
    assert.equal((await session.listBackups()).length, 1, 'the snapshot as it opened (listing waits for it)')
    await session.commit(withNote(session.document, 'n1', 'journaled'))
    await session.flush()
    assert.ok(existsSync(journalPathFor(file)), 'the save went to the journal')
    const kept = (await held()) - before
    assert.ok(kept < text.length / 4, `${(kept / 1e6).toFixed(1)} MB still held for a ${(text.length / 1e6).toFixed(1)} MB file`)
  } finally {
    await session.close()
    await library.remove()
  }
})

test('once a rewrite of the file is snapshotted, its bytes are let go', async () => {
  const library = await tempLibrary()
  const file = library.file()
  const text = largeTimeline()
  await writeFile(file, text)
  // No journal: every save rewrites the file, and a snapshot is due after each.
  const session = await TimelineSession.open(file, { journalFromBytes: Infinity, backupEveryMs: 0 })
  try {
    assert.equal((await session.listBackups()).length, 1, 'the snapshot as it opened')
    const before = await held()
    await session.commit(withNote(session.document, 'n1', 'rewritten'))
    await session.flush() // the save, then the snapshots it started
    assert.equal((await session.listBackups()).length, 2, 'the snapshot of the rewrite')
    const kept = (await held()) - before
    assert.ok(kept < text.length / 4, `${(kept / 1e6).toFixed(1)} MB still held for a ${(text.length / 1e6).toFixed(1)} MB file`)
  } finally {
    await session.close()
    await library.remove()
  }
})
