/**
 * Faults (ENOSPC, EIO, EPERM) injected into the journal of a large timeline: while appending a save,
 * while starting (or rewriting) the journal, and while folding it into the file. What must hold:
 * a save that failed is not acknowledged ("retrying"), the edit stays in memory, the file with its
 * journal holds a whole state (the last acknowledged one; or, when only an fsync failed, the new one
 * written whole but not reported as saved), the file itself is byte-identical until a rename
 * replaces it whole, no temp files are left, and saving resumes once the fault clears.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { access, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { TimelineDocument } from '../../main/domain/timeline'
import { journalPathFor, readSavedTimeline } from '../../main/store/journal'
import { parseTimelineText, serializeTimeline } from '../../main/store/timelineFile'
import type { TimelineStoreOptions } from '../../main/store/timelineStore'
import { TimelineSession } from '../../main/timelineSession'
import { FaultyFileSystem, SAVE_STEPS, sampleDocument, tempFilesIn, tempLibrary, until, withNote, type SaveStep } from './helpers'

const CODES = ['ENOSPC', 'EIO', 'EPERM'] as const

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

function options(fs: FaultyFileSystem, extra: TimelineStoreOptions = {}): TimelineStoreOptions {
  // A long pause between retries, so checks run while no attempt is under way; retrySaveNow() drives them.
  return { fs, journalFromBytes: 0, compactAfterQuietMs: 60_000, backupEveryMs: Infinity, retryDelaysMs: [60_000], renameRetryDelaysMs: [1, 1], ...extra }
}

async function inSession(run: (session: TimelineSession, file: string, fs: FaultyFileSystem) => Promise<void>, extra?: TimelineStoreOptions): Promise<void> {
  const library = await tempLibrary()
  const file = library.file()
  await writeFile(file, serializeTimeline(sampleDocument()))
  const fs = new FaultyFileSystem()
  const session = await TimelineSession.open(file, options(fs, extra))
  try {
    await run(session, file, fs)
  } finally {
    fs.fault = null
    await session.close()
    await library.remove()
  }
}

/** Fails a save at `step`, checks the state while it fails (twice: first try and a retry), then clears it. */
async function failThenRecover(session: TimelineSession, file: string, fs: FaultyFileSystem, step: SaveStep, code: string, onDisk: (edited: TimelineDocument) => TimelineDocument): Promise<void> {
  const fileBefore = await readFile(file)
  fs.fault = { step, code }
  const edited = withNote(session.document, 'failing', 'Saved only once the disk recovers')
  const outcome = await session.commit(edited)
  assert.equal(outcome.state, 'retrying')
  assert.match(outcome.lastError ?? '', new RegExp(`\\(${code}\\)$`))
  const checkWhileFailing = async () => {
    assert.deepEqual(await readSavedTimeline(file), onDisk(edited), 'the file with its journal holds a whole state, never a mix')
    assert.ok((await readFile(file)).equals(fileBefore), 'the timeline file itself is untouched')
    assert.deepEqual(session.document, edited, 'the edit stays in memory')
    assert.deepEqual(await tempFilesIn(path.dirname(file)), [])
  }
  await checkWhileFailing()
  const attempts = fs.attempts[step]
  session.retrySaveNow()
  await until(() => fs.attempts[step] > attempts && fs.tempFilesOpen === 0, 'a retry to fail and clean up')
  await checkWhileFailing()
  fs.fault = null
  session.retrySaveNow()
  await session.flush()
  assert.deepEqual(session.saveState, { state: 'saved' })
  assert.deepEqual(await readSavedTimeline(file), edited)
  assert.deepEqual(await tempFilesIn(path.dirname(file)), [])
}

for (const code of CODES) {
  for (const step of ['write', 'sync'] as const) {
    test(`${code} at ${step} while appending to the journal: not acknowledged, journal consistent, saved once it clears`, () =>
      inSession(async (session, file, fs) => {
        assert.deepEqual(await session.commit(withNote(session.document, 'first', 'journaled')), { state: 'saved' })
        const acknowledged = session.document
        // A line whose fsync failed was written whole: it may be read back (its edit is in memory and
        // saved again by the retry), but it is not acknowledged.
        await failThenRecover(session, file, fs, step, code, (edited) => (step === 'sync' ? edited : acknowledged))
        // The retry rewrote the journal whole, so later appends follow clean lines.
        assert.deepEqual(await session.commit(withNote(session.document, 'after', 'appended')), { state: 'saved' })
        assert.deepEqual(await readSavedTimeline(file), session.document)
      }))
  }

  for (const step of SAVE_STEPS) {
    test(`${code} at ${step} while starting the journal: not acknowledged, saved once it clears`, () =>
      inSession(async (session, file, fs) => {
        const original = session.document
        // At the folder fsync the journal has been renamed into place already (whole), but the save is
        // still reported as failed until a later fsync succeeds; either state is consistent.
        await failThenRecover(session, file, fs, step, code, (edited) => (step === 'folderSync' ? edited : original))
      }))

    test(`${code} at ${step} while folding the journal into the file on close: nothing lost, the journal stays and is replayed`, async () => {
      const library = await tempLibrary()
      const file = library.file()
      await writeFile(file, serializeTimeline(sampleDocument()))
      const fs = new FaultyFileSystem()
      const session = await TimelineSession.open(file, options(fs))
      assert.deepEqual(await session.commit(withNote(session.document, 'first', 'journaled')), { state: 'saved' })
      const acknowledged = session.document
      const fileBefore = await readFile(file)
      // Only the timeline file's own write fails; the journal's marker goes through.
      fs.fault = { step, code, only: step === 'folderSync' ? undefined : '.crisis.annalist.json' }
      await session.close()
      assert.deepEqual(await readSavedTimeline(file), acknowledged)
      if (step !== 'folderSync') assert.ok((await readFile(file)).equals(fileBefore), 'the file is untouched before the rename')
      assert.ok(await exists(journalPathFor(file)), 'the journal is kept while folding fails')
      assert.deepEqual(await tempFilesIn(path.dirname(file)), [])

      fs.fault = null
      const reopened = await TimelineSession.open(file, options(fs))
      assert.deepEqual(reopened.document, acknowledged)
      assert.deepEqual(reopened.notices, [])
      await reopened.close()
      assert.equal(await exists(journalPathFor(file)), false)
      assert.deepEqual(parseTimelineText(await readFile(file, 'utf8')), acknowledged)
      await library.remove()
    })
  }
}

test('folding failing in the background shows "retrying", keeps the journal, and finishes once the fault clears', () =>
  inSession(
    async (session, file, fs) => {
      assert.deepEqual(await session.commit(withNote(session.document, 'first', 'journaled')), { state: 'saved' })
      fs.fault = { step: 'write', code: 'ENOSPC', only: '.crisis.annalist.json' }
      // The journal now holds one save, its limit: the save is acknowledged, then folding begins.
      assert.deepEqual(await session.commit(withNote(session.document, 'second', 'journaled too')), { state: 'saved' })
      await until(() => session.saveState.state === 'retrying', 'folding to fail')
      assert.deepEqual(await readSavedTimeline(file), session.document)
      fs.fault = null
      session.retrySaveNow()
      await session.flush()
      assert.equal(await exists(journalPathFor(file)), false)
      assert.deepEqual(parseTimelineText(await readFile(file, 'utf8')), session.document)
    },
    { maxJournalRecords: 2 },
  ))
