/**
 * Large timelines save through a journal beside the file (main/store/journal.ts). What an analyst
 * relies on: an acknowledged change survives a crash (the file with its journal holds it), a
 * closed timeline is one JSON file again, a crash at any point of folding the journal into the
 * file neither loses nor doubles a change, and a journal that does not belong to the file is never
 * applied to it but kept aside, with a message.
 * The tests set `journalFromBytes: 0` so that a small timeline is saved as a large one would be.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { access, appendFile, copyFile, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileIdentity, journalPathFor, readSavedTimeline } from '../../main/store/journal'
import { parseTimelineText, serializeTimeline } from '../../main/store/timelineFile'
import type { TimelineStoreOptions } from '../../main/store/timelineStore'
import { TimelineSession } from '../../main/timelineSession'
import { note, sampleDocument, tempLibrary, until, withNote, type TempLibrary } from './helpers'

const LARGE: TimelineStoreOptions = { journalFromBytes: 0, compactAfterQuietMs: 60_000, backupEveryMs: Infinity }

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

/** The timeline file and its journal as a crash would leave them, copied into a fresh library. */
async function crashCopy(file: string): Promise<{ library: TempLibrary; file: string }> {
  const library = await tempLibrary()
  const copy = library.file()
  await copyFile(file, copy)
  if (await exists(journalPathFor(file))) await copyFile(journalPathFor(file), journalPathFor(copy))
  return { library, file: copy }
}

async function withSession(options: TimelineStoreOptions, run: (session: TimelineSession, file: string) => Promise<void>): Promise<void> {
  const library = await tempLibrary()
  const file = library.file()
  await writeFile(file, serializeTimeline(sampleDocument()))
  const session = await TimelineSession.open(file, options)
  try {
    await run(session, file)
  } finally {
    await session.close()
    await library.remove()
  }
}

test('a save goes to the journal: the file is untouched, and after a crash the file with its journal holds it', async () => {
  await withSession(LARGE, async (session, file) => {
    const before = await readFile(file)
    assert.deepEqual(await session.commit(withNote(session.document, 'a', 'Geneva talks went nowhere')), { state: 'saved' })
    assert.deepEqual(await session.commit(withNote(session.document, 'b', 'Ryabkov: "no concessions"')), { state: 'saved' })
    assert.ok((await readFile(file)).equals(before), 'the file itself is not rewritten for each save')
    assert.equal((await readFile(journalPathFor(file), 'utf8')).trim().split('\n').length, 3, 'a header and one line per save')
    assert.deepEqual(await readSavedTimeline(file), session.document)

    const crashed = await crashCopy(file)
    const reopened = await TimelineSession.open(crashed.file, LARGE)
    try {
      assert.deepEqual(reopened.document, session.document)
      assert.deepEqual(reopened.notices, [])
    } finally {
      await reopened.close()
      await crashed.library.remove()
    }
  })
})

test('a file that starts with a byte order mark journals its saves, and they apply on reopening', async () => {
  const library = await tempLibrary()
  const file = library.file()
  await writeFile(file, `\uFEFF${serializeTimeline(sampleDocument())}`)
  const session = await TimelineSession.open(file, LARGE)
  try {
    assert.deepEqual(await session.commit(withNote(session.document, 'a', 'Saved beside a file with a BOM')), { state: 'saved' })
    const crashed = await crashCopy(file)
    const reopened = await TimelineSession.open(crashed.file, LARGE)
    try {
      assert.deepEqual(reopened.notices, [], 'the journal belongs to the file as it is on disk, BOM and all')
      assert.deepEqual(reopened.document, session.document)
    } finally {
      await reopened.close()
      await crashed.library.remove()
    }
  } finally {
    await session.close()
    await library.remove()
  }
})

test('closing folds the journal into the file: a closed timeline is one JSON file', async () => {
  const library = await tempLibrary()
  const file = library.file()
  await writeFile(file, serializeTimeline(sampleDocument()))
  const session = await TimelineSession.open(file, LARGE)
  await session.commit(withNote(session.document, 'a', 'one'))
  await session.close()
  assert.equal(await exists(journalPathFor(file)), false)
  assert.deepEqual(parseTimelineText(await readFile(file, 'utf8')), session.document)
  await library.remove()
})

test('the journal is folded in after a quiet spell, and when it grows long', async () => {
  await withSession({ ...LARGE, compactAfterQuietMs: 30 }, async (session, file) => {
    await session.commit(withNote(session.document, 'a', 'one'))
    await until(() => session.saveState.state === 'saved', 'the save')
    await until(() => !existsSync(journalPathFor(file)), 'the quiet compaction')
    await session.flush()
    assert.deepEqual(parseTimelineText(await readFile(file, 'utf8')), session.document)
  })
  await withSession({ ...LARGE, maxJournalRecords: 3 }, async (session, file) => {
    for (const id of ['a', 'b', 'c']) await session.commit(withNote(session.document, id, id))
    await session.flush()
    assert.equal(await exists(journalPathFor(file)), false, 'three saves made the journal long enough to fold in')
    assert.deepEqual(parseTimelineText(await readFile(file, 'utf8')), session.document)
  })
})

test('a large change (an import, a restore) is written whole rather than journaled', async () => {
  await withSession({ ...LARGE, maxPatchEntities: 2 }, async (session, file) => {
    const many = { ...session.document, annotations: ['a', 'b', 'c'].map((id) => note(id, id)) }
    assert.deepEqual(await session.commit(many), { state: 'saved' })
    assert.equal(await exists(journalPathFor(file)), false)
    assert.deepEqual(parseTimelineText(await readFile(file, 'utf8')), many)
  })
})

test('a line cut short by a crash while appending is ignored: it was never acknowledged', async () => {
  await withSession(LARGE, async (session, file) => {
    await session.commit(withNote(session.document, 'a', 'acknowledged'))
    const crashed = await crashCopy(file)
    await appendFile(journalPathFor(crashed.file), '{"seq":2,"patch":{"annotations":[{"at":1,"remo')
    const reopened = await TimelineSession.open(crashed.file, LARGE)
    try {
      assert.deepEqual(reopened.document, session.document)
      assert.deepEqual(reopened.notices, [])
      await reopened.commit(withNote(reopened.document, 'b', 'after the crash'))
      assert.deepEqual(await readSavedTimeline(crashed.file), reopened.document, 'saves go on after the cut line, which is dropped')
    } finally {
      await reopened.close()
      await crashed.library.remove()
    }
  })
})

test('a crash after the folded file was renamed into place, before the journal was removed, applies nothing twice', async () => {
  await withSession(LARGE, async (session, file) => {
    await session.commit(withNote(session.document, 'a', 'added once'))
    const crashed = await crashCopy(file)
    // What folding does up to the crash: mark the journal with the new file's identity, rename the file.
    const folded = serializeTimeline(session.document)
    await appendFile(journalPathFor(crashed.file), `${JSON.stringify({ compactedInto: await fileIdentity(folded) })}\n`)
    await writeFile(crashed.file, folded)
    const reopened = await TimelineSession.open(crashed.file, LARGE)
    try {
      assert.deepEqual(reopened.document, session.document)
      assert.equal(reopened.document.annotations.filter((a) => a.id === 'a').length, 1)
      assert.deepEqual(reopened.notices, [])
    } finally {
      await reopened.close()
      await crashed.library.remove()
    }
  })
})

test('a journal that belongs to another version of the file is kept aside, never applied, and the analyst is told', async () => {
  await withSession(LARGE, async (session, file) => {
    await session.commit(withNote(session.document, 'a', 'journaled against the old file'))
    const crashed = await crashCopy(file)
    // The analyst put another copy of the timeline in place while Annalist was not running.
    const other = withNote(sampleDocument('Put back by hand'), 'x', 'from the copy')
    await writeFile(crashed.file, serializeTimeline(other))
    const reopened = await TimelineSession.open(crashed.file, LARGE)
    try {
      assert.deepEqual(reopened.document, other)
      assert.match(reopened.notices.join(' '), /could not all be applied because it was written for another version of the file.*kept as “\.crisis\.annalist\.journal\.unused-/)
      const folder = await readdir(path.dirname(crashed.file))
      assert.ok(folder.some((name) => name.startsWith('.crisis.annalist.journal.unused-')), 'the journal is kept')
      assert.equal(await exists(journalPathFor(crashed.file)), false)
    } finally {
      await reopened.close()
      await crashed.library.remove()
    }
  })
})

test('a journal damaged in the middle: the saves before the damage are applied and saved, the journal kept aside', async () => {
  await withSession(LARGE, async (session, file) => {
    await session.commit(withNote(session.document, 'a', 'before the damage'))
    const first = session.document
    await session.commit(withNote(session.document, 'b', 'on the damaged line'))
    await session.commit(withNote(session.document, 'c', 'after it'))
    const crashed = await crashCopy(file)
    const lines = (await readFile(journalPathFor(crashed.file), 'utf8')).split('\n')
    lines[2] = lines[2]!.replace('"seq"', '"s\u0000q')
    await writeFile(journalPathFor(crashed.file), lines.join('\n'))
    const reopened = await TimelineSession.open(crashed.file, LARGE)
    try {
      assert.deepEqual(reopened.document, first)
      assert.match(reopened.notices.join(' '), /line 3 is damaged\. The 1 readable changes before the damage were applied/)
      await reopened.flush()
      assert.deepEqual(parseTimelineText(await readFile(crashed.file, 'utf8')), first, 'what could be read is written into the file')
    } finally {
      await reopened.close()
      await crashed.library.remove()
    }
  })
})
