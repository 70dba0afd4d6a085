/**
 * Every kind of bad file found at startup. The rules an analyst relies on: the broken file is never
 * written over, it is moved aside as `<file>.corrupt-<time>` with its bytes intact, the newest good
 * backup takes its place, and a plain-words message says what happened. A BOM is simply stripped;
 * a file from a newer Annalist opens read-only and is never written.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { TimelineSession } from '../../main/timelineSession'
import { ReadOnlyTimelineError } from '../../main/store/timelineStore'
import { DEFAULT_TIMELINE_NAME } from '../../main/store/library'
import { parseTimelineText, serializeTimeline } from '../../main/store/timelineFile'
import { sampleDocument, tempLibrary, withNote, type TempLibrary } from './helpers'

const BUNDLED_DATA = fileURLToPath(new URL('../../data', import.meta.url))
const good = withNote(sampleDocument(), 'kept', 'The backup holds this note')
const goodText = serializeTimeline(good)

const BAD_FILES: ReadonlyArray<{ kind: string; bytes: Buffer; reason: RegExp }> = [
  { kind: 'empty', bytes: Buffer.alloc(0), reason: /the file is empty/ },
  { kind: 'whitespace only', bytes: Buffer.from('  \n'), reason: /the file is empty/ },
  { kind: 'truncated', bytes: Buffer.from(goodText.slice(0, Math.floor(goodText.length / 2))), reason: /not valid JSON, perhaps cut short/ },
  { kind: 'NUL-filled', bytes: Buffer.alloc(4096), reason: /blank \(NUL\) bytes/ },
  { kind: 'NUL tail after a power cut', bytes: Buffer.concat([Buffer.from(goodText.slice(0, 100)), Buffer.alloc(512)]), reason: /NUL/ },
  { kind: 'null', bytes: Buffer.from('null'), reason: /holds "null"/ },
  { kind: 'invalid JSON', bytes: Buffer.from('{"schemaVersion": 1, "meta": '), reason: /not valid JSON/ },
  { kind: 'not UTF-8', bytes: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), reason: /not valid UTF-8/ },
  { kind: 'an array', bytes: Buffer.from('[]'), reason: /does not hold a timeline/ },
  { kind: 'schema-invalid', bytes: Buffer.from(JSON.stringify({ ...good, events: [{ id: 'x', title: 'No date' }] })), reason: /not a valid timeline at events\.0\.date/ },
  { kind: 'prototype poisoning', bytes: Buffer.from('{"__proto__": {"polluted": true}}'), reason: /not valid JSON/ },
]

/** A library whose timeline `name` has one backup (of `good`), taken by opening it once. */
async function libraryWithBackup(name = 'crisis'): Promise<TempLibrary> {
  const library = await tempLibrary()
  await writeFile(library.file(name), goodText)
  const session = await TimelineSession.open(library.file(name))
  await session.close()
  assert.equal((await session.listBackups()).length, 1)
  return library
}

async function corruptCopies(file: string): Promise<string[]> {
  const base = path.basename(file)
  return (await readdir(path.dirname(file))).filter((name) => name.startsWith(`${base}.corrupt-`))
}

for (const bad of BAD_FILES) {
  test(`${bad.kind} file: moved aside untouched, newest backup restored, analyst told`, async () => {
    const library = await libraryWithBackup()
    const file = library.file()
    await writeFile(file, bad.bytes)
    const session = await TimelineSession.open(file)
    try {
      assert.deepEqual(session.document, good)
      assert.equal(session.readOnly, false)
      assert.equal(session.notices.length, 1)
      const [notice] = session.notices
      assert.match(notice!, /^Annalist could not open “crisis” because /)
      assert.match(notice!, bad.reason)
      assert.match(notice!, /restored from the backup of \d+ \w+ \d{4}, \d\d:\d\d UTC \(1 event, 1 annotation\)/)

      const aside = await corruptCopies(file)
      assert.equal(aside.length, 1)
      assert.ok(notice!.includes(aside[0]!), 'the message names the file kept aside')
      assert.ok((await readFile(path.join(path.dirname(file), aside[0]!))).equals(bad.bytes), 'the broken file is kept byte for byte')

      await session.flush()
      assert.deepEqual(parseTimelineText(await readFile(file, 'utf8')), good, 'the restored timeline is saved in place')
    } finally {
      await session.close()
      await library.remove()
    }
  })
}

test('broken default timeline with no backup: the bundled seed opens in its place, and the analyst is told', async () => {
  const library = await tempLibrary()
  const file = library.file(DEFAULT_TIMELINE_NAME)
  await writeFile(file, '')
  const session = await TimelineSession.open(file, { bundledDataDir: BUNDLED_DATA })
  try {
    assert.ok(session.document.events.length > 10, 'the seed timeline is shown')
    assert.match(session.notices[0]!, /No backup was found, so the example timeline that comes with Annalist was opened/)
    assert.equal((await corruptCopies(file)).length, 1)
  } finally {
    await session.close()
    await library.remove()
  }
})

test('broken timeline with no backup: an empty timeline is started, and the analyst is told', async () => {
  const library = await tempLibrary()
  const file = library.file('notes')
  await writeFile(file, '{"broken": ')
  const session = await TimelineSession.open(file)
  try {
    assert.equal(session.document.events.length, 0)
    assert.match(session.notices[0]!, /No backup was found, so an empty timeline was started/)
    assert.equal((await corruptCopies(file)).length, 1)
  } finally {
    await session.close()
    await library.remove()
  }
})

test('BOM-prefixed file: the BOM is stripped and the timeline opens as it is, without a message', async () => {
  const library = await tempLibrary()
  const file = library.file()
  await writeFile(file, `\ufeff${goodText}`)
  const session = await TimelineSession.open(file)
  try {
    assert.deepEqual(session.document, good)
    assert.deepEqual(session.notices, [])
    assert.deepEqual(await corruptCopies(file), [])
  } finally {
    await session.close()
    await library.remove()
  }
})

test('missing file that has backups: the newest backup is restored and the analyst is told', async () => {
  const library = await libraryWithBackup()
  const { rm } = await import('node:fs/promises')
  await rm(library.file())
  const session = await TimelineSession.open(library.file())
  try {
    assert.deepEqual(session.document, good)
    assert.match(session.notices[0]!, /^The file for “crisis” was missing\. It was restored from the backup of/)
  } finally {
    await session.close()
    await library.remove()
  }
})

test('newer-version file: opens read-only with an explanation, and is never written', async () => {
  const library = await tempLibrary()
  const file = library.file()
  const newerText = JSON.stringify({ ...good, schemaVersion: 2 })
  await writeFile(file, newerText)
  const session = await TimelineSession.open(file)
  try {
    assert.equal(session.readOnly, true)
    assert.equal(session.view().readOnly, true)
    assert.deepEqual(session.document.annotations, good.annotations, 'a newer file this version can still read is shown')
    assert.match(session.notices[0]!, /saved by a newer version of Annalist \(file format 2; this version understands up to 1\)\. It is open read-only/)
    await assert.rejects(session.commit(withNote(session.document, 'x', 'refused')), ReadOnlyTimelineError)
    await assert.rejects(session.restoreBackup('2026-01-02T03-04-05-000Z'), ReadOnlyTimelineError)
    await session.close()
    assert.equal(await readFile(file, 'utf8'), newerText, 'the file is byte-identical')
    assert.deepEqual(await corruptCopies(file), [])
  } finally {
    await library.remove()
  }
})

test('newer-version file this version cannot read: read-only empty view, file untouched', async () => {
  const library = await tempLibrary()
  const file = library.file()
  const newerText = JSON.stringify({ schemaVersion: 7, meta: { title: 'Future' }, items: [] })
  await writeFile(file, newerText)
  const session = await TimelineSession.open(file)
  try {
    assert.equal(session.readOnly, true)
    assert.match(session.notices[0]!, /This version cannot show its contents/)
    await session.close()
    assert.equal(await readFile(file, 'utf8'), newerText)
  } finally {
    await library.remove()
  }
})

test('a file that cannot be read at all: the newest backup is shown read-only and nothing is written', async () => {
  const library = await libraryWithBackup()
  const file = library.file()
  const { mkdir, rm, stat } = await import('node:fs/promises')
  await rm(file)
  await mkdir(file) // reading a folder fails (EISDIR), as an unreadable file or a failing disk would
  const session = await TimelineSession.open(file)
  try {
    assert.equal(session.readOnly, true)
    assert.deepEqual(session.document, good)
    assert.match(session.notices[0]!, /^Annalist could not read the file for “crisis” \(EISDIR\)\. It was restored from the backup of .* It is open read-only/)
    assert.ok((await stat(file)).isDirectory(), 'left as it was')
  } finally {
    await session.close()
    await library.remove()
  }
})
