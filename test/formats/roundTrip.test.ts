/** Export then import: each format gives back what it can hold, and the CSV export cannot run as formulas. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { previewImportText } from '../../main/formats/importFile'
import { applyImport } from '../../main/formats/applyImport'
import { exportDocument } from '../../main/formats/exportFile'
import { parseTimelineText } from '../../main/store/timelineFile'
import type { TimelineDocument, TimelineEvent } from '../../main/domain/timeline'
import { readCsv } from '../../main/formats/csvRead'
import { emptyTimeline, sampleTimeline } from './sampleTimeline'

async function roundTrip(format: 'csv' | 'timelinejs' | 'markwhen' | 'json', document: TimelineDocument): Promise<TimelineDocument> {
  const name = { csv: 'out.csv', timelinejs: 'out.json', markwhen: 'out.mw', json: 'out.json' }[format]
  const preview = await previewImportText(exportDocument(document, format), name, emptyTimeline())
  assert.deepEqual(preview.issues, [], `no problems reading back our own ${format}`)
  return applyImport(emptyTimeline(), preview, { mode: 'new', importedAt: '2026-01-01T00:00:00.000Z' })
}

function laneNames(document: TimelineDocument, event: TimelineEvent): string[] {
  return event.lanes.map((id) => document.lanes.find((l) => l.id === id)!.name)
}

test('native JSON keeps everything, byte for byte after reading back', async () => {
  const original = sampleTimeline()
  assert.deepEqual(parseTimelineText(exportDocument(original, 'json')), original)
  const back = await roundTrip('json', original)
  const strip = (e: TimelineEvent) => ({ ...e, provenance: undefined, lanes: laneNames(back, e) })
  assert.deepEqual(back.events.map(strip), original.events.map((e) => ({ ...e, provenance: undefined, lanes: laneNames(original, e) })))
  assert.deepEqual(back.annotations, original.annotations)
})

test('CSV keeps every event field: ids, EDTF dates, lanes, tags, location and sources with grades', async () => {
  const original = sampleTimeline()
  const back = await roundTrip('csv', original)
  assert.equal(back.events.length, original.events.length)
  for (const event of original.events) {
    const got = back.events.find((e) => e.id === event.id)!
    const { provenance: _p, lanes: _l, ...rest } = got
    const { provenance: _q, lanes: _m, ...expected } = event
    assert.deepEqual(rest, expected, event.id)
    assert.deepEqual(laneNames(back, got), laneNames(original, event))
  }
  assert.equal(back.annotations.length, 0, 'CSV holds events only')
})

test('TimelineJS keeps ids, titles, descriptions, exact dates, first lane, spans as eras; qualifiers and tags are lost', async () => {
  const original = sampleTimeline()
  const back = await roundTrip('timelinejs', original)
  assert.equal(back.meta.title, original.meta.title)
  for (const event of original.events) {
    const got = back.events.find((e) => e.id === event.id)!
    assert.equal(got.title, event.title)
    assert.equal(got.description, event.description)
    assert.deepEqual(laneNames(back, got), laneNames(original, event).slice(0, 1))
    const expectedDate = { '0862~': '0862', '[2022-01-06,2022-01-07]': '2022-01-06/2022-01-07' }[event.date] ?? event.date
    assert.equal(got.date, expectedDate)
  }
  const buildUp = back.annotations.find((a) => a.label === 'Build-up')!
  assert.deepEqual(buildUp.anchor, { kind: 'span', date: '2021-11-10/2022-02-24' })
  assert.equal(buildUp.text, 'Ukraine cites ~92,000 troops, 28 Nov 2021')
})

test('Markwhen keeps ids, titles, full EDTF dates, descriptions, tags, lanes, places and sources', async () => {
  const original = sampleTimeline()
  const back = await roundTrip('markwhen', original)
  assert.equal(back.meta.title, original.meta.title)
  assert.equal(back.events.length, original.events.length)
  for (const event of original.events) {
    const got = back.events.find((e) => e.id === event.id)!
    assert.equal(got.title, event.title)
    assert.equal(got.date, event.date)
    assert.equal(got.description, event.description)
    assert.deepEqual(got.tags, event.tags.map((t) => t.replace(/\s+/g, '-')))
    assert.deepEqual(got.sources.map(({ id: _id, ...s }) => s), event.sources.map(({ id: _id, ...s }) => s))
    assert.deepEqual(laneNames(back, got), laneNames(original, event))
    assert.deepEqual(got.location, event.location)
  }
})

test('CSV cells that a spreadsheet would run as formulas are written with a leading apostrophe', async () => {
  const document = emptyTimeline()
  const hostile = ['=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(A1)', '\tTabbed', '\rReturn', "'=already", 'plain']
  document.events = hostile.map((title, n) => ({ id: `e${n}`, title, date: n === 2 ? '-0043-03-15' : '2022-01-10', description: '', lanes: [], tags: [], sources: [] }))
  const csv = exportDocument(document, 'csv')
  const rows = readCsv(csv.replace(/^\ufeff/, ''), 'out.csv').rows.slice(1)
  const titles = rows.map((r) => r.cells[2])
  assert.deepEqual(titles, ["'=cmd|' /C calc'!A0", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTabbed", "'\rReturn", "''=already", 'plain'])
  assert.equal(rows[2]!.cells[1], "'-0043-03-15", 'a BC date starts with "-" and is escaped too')
  for (const row of rows) for (const cell of row.cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/)
  const back = await roundTrip('csv', document)
  // Titles are trimmed on import, so the tab and CR titles come back without their leading white space.
  assert.deepEqual(back.events.map((e) => e.title), hostile.map((t) => t.trim()), 'import removes exactly the escape it added')
  assert.equal(back.events[2]!.date, '-0043-03-15')
})
