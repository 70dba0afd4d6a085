/**
 * What the main process keeps of a timeline's file once it has opened: the file's bytes are needed
 * for its hash (the journal names the file by it) and its snapshot, and are let go once both are
 * taken. At 100,000 events they are 80 MB; two copies were kept for as long as the timeline stayed
 * open. Alone in its file, so no other test's memory comes and goes while it measures.
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

test('once a large file is snapshotted and hashed as it opened, its bytes are let go (80 MB at 100,000 events)', async () => {
  const library = await tempLibrary()
  const file = library.file()
  const text = serializeTimeline(syntheticTimeline({ events: 1_000 }))
  await writeFile(file, text)
  // Array buffers' memory is given back a little after they are collected: a few rounds, then read.
  const held = async () => {
    for (let round = 0; round < 5; round++) {
      collectGarbage()
      await pause(20)
    }
    return process.memoryUsage().arrayBuffers
  }
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
