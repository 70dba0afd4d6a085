/**
 * Property: whatever sequence of edits, saves, failing saves, reopenings and crashes an analyst goes
 * through, once saving settles the file on disk (with its journal, for a large timeline) holds
 * exactly what is in memory, and reopening shows it. Run for a small timeline (rewritten whole each
 * save) and for a large one (journaled, folded into the file after random quiet spells and journal
 * lengths, and on close).
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFileSync, existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import fc from 'fast-check'
import type { TimelineDocument } from '../../main/domain/timeline'
import { journalPathFor, readSavedTimeline } from '../../main/store/journal'
import { serializeTimeline } from '../../main/store/timelineFile'
import type { TimelineStoreOptions } from '../../main/store/timelineStore'
import { TimelineSession } from '../../main/timelineSession'
import { FaultyFileSystem, SAVE_STEPS, sampleDocument, tempLibrary, withNote } from './helpers'

type Step =
  | { kind: 'add'; text: string }
  | { kind: 'edit'; pick: number; text: string }
  | { kind: 'trash'; pick: number }
  | { kind: 'save' }
  | { kind: 'reopen' }
  /** The process dies: the file and journal as they are now are opened (by a fresh session). */
  | { kind: 'crash' }
  | { kind: 'failingEdit'; text: string; step: (typeof SAVE_STEPS)[number]; code: string }

const text = fc.string({ unit: 'binary', maxLength: 120 })
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), text }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), text }),
  fc.record({ kind: fc.constant('trash' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('save' as const) }),
  fc.record({ kind: fc.constant('reopen' as const) }),
  fc.record({ kind: fc.constant('crash' as const) }),
  fc.record({
    kind: fc.constant('failingEdit' as const),
    text,
    step: fc.constantFrom(...SAVE_STEPS),
    code: fc.constantFrom('ENOSPC', 'EIO', 'EPERM'),
  }),
)

function edited(document: TimelineDocument, pick: number, change: (text: string) => { text?: string; deleted?: string }): TimelineDocument {
  if (document.annotations.length === 0) return document
  const index = pick % document.annotations.length
  const annotations = document.annotations.map((a, i) => (i === index ? { ...a, ...change(a.text) } : a))
  return { ...document, annotations }
}

async function diskHolds(file: string, expected: TimelineDocument): Promise<void> {
  assert.deepEqual(await readSavedTimeline(file), expected)
}

/**
 * Copies the file and its journal as a crash would leave them, to be opened in place of the
 * originals. Synchronous, so that no background folding can start between the two copies.
 */
function crashCopy(file: string, into: string): void {
  copyFileSync(file, into)
  if (existsSync(journalPathFor(file))) copyFileSync(journalPathFor(file), journalPathFor(into))
}

const large = fc.record({ maxJournalRecords: fc.integer({ min: 1, max: 5 }), compactAfterQuietMs: fc.integer({ min: 1, max: 40 }) })

for (const size of ['small', 'large'] as const) {
  test(`disk and memory agree after any sequence of edits, saves, failing saves, reopenings and crashes (${size} timeline)`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { maxLength: 14 }), large, async (steps, journal) => {
      const library = await tempLibrary()
      let file = library.file()
      await writeFile(file, serializeTimeline(sampleDocument()))
      const fs = new FaultyFileSystem()
      const options: TimelineStoreOptions = { fs, retryDelaysMs: [1], renameRetryDelaysMs: [], ...(size === 'large' ? { journalFromBytes: 0, ...journal } : {}) }
      let session = await TimelineSession.open(file, options)
      let crashes = 0
      let expected = session.document
      let nextId = 0
      /** Set after a failing save until saving has settled again. */
      let retrying = false
      try {
        for (const s of steps) {
          if (s.kind === 'add') expected = withNote(expected, `n${nextId++}`, s.text)
          if (s.kind === 'edit') expected = edited(expected, s.pick, () => ({ text: s.text }))
          if (s.kind === 'trash') expected = edited(expected, s.pick, () => ({ deleted: '2026-01-02T03:04:05.000Z' }))
          if (s.kind === 'add' || s.kind === 'edit' || s.kind === 'trash') {
            const outcome = await session.commit(expected)
            if (outcome.state === 'saved') {
              await diskHolds(file, expected) // acknowledged means on disk
              retrying = false
            } else {
              // While an earlier failure is still being retried, a commit answers at once.
              assert.ok(retrying, 'only a failing save may answer "retrying"')
            }
          }
          if (s.kind === 'failingEdit') {
            // Appending to a journal only writes and fsyncs; every save path does those two steps.
            fs.fault = { step: size === 'large' && (s.step === 'rename' || s.step === 'folderSync') ? 'write' : s.step, code: s.code }
            expected = withNote(expected, `n${nextId++}`, s.text)
            assert.equal((await session.commit(expected)).state, 'retrying')
            fs.fault = null
            retrying = true
          }
          if (s.kind === 'save') {
            await session.flush()
            retrying = false
            await diskHolds(file, session.document)
          }
          if (s.kind === 'reopen') {
            await session.flush()
            retrying = false
            await session.close()
            session = await TimelineSession.open(file, options)
          }
          if (s.kind === 'crash') {
            // Only what was acknowledged is expected back; a quiet spell may start folding meanwhile.
            do await session.flush()
            while (session.saveState.state !== 'saved')
            retrying = false
            const survivor = library.file(`crash${++crashes}`)
            crashCopy(file, survivor)
            await session.close()
            file = survivor
            session = await TimelineSession.open(file, options)
            assert.deepEqual(session.notices, [], 'a crash needs no recovery message')
          }
          assert.deepEqual(session.document, expected, 'memory holds every edit')
        }
        await session.flush()
        await diskHolds(file, expected)
      } finally {
        await session.close()
        await library.remove()
      }
    }),
    { numRuns: 40 },
  )
  })
}
