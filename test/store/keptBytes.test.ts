/**
 * What the main process keeps of a timeline file's bytes: those it opened are needed for the file's
 * hash (the journal names the file by it) and its snapshot, and those of a rewrite for its
 * snapshot; each is let go once that is taken, and a large rewrite's at once when no snapshot is
 * due. At 100,000 events a copy is 80 MB; two were kept for as long as the timeline stayed open. Alone in their file, so no other test's memory comes
 * and goes while they measure.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { setTimeout as pause } from 'node:timers/promises'
import { syntheticTimeline } from '../../bench/synthetic'
import { listBackups } from '../../main/store/backups'
import { journalPathFor } from '../../main/store/journal'
import { serializeTimeline } from '../../main/store/timelineFile'
import { TimelineSession } from '../../main/timelineSession'
import { collectGarbage, tempLibrary, until, withNote, type TempLibrary } from './helpers'

/** Array buffers in use; their memory is given back a little after they are collected, so a few rounds first. */
async function held(): Promise<number> {
  for (let round = 0; round < 5; round++) {
    collectGarbage()
    await pause(20)
  }
  return process.memoryUsage().arrayBuffers
}

const largeTimeline = () => serializeTimeline(syntheticTimeline({ events: 1_000 }))

/** What stays held of a file's bytes is well under one copy of them. */
function assertLetGo(kept: number, text: string): void {
  assert.ok(kept < text.length / 4, `${(kept / 1e6).toFixed(1)} MB still held for a ${(text.length / 1e6).toFixed(1)} MB file`)
}

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
    assertLetGo(kept, text)
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
    assertLetGo(kept, text)
  } finally {
    await session.close()
    await library.remove()
  }
})

/** A large timeline whose saves go to the journal, folded into the file as soon as the analyst pauses; the next snapshot is an hour away. */
async function compactedWithoutSnapshot(library: TempLibrary, text: string) {
  const file = library.file()
  await writeFile(file, text)
  const session = await TimelineSession.open(file, { snapshotAfterOpeningMs: 10, hashAfterOpeningMs: 10, journalFromBytes: 0, compactAfterQuietMs: 10, backupEveryMs: 3_600_000 })
  assert.equal((await session.listBackups()).length, 1, 'the snapshot as it opened')
  const notes = session.document.annotations.length
  const before = await held()
  await session.commit(withNote(session.document, 'n1', 'journaled, then folded into the file'))
  await until(() => !existsSync(journalPathFor(file)), 'the journal folded into the file')
  await session.flush()
  assert.equal((await session.listBackups()).length, 1, 'no snapshot was due')
  return { session, file, notes, kept: (await held()) - before }
}

test("a large file's rewrite is let go when no snapshot is due, and closing the timeline still snapshots it from the file", async () => {
  const library = await tempLibrary()
  const text = largeTimeline()
  const { session, notes, kept } = await compactedWithoutSnapshot(library, text)
  try {
    assertLetGo(kept, text)
  } finally {
    await session.close()
  }
  const backups = await listBackups(library.dataDir, 'crisis')
  await library.remove()
  assert.equal(backups.length, 2, 'closing took the snapshot')
  assert.equal(backups[0]!.annotations, notes + 1, 'of the file as rewritten, with the note')
})

test('closing does not snapshot the file as another program left it, in place of the rewrite let go', async () => {
  const library = await tempLibrary()
  const { session, file } = await compactedWithoutSnapshot(library, largeTimeline())
  try {
    await writeFile(file, serializeTimeline(syntheticTimeline({ events: 10 })))
  } finally {
    await session.close()
  }
  const backups = await listBackups(library.dataDir, 'crisis')
  await library.remove()
  assert.equal(backups.length, 1, 'only the snapshot as it opened')
})
