/**
 * The bad-input corpus (test/fixtures/bad-input, written by scripts/writeBadInputCorpus.ts) plus
 * oversized files made here: every file either imports with its hostile text kept as inert text,
 * or is refused with a message that says where; never a crash, never a half import, never a change
 * to Object.prototype.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { mkdtemp, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { previewImportFile } from '../../main/formats/importFile'
import { applyImport, ImportRefused } from '../../main/formats/applyImport'
import { ImportError } from '../../main/formats/importError'
import { TimelineDocumentSchema, type TimelineDocument } from '../../main/domain/timeline'
import { sampleTimeline } from './sampleTimeline'

const corpus = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'bad-input')
const manifest = JSON.parse(readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as Array<{ file: string; expect: 'refused' | 'kept-as-text'; what: string; keeps?: string }>

/** A location an analyst can go to: a line, row, byte, column or named place in the file. */
const LOCATED = /(line \d+|row \d+|byte \d+|column \d+|at [\w.[\]]+|the top level|schemaVersion|<timetype>|whole file|the path)/

type Outcome = { kind: 'refused'; message: string } | { kind: 'imported'; document: TimelineDocument; warnings: string[] }

function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(',')).join('|')
}

async function importOnce(file: string, document: TimelineDocument): Promise<Outcome> {
  let preview
  try {
    preview = await previewImportFile(file, document)
  } catch (error) {
    assert.ok(error instanceof ImportError, `${path.basename(file)}: expected an ImportError, got ${String(error)}`)
    return { kind: 'refused', message: error.message }
  }
  for (const issue of preview.issues) {
    assert.ok(Number.isInteger(issue.row) && issue.row >= 0, `${path.basename(file)}: issue without a row: ${issue.message}`)
    assert.ok(issue.message.length > 0)
  }
  try {
    const next = applyImport(document, preview, { mode: 'merge-into', importedAt: '2026-01-01T00:00:00.000Z' })
    return { kind: 'imported', document: next, warnings: preview.issues.map((i) => i.message) }
  } catch (error) {
    assert.ok(error instanceof ImportRefused, `${path.basename(file)}: expected ImportRefused, got ${String(error)}`)
    return { kind: 'refused', message: error.message }
  }
}

test(`the corpus has at least 100 files (${manifest.length})`, () => {
  assert.ok(manifest.length >= 100)
})

test('every corpus file: no crash, no partial import, a located message, Object.prototype untouched', async () => {
  const prototypesBefore = prototypeSnapshot()
  const failures: string[] = []
  for (const entry of manifest) {
    const document = sampleTimeline()
    const before = JSON.stringify(document)
    const outcome = await importOnce(path.join(corpus, entry.file), document)
    assert.equal(JSON.stringify(document), before, `${entry.file}: the open document was changed in place`)
    if (outcome.kind === 'refused') {
      if (entry.expect !== 'refused') failures.push(`${entry.file} (${entry.what}) was refused: ${outcome.message}`)
      else if (!LOCATED.test(outcome.message)) failures.push(`${entry.file}: message does not say where: ${outcome.message}`)
    } else {
      if (entry.expect !== 'kept-as-text') failures.push(`${entry.file} (${entry.what}) was imported`)
      assert.ok(TimelineDocumentSchema.safeParse(outcome.document).success, `${entry.file}: imported document is not valid`)
      assert.equal(JSON.stringify(outcome.document.events.slice(0, document.events.length)), JSON.stringify(document.events), `${entry.file}: existing events changed`)
      const stored = JSON.stringify(outcome.document)
      if (entry.keeps && !stored.includes(entry.keeps)) failures.push(`${entry.file}: "${entry.keeps}" not kept as text`)
      assert.doesNotThrow(() => JSON.parse(stored), `${entry.file}: result cannot be saved`)
    }
  }
  assert.deepEqual(failures, [])
  assert.equal(prototypeSnapshot(), prototypesBefore)
  assert.equal(({} as Record<string, unknown>).polluted, undefined)
})

test('oversized files are refused before reading: a 300 MB CSV and a 1.1 MB cell', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'annalist-bad-'))
  const big = path.join(dir, 'oversized.csv')
  await writeFile(big, 'date,title\n')
  await truncate(big, 300 * 1024 * 1024)
  const document = sampleTimeline()
  const bigOutcome = await importOnce(big, document)
  assert.equal(bigOutcome.kind, 'refused')
  assert.match((bigOutcome as { message: string }).message, /oversized\.csv, byte \d+: the file is 314\.6 MB/)

  const wide = path.join(dir, 'huge-cell.csv')
  await writeFile(wide, `date,title\n2022-01-10,"${'x'.repeat(1_100_000)}"\n2022-01-11,Next\n`)
  const preview = await previewImportFile(wide, document)
  assert.match(preview.issues[0]!.message, /longer than 1,000,000 characters/)
  assert.equal(preview.issues[0]!.row, 2)
  assert.throws(() => applyImport(document, preview, { mode: 'merge-into' }), /row 2/)
})
