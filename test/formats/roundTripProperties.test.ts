/** Round trips over random timelines: CSV and native JSON give back every event field they hold. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { previewImportText } from '../../main/formats/importFile'
import { applyImport } from '../../main/formats/applyImport'
import { exportDocument } from '../../main/formats/exportFile'
import type { TimelineDocument, TimelineEvent } from '../../main/domain/timeline'
import { emptyTimeline } from './sampleTimeline'

const LANES = [
  { id: 'lane-ru', name: 'Russia', hidden: false },
  { id: 'lane-kz', name: 'Kazakhstan & CSTO', hidden: false },
  { id: 'lane-cn', name: '中国', hidden: false },
]
const DATES = ['1991', '1991-12', '1991-12-26', '2022-01-06?', '2021-08~', '2021-11-10/2022-02-24', '[2022-01-06,2022-01-07]', '0800', '-0043-03-15', '2021-12-07T15:07:00Z', '2021-11/..', '201X']
/** Any text a cell may hold, including quotes, commas, line breaks and formula starts. */
const anyText = fc.string({ unit: fc.constantFrom('a', 'Я', '中', ' ', ',', '"', "'", '=', '+', '-', '@', '\t', '\n', '\r\n', '<', '&', '#', '|') , maxLength: 30 })
/** One line: list items and source fields are written one per line, so they hold no line breaks. */
const oneLine = anyText.map((t) => t.replace(/[\r\n]/g, ' '))
const title = oneLine.map((t) => t.trim()).filter((t) => t !== '')

const event = (id: string) =>
  fc.record({
    title,
    date: fc.constantFrom(...DATES),
    description: anyText,
    lanes: fc.uniqueArray(fc.constantFrom(...LANES.map((l) => l.id)), { maxLength: 3 }),
    tags: fc.uniqueArray(oneLine.map((t) => t.trim()).filter((t) => t !== ''), { maxLength: 3 }),
    location: fc.option(fc.record({ name: oneLine, latitude: fc.double({ min: -90, max: 90, noNaN: true }), longitude: fc.double({ min: -180, max: 180, noNaN: true }) }), { nil: undefined }),
    sources: fc.array(fc.record({ title, publisher: oneLine, url: oneLine, grade: fc.constantFrom('A1', 'B2', 'F6') }), { maxLength: 3 }),
  }).map((e): TimelineEvent => {
    const { location, ...rest } = e
    // fast-check builds records without a prototype; the timeline holds plain objects. -0 is not a coordinate.
    const plainLocation = location ? { name: location.name, latitude: location.latitude + 0, longitude: location.longitude + 0 } : undefined
    return { id, ...rest, ...(plainLocation ? { location: plainLocation } : {}), sources: e.sources.map((s, n) => ({ id: `${id}-s${n}`, ...s })) }
  })

const timeline = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => event(`ev-${i}`)))).map((events): TimelineDocument => ({ ...emptyTimeline(), lanes: LANES, events }))

function laneNames(document: TimelineDocument, e: TimelineEvent): string[] {
  return e.lanes.map((id) => document.lanes.find((l) => l.id === id)!.name)
}

for (const format of ['csv', 'json'] as const) {
  test(`property: ${format} export then import gives back every event field`, async () => {
    await fc.assert(
      fc.asyncProperty(timeline, async (original) => {
        const text = exportDocument(original, format)
        const preview = await previewImportText(text, `out.${format}`, emptyTimeline())
        assert.deepEqual(preview.issues, [])
        const back = applyImport(emptyTimeline(), preview, { mode: 'new', importedAt: '2026-01-01T00:00:00.000Z' })
        assert.equal(back.events.length, original.events.length)
        original.events.forEach((e, i) => {
          const got = back.events[i]!
          const { provenance: _p, lanes: _l, ...rest } = got
          const { lanes: _m, ...expected } = e
          assert.deepEqual(rest, expected)
          assert.deepEqual(laneNames(back, got), laneNames(original, e))
        })
      }),
      { numRuns: 150 },
    )
  })
}
