/**
 * Property: whatever sequence of edits, saves, failing saves and reopenings an analyst goes through,
 * once saving settles the file on disk holds exactly what is in memory, and reopening shows it.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import fc from 'fast-check'
import type { TimelineDocument } from '../../main/domain/timeline'
import { parseTimelineText, serializeTimeline } from '../../main/store/timelineFile'
import { TimelineSession } from '../../main/timelineSession'
import { FaultyFileSystem, SAVE_STEPS, sampleDocument, tempLibrary, withNote } from './helpers'

type Step =
  | { kind: 'add'; text: string }
  | { kind: 'edit'; pick: number; text: string }
  | { kind: 'trash'; pick: number }
  | { kind: 'save' }
  | { kind: 'reopen' }
  | { kind: 'failingEdit'; text: string; step: (typeof SAVE_STEPS)[number]; code: string }

const text = fc.string({ unit: 'binary', maxLength: 120 })
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), text }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), text }),
  fc.record({ kind: fc.constant('trash' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('save' as const) }),
  fc.record({ kind: fc.constant('reopen' as const) }),
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
  assert.deepEqual(parseTimelineText(await readFile(file, 'utf8')), expected)
}

test('disk and memory agree after any sequence of edits, saves, failing saves and reopenings', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { maxLength: 14 }), async (steps) => {
      const library = await tempLibrary()
      const file = library.file()
      await writeFile(file, serializeTimeline(sampleDocument()))
      const fs = new FaultyFileSystem()
      const options = { fs, retryDelaysMs: [1], renameRetryDelaysMs: [] }
      let session = await TimelineSession.open(file, options)
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
            fs.fault = { step: s.step, code: s.code }
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
