/**
 * Snapshots: taken on opening and at most every few minutes while the timeline changes, kept in
 * rotation (the last 20 and one a day for a week), joined to the rotation only once they read back
 * as a valid timeline, listed with counts, and restored with the current state backed up first.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { realFileSystem, type FileSystem } from '../../main/store/durableWrite'
import { backupsToKeep, KEEP_MOST_RECENT } from '../../main/store/backupRotation'
import { backupsDir, createBackup, isBackupId, listBackups, sameBytes } from '../../main/store/backups'
import { journalPathFor } from '../../main/store/journal'
import { parseTimelineText, serializeTimeline } from '../../main/store/timelineFile'
import { TimelineSession } from '../../main/timelineSession'
import { sampleDocument, tempLibrary, until, withNote } from './helpers'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

test('rotation keeps the newest 20 and the newest of each of the last 7 days', () => {
  const now = new Date('2026-03-10T12:00:00Z')
  const recent = Array.from({ length: 30 }, (_, i) => ({ id: `recent-${i}`, time: new Date(now.getTime() - i * 60_000) }))
  const daily = Array.from({ length: 10 }, (_, d) => [
    { id: `day-${d + 1}-late`, time: new Date(now.getTime() - (d + 1) * DAY + HOUR) },
    { id: `day-${d + 1}-early`, time: new Date(now.getTime() - (d + 1) * DAY - HOUR) },
  ]).flat()
  const keep = backupsToKeep([...daily, ...recent], now)
  for (let i = 0; i < KEEP_MOST_RECENT; i++) assert.ok(keep.has(`recent-${i}`))
  for (let i = KEEP_MOST_RECENT; i < 30; i++) assert.ok(!keep.has(`recent-${i}`), `recent-${i} is the 21st or older on a day already kept`)
  for (let d = 1; d <= 6; d++) assert.ok(keep.has(`day-${d}-late`), `newest of day -${d}`)
  for (let d = 1; d <= 6; d++) assert.ok(!keep.has(`day-${d}-early`), `only one per day (day -${d})`)
  for (let d = 7; d <= 10; d++) assert.ok(!keep.has(`day-${d}-late`), `day -${d} is past the week`)
  assert.equal(keep.size, KEEP_MOST_RECENT + 6)
})

test('a snapshot that does not read back as a timeline never joins the rotation', async () => {
  const library = await tempLibrary()
  try {
    await assert.rejects(createBackup(library.dataDir, 'crisis', '{"truncated": ', new Date()), /did not read back as a timeline/)
    assert.deepEqual(await readdir(backupsDir(library.dataDir, 'crisis')), [], 'no pending or temp file left either')
    const id = await createBackup(library.dataDir, 'crisis', serializeTimeline(sampleDocument()), new Date('2026-03-10T12:00:00.123Z'))
    assert.equal(id, '2026-03-10T12-00-00-123Z')
    assert.deepEqual(await listBackups(library.dataDir, 'crisis'), [{ id, time: '2026-03-10T12:00:00.123Z', events: 1, annotations: 0 }])
  } finally {
    await library.remove()
  }
})

test('a snapshot of text already checked (the file as it opened) joins only if the same bytes read back', async () => {
  const library = await tempLibrary()
  try {
    const text = serializeTimeline(sampleDocument())
    // A disk that silently changes one character of what it is given.
    const garbling: FileSystem = {
      ...realFileSystem,
      open: async (file, flags, mode) => {
        const handle = await realFileSystem.open(file, flags, mode)
        return { sync: () => handle.sync(), close: () => handle.close(), writeFile: (data, encoding) => handle.writeFile(Buffer.from(data).toString('utf8').replace('"events"', '"evente"'), encoding) }
      },
    }
    await assert.rejects(createBackup(library.dataDir, 'crisis', text, new Date(), { textIsValid: true, fs: garbling }), /differs from what was written/)
    assert.deepEqual(await readdir(backupsDir(library.dataDir, 'crisis')), [])
    const id = await createBackup(library.dataDir, 'crisis', text, new Date('2026-03-10T12:00:00.123Z'), { textIsValid: true })
    assert.equal(await readFile(path.join(backupsDir(library.dataDir, 'crisis'), `${id}.annalist.json`), 'utf8'), text)
  } finally {
    await library.remove()
  }
})

test('snapshots are compared byte for byte to the last byte, however large, text as its UTF-8', async () => {
  // Larger than the slices the comparison is made in, so a difference in the last slice counts.
  const text = `{"title":"Kraków – Київ"}`.padEnd(9 * 2 ** 20 + 7, ' ')
  const bytes = Buffer.from(text, 'utf8')
  assert.equal(await sameBytes(text, bytes), true)
  assert.equal(await sameBytes(bytes, Buffer.from(bytes)), true)
  const lastChanged = Buffer.from(bytes)
  lastChanged[lastChanged.length - 1] = 0x0a
  assert.equal(await sameBytes(bytes, lastChanged), false)
  assert.equal(await sameBytes(text, lastChanged), false)
  assert.equal(await sameBytes(text, bytes.subarray(1)), false)
  assert.equal(await sameBytes(text, `${text.slice(0, -1)}\n`), false)
})

test('on disk, the rotation holds at most 20 snapshots from today', async () => {
  const library = await tempLibrary()
  try {
    const text = serializeTimeline(sampleDocument())
    const start = Date.parse('2026-03-10T08:00:00Z')
    for (let i = 0; i < 25; i++) await createBackup(library.dataDir, 'crisis', text, new Date(start + i * 60_000))
    const listed = await listBackups(library.dataDir, 'crisis')
    assert.equal(listed.length, 20)
    assert.equal(listed[0]!.time, new Date(start + 24 * 60_000).toISOString(), 'newest first')
  } finally {
    await library.remove()
  }
})

test('snapshots: one on opening, then at most one per interval while the timeline changes', async () => {
  const library = await tempLibrary()
  const file = library.file()
  await writeFile(file, serializeTimeline(sampleDocument()))
  let now = Date.parse('2026-03-10T08:00:00Z')
  const session = await TimelineSession.open(file, { now: () => new Date(now), backupEveryMs: 5 * 60_000 })
  try {
    await session.flush()
    assert.equal((await session.listBackups()).length, 1, 'snapshot on opening')
    for (let minute = 1; minute <= 4; minute++) {
      now += 60_000
      await session.commit(withNote(session.document, `m${minute}`, `minute ${minute}`))
    }
    await session.flush()
    assert.equal((await session.listBackups()).length, 1, 'no snapshot within 5 minutes of the last')
    now += 60_000
    await session.commit(withNote(session.document, 'm5', 'minute 5'))
    await session.flush()
    const listed = await session.listBackups()
    assert.equal(listed.length, 2)
    assert.equal(listed[0]!.annotations, 5, 'the new snapshot holds what was just saved')
  } finally {
    await session.close()
    await library.remove()
  }
})

test('the snapshot of the file as it opened waits, and is taken before the file is first rewritten, holding the bytes that opened', async () => {
  const library = await tempLibrary()
  const file = library.file()
  const opened = serializeTimeline(sampleDocument())
  const folder = backupsDir(library.dataDir, 'crisis')
  const snapshots = async () => (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.annalist.json'))
  const onlySnapshot = async () => {
    const [taken, ...more] = await snapshots()
    assert.equal(more.length, 0)
    return readFile(path.join(folder, taken!), 'utf8')
  }
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  const later = { snapshotAfterOpeningMs: 60_000, backupEveryMs: Infinity }

  // A small file is rewritten by its first save: the snapshot comes first.
  await writeFile(file, opened)
  const small = await TimelineSession.open(file, later)
  try {
    await pause(200)
    assert.deepEqual(await snapshots(), [], 'nothing is copied while the window opens')
    await small.commit(withNote(small.document, 'n1', 'first change'))
    assert.equal(await onlySnapshot(), opened, 'the timeline as it opened, not as changed')
  } finally {
    await small.close()
  }

  // A large file's saves go to the journal, leaving its bytes on disk: the snapshot waits until
  // the journal is folded into the file.
  await rm(folder, { recursive: true })
  await writeFile(file, opened)
  const large = await TimelineSession.open(file, { ...later, journalFromBytes: 0, compactAfterQuietMs: 500 })
  try {
    await large.commit(withNote(large.document, 'n1', 'first change'))
    await large.flush()
    assert.ok(existsSync(journalPathFor(file)))
    assert.deepEqual(await snapshots(), [], 'the journaled save leaves the file, and the snapshot, for later')
    await until(() => !existsSync(journalPathFor(file)), 'the quiet compaction')
    assert.equal(await onlySnapshot(), opened)
  } finally {
    await large.close()
  }

  // Left alone, it is taken once the pause is over.
  await rm(folder, { recursive: true })
  const alone = await TimelineSession.open(file, { snapshotAfterOpeningMs: 50 })
  try {
    for (let waited = 0; (await snapshots()).length === 0 && waited < 5_000; waited += 50) await pause(50)
    assert.equal((await snapshots()).length, 1, 'taken on its own')
  } finally {
    await alone.close()
    await library.remove()
  }
})

test('reopening an unchanged timeline does not push older snapshots out of the rotation', async () => {
  // Small, and large: a large file's snapshot as it opened reuses the hash its journal names it by.
  for (const [size, journalFromBytes] of [['small', Infinity], ['large', 0]] as const) {
    const library = await tempLibrary()
    const file = library.file()
    await writeFile(file, serializeTimeline(sampleDocument()))
    for (let i = 0; i < 3; i++) await (await TimelineSession.open(file, { journalFromBytes })).close()
    assert.equal((await listBackups(library.dataDir, 'crisis')).length, 1, size)
    await library.remove()
  }
})

test('restoring a backup backs up the current state first, then saves the restored timeline', async () => {
  const library = await tempLibrary()
  const file = library.file()
  await writeFile(file, serializeTimeline(withNote(sampleDocument(), 'old', 'from the backup')))
  let now = Date.parse('2026-03-10T08:00:00Z')
  const session = await TimelineSession.open(file, { now: () => new Date(now) })
  try {
    await session.flush()
    const [backup] = await session.listBackups()
    now += 60_000
    await session.commit(withNote(withNote(session.document, 'new1', 'after'), 'new2', 'after too'))
    now += 60_000
    assert.deepEqual(await session.restoreBackup(backup!.id), { state: 'saved' })

    assert.deepEqual(session.document.annotations.map((a) => a.id), ['old'])
    assert.deepEqual(parseTimelineText(await readFile(file, 'utf8')).annotations.map((a) => a.id), ['old'])
    const listed = await session.listBackups()
    assert.deepEqual(listed.map((b) => b.annotations), [3, 1], 'the state before restoring is kept as the newest snapshot')
  } finally {
    await session.close()
    await library.remove()
  }
})

test('a backup id that is not one (path tricks included) is refused', async () => {
  const library = await tempLibrary()
  const file = library.file()
  await writeFile(file, serializeTimeline(sampleDocument()))
  const session = await TimelineSession.open(file)
  try {
    for (const id of ['../timelines/crisis', '2026-03-10T08-00-00-000Z/../../x', '', 'latest']) {
      assert.equal(isBackupId(id), false)
      await assert.rejects(session.restoreBackup(id), /is not a backup/)
    }
  } finally {
    await session.close()
    await library.remove()
  }
})
