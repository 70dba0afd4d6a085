/** Applying a preview: whole or nothing, provenance on every event, duplicates, new timeline, progress and cancel. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { previewImportFile, previewImportText } from '../../main/formats/importFile'
import { applyImport, ImportRefused } from '../../main/formats/applyImport'
import { ImportCancelled } from '../../main/formats/importError'
import { TimelineDocumentSchema } from '../../main/domain/timeline'
import { emptyTimeline, sampleTimeline } from './sampleTimeline'
import { fixture } from './fixturePath'

const importedAt = '2026-01-01T12:00:00.000Z'

test('a clean import adds every event with its provenance, reusing lanes of the same name', async () => {
  const document = sampleTimeline()
  const preview = await previewImportFile(fixture('timelinejs.json'), document)
  const next = applyImport(document, preview, { mode: 'merge-into', importedAt, skipRowsWithErrors: true })
  assert.equal(next.events.length, document.events.length + 5)
  const geneva = next.events.find((e) => e.id === 'geneva-ssd')!
  assert.deepEqual(geneva.provenance, { file: 'timelinejs.json', importedAt, original: 'slide 1 (unique_id geneva-ssd)' })
  assert.deepEqual(geneva.lanes, ['lane-us'], 'the existing "United States" lane is reused')
  assert.equal(next.lanes.length, document.lanes.length, 'no new lane when names match')
  assert.ok(TimelineDocumentSchema.safeParse(next).success)
  assert.equal(document.events.length, 7, 'the input document is not modified')
})

test('rows with errors stop the import unless the analyst chose to import the rest', async () => {
  const document = sampleTimeline()
  const before = JSON.stringify(document)
  const preview = await previewImportFile(fixture('crisis.mw'), document)
  assert.throws(() => applyImport(document, preview, { mode: 'merge-into' }), (error: unknown) => {
    assert.ok(error instanceof ImportRefused)
    assert.match(error.message, /crisis\.mw: 1 row\(s\) have errors \(first: row 32, date: February 2023 has only 28 days/)
    return true
  })
  assert.equal(JSON.stringify(document), before)
  const next = applyImport(document, preview, { mode: 'merge-into', skipRowsWithErrors: true, importedAt })
  assert.equal(next.events.length, document.events.length + preview.events.length - preview.duplicates.length)
})

test('an unanswered day/month question stops the import', async () => {
  const preview = await previewImportText('date,title\n03/04/2014,First\n', 'x.csv', emptyTimeline())
  assert.throws(() => applyImport(emptyTimeline(), preview, { mode: 'merge-into' }), /row 2, column "date": say whether dates in this column are day-first: "03\/04\/2014" could be 3 April 2014 or 4 March 2014/)
})

test('duplicates are skipped by default and imported under a fresh id when asked', async () => {
  const document = sampleTimeline()
  const preview = await previewImportFile(fixture('annalist.json'), document)
  assert.throws(() => applyImport(document, preview, { mode: 'merge-into' }), /everything in the file is already in the timeline/)
  const kept = applyImport(document, preview, { mode: 'merge-into', duplicates: 'import-as-new', importedAt })
  assert.equal(kept.events.length, 14)
  assert.ok(kept.events.some((e) => e.id === 'ev-belovezha-copy'))
  assert.equal(new Set(kept.events.map((e) => e.id)).size, 14)
})

test('"new" makes a timeline of only the imported data, titled from the file', async () => {
  const preview = await previewImportFile(fixture('crisis.timeline'), sampleTimeline())
  const next = applyImport(sampleTimeline(), preview, { mode: 'new', importedAt, skipRowsWithErrors: true })
  assert.equal(next.meta.title, 'crisis')
  assert.equal(next.events.length, 4)
  assert.deepEqual(next.lanes.map((l) => l.name).sort(), ['Kazakhstan & CSTO', 'Russia', 'Россия'])
  assert.equal(next.annotations.length, 1)
})

test('progress is reported in chunks and cancelling changes nothing', async () => {
  const lines = ['date,title']
  for (let i = 0; i < 5_000; i++) lines.push(`2022-01-${String((i % 28) + 1).padStart(2, '0')},Event ${i}`)
  const text = lines.join('\n')
  const progress: Array<[number, number]> = []
  const preview = await previewImportText(text, 'big.csv', emptyTimeline(), { onProgress: (done, total) => progress.push([done, total]) })
  assert.equal(preview.counts.events, 5_000)
  assert.deepEqual(progress.at(-1), [5_000, 5_000])
  assert.ok(progress.length >= 3)
  assert.deepEqual(progress[0], [text.length, text.length], 'first the characters parsed, then the rows read')
  const big = `date,title\n${'2022-01-10,"A long title, with commas and\na line break"\n'.repeat(60_000)}`
  const parseAborter = new AbortController()
  await assert.rejects(
    previewImportText(big, 'big.csv', emptyTimeline(), { signal: parseAborter.signal, onProgress: (done, total) => done < total && parseAborter.abort() }),
    (error: unknown) => error instanceof ImportCancelled,
    'cancelled while still parsing',
  )
  const controller = new AbortController()
  await assert.rejects(
    previewImportText(text, 'big.csv', emptyTimeline(), { signal: controller.signal, onProgress: () => controller.abort() }),
    (error: unknown) => error instanceof ImportCancelled,
  )
})
