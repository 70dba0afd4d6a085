/**
 * Files from earlier versions of Annalist open with every note intact: same count, same text, same
 * author and anchor. The original is backed up durably before anything is written, and a crash or
 * fault during the migration leaves the old file whole (or, past the rename, the new one whole).
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { SCHEMA_VERSION } from '../../main/domain/timeline'
import { TimelineSession } from '../../main/timelineSession'
import { backupsDir } from '../../main/store/backups'
import { MIGRATIONS } from '../../main/store/migrations'
import { loadTimelineText, parseTimelineText } from '../../main/store/timelineFile'
import { FaultyFileSystem, SAVE_STEPS, tempLibrary, until } from './helpers'

const FIXTURES = fileURLToPath(new URL('../fixtures/store/', import.meta.url))
const fixtureFor = (version: number) => path.join(FIXTURES, `format-${version}-crisis.json`)

interface OldNote {
  id: string
  text: string
  author?: string
}

async function readFixture(version: number): Promise<{ text: string; notes: OldNote[] }> {
  const text = await readFile(fixtureFor(version), 'utf8')
  return { text, notes: (JSON.parse(text) as { notes: OldNote[] }).notes }
}

test('there is a migration, and a fixture, for every earlier format version', async () => {
  for (let version = 0; version < SCHEMA_VERSION; version++) {
    assert.ok(MIGRATIONS.has(version), `migration from format ${version}`)
    await readFile(fixtureFor(version)) // throws if the fixture is missing
  }
})

test('format 0 migrates with the same notes, texts, authors and anchors', async () => {
  const { text, notes } = await readFixture(0)
  const loaded = loadTimelineText(text)
  assert.equal(loaded.kind, 'usable')
  if (loaded.kind !== 'usable') return
  assert.equal(loaded.fromVersion, 0)
  const { annotations, events } = loaded.document
  assert.equal(annotations.length, notes.length)
  assert.deepEqual(annotations.map((a) => [a.id, a.text]), notes.map((n) => [n.id, n.text]))
  assert.deepEqual(annotations.map((a) => a.author), [
    { name: 'Aigerim Nurlanovna Sadykova', initials: 'ANS' },
    { name: 'J. Smith', initials: 'JS' },
    { name: 'Unknown', initials: '' },
  ])
  assert.deepEqual(annotations.map((a) => a.anchor), [
    { kind: 'event', eventId: 'csto' },
    { kind: 'moment', date: '2022-01-13' },
    { kind: 'span', date: '2022-01-06/2022-01-19' },
  ])
  assert.deepEqual(events.map((e) => e.date), ['2022-01-02/2022-01-19', '2022-01-06/2022-01-19', '2022-01-10', '2021-11'])
  assert.equal(events[0]!.description, 'Began over fuel prices in Zhanaozen.')
  assert.deepEqual(events[1]!.sources.map((s) => [s.id, s.grade]), [['csto-source-1', 'C3']])
})

test('a format-0 file with a field the migration does not know is refused, not silently trimmed', () => {
  const loaded = loadTimelineText(JSON.stringify({ title: 'x', created: '2022-01-01T00:00:00Z', events: [], colourScheme: 'dark' }))
  assert.equal(loaded.kind, 'unreadable')
})

test('opening a format-0 file: original backed up first, file rewritten in the current format, analyst told', async () => {
  const library = await tempLibrary()
  const file = library.file()
  const { text, notes } = await readFixture(0)
  await writeFile(file, text)
  const session = await TimelineSession.open(file)
  try {
    assert.match(session.notices[0]!, /saved by an earlier version of Annalist \(file format 0\) and has been updated to format 1\. The original is kept in the backups/)
    await session.flush()
    const backups = await readdir(backupsDir(library.dataDir, 'crisis'))
    assert.equal(backups.length, 1)
    assert.equal(await readFile(path.join(backupsDir(library.dataDir, 'crisis'), backups[0]!), 'utf8'), text, 'the backup is the original, byte for byte')
    const saved = parseTimelineText(await readFile(file, 'utf8'))
    assert.equal(saved.schemaVersion, SCHEMA_VERSION)
    assert.deepEqual(saved.annotations.map((a) => a.text), notes.map((n) => n.text))
    assert.deepEqual((await session.listBackups()).map((b) => b.annotations), [notes.length], 'the old-format backup lists with its counts')
  } finally {
    await session.close()
  }
  const reopened = await TimelineSession.open(file)
  assert.deepEqual(reopened.notices, [], 'the second opening needs no migration')
  await reopened.close()
  await library.remove()
})

for (const step of SAVE_STEPS) {
  test(`a fault at ${step} while writing the migrated file leaves a whole file, and the next opening completes it`, async () => {
    const library = await tempLibrary()
    const file = library.file()
    const { text, notes } = await readFixture(0)
    await writeFile(file, text)
    const fs = new FaultyFileSystem()
    fs.fault = { step, code: 'EIO', folder: path.dirname(file) }
    const session = await TimelineSession.open(file, { fs, retryDelaysMs: [5], renameRetryDelaysMs: [] })
    try {
      await until(() => session.saveState.state === 'retrying', 'the migrated file to fail to save')
    } finally {
      await session.close() // the app is closed (or crashes) with the migration unsaved
    }
    const onDisk = await readFile(file, 'utf8')
    if (step === 'folderSync') assert.equal(parseTimelineText(onDisk).schemaVersion, SCHEMA_VERSION, 'past the rename: the whole new file')
    else assert.equal(onDisk, text, 'before the rename: the whole old file')

    const reopened = await TimelineSession.open(file)
    await reopened.flush()
    assert.deepEqual(parseTimelineText(await readFile(file, 'utf8')).annotations.map((a) => a.text), notes.map((n) => n.text))
    await reopened.close()
    await library.remove()
  })
}

test('when the original cannot be backed up, the old file is not migrated: it opens read-only, untouched', async () => {
  const library = await tempLibrary()
  const file = library.file()
  const { text } = await readFixture(0)
  await writeFile(file, text)
  const fs = new FaultyFileSystem()
  fs.fault = { step: 'write', code: 'ENOSPC' }
  const session = await TimelineSession.open(file, { fs })
  try {
    assert.equal(session.readOnly, true)
    assert.match(session.notices[0]!, /a backup of it could not be made first .*It is open read-only and the file has not been changed/)
    assert.equal(session.document.annotations.length, 3, 'still readable')
  } finally {
    await session.close()
  }
  assert.equal(await readFile(file, 'utf8'), text)
  await library.remove()
})
