/**
 * Faults injected at each step of a save (write, fsync, rename, folder fsync) × ENOSPC / EIO / EPERM.
 * What the analyst must be able to rely on: the file keeps its last good save (byte for byte) until a
 * write succeeds, the edit stays in memory, the state says "retrying" in words, saving resumes by
 * itself when the fault clears, and no temp files are left behind.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { TimelineSession } from '../../main/timelineSession'
import type { SaveState } from '../../main/store/saveQueue'
import { parseTimelineText, serializeTimeline } from '../../main/store/timelineFile'
import { FaultyFileSystem, SAVE_STEPS, sampleDocument, tempFilesIn, tempLibrary, until, withNote } from './helpers'

const CODES = ['ENOSPC', 'EIO', 'EPERM'] as const

for (const step of SAVE_STEPS) {
  for (const code of CODES) {
    test(`${code} at ${step}: last good save kept, edit kept in memory, saved once the fault clears`, async () => {
      const library = await tempLibrary()
      const file = library.file()
      await writeFile(file, serializeTimeline(sampleDocument()))
      const fs = new FaultyFileSystem()
      // A long pause between retries, so the checks below run while no attempt is under way;
      // retrySaveNow() then drives the retries.
      const session = await TimelineSession.open(file, { fs, retryDelaysMs: [60_000], renameRetryDelaysMs: [1, 1], backupEveryMs: Infinity })
      const states: SaveState[] = []
      session.onSaveStateChange((state) => states.push(state))
      try {
        assert.deepEqual(await session.commit(withNote(session.document, 'first', 'Geneva talks went nowhere')), { state: 'saved' })
        await session.flush()
        const lastGood = await readFile(file)

        fs.fault = { step, code }
        const edited = withNote(session.document, 'second', 'Ryabkov: "no concessions"')
        const outcome = await session.commit(edited)
        assert.equal(outcome.state, 'retrying')
        assert.match(outcome.lastError ?? '', new RegExp(`\\(${code}\\)$`))
        const checkWhileFailing = async () => {
          const onDisk = await readFile(file)
          if (step === 'folderSync') {
            // The rename is the commit point: the file already holds the whole new document, but the
            // edit is not reported as saved until a folder fsync succeeds.
            assert.deepEqual(parseTimelineText(onDisk.toString('utf8')), edited)
          } else {
            assert.ok(onDisk.equals(lastGood), 'file must be byte-identical to the last good save')
          }
          assert.equal(session.saveState.state, 'retrying')
          assert.deepEqual(session.document, edited, 'the edit stays in memory')
          assert.deepEqual(await tempFilesIn(path.dirname(file)), [])
        }
        await checkWhileFailing()
        const attemptsSoFar = fs.attempts[step]
        session.retrySaveNow()
        await until(() => fs.attempts[step] > attemptsSoFar && fs.tempFilesOpen === 0, 'a retry to fail and clean up')
        await checkWhileFailing()

        fs.fault = null
        session.retrySaveNow()
        await session.flush()
        assert.deepEqual(session.saveState, { state: 'saved' })
        assert.deepEqual(parseTimelineText(await readFile(file, 'utf8')), edited)
        assert.deepEqual(await tempFilesIn(path.dirname(file)), [])
        assert.deepEqual(
          states.map((s) => s.state).filter((s, i, all) => s !== all[i - 1]),
          ['saving', 'saved', 'saving', 'retrying', 'saved'],
        )
      } finally {
        await session.close()
        await library.remove()
      }
    })
  }
}

test('an edit made while saves are failing is kept and saved with the next successful write', async () => {
  const library = await tempLibrary()
  const file = library.file()
  await writeFile(file, serializeTimeline(sampleDocument()))
  const fs = new FaultyFileSystem()
  const session = await TimelineSession.open(file, { fs, retryDelaysMs: [10], backupEveryMs: Infinity })
  try {
    await session.flush()
    fs.fault = { step: 'write', code: 'ENOSPC' }
    await session.commit(withNote(session.document, 'a', 'one'))
    const second = await session.commit(withNote(session.document, 'b', 'two'))
    assert.equal(second.state, 'retrying', 'a commit during a failing save returns at once, not after the fault clears')
    fs.fault = null
    await session.flush()
    assert.deepEqual(parseTimelineText(await readFile(file, 'utf8')).annotations.map((a) => a.id), ['a', 'b'])
  } finally {
    await session.close()
    await library.remove()
  }
})
