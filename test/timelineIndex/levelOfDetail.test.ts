import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { TimelineIndexes } from '../../main/timelineIndex/timelineIndexes'
import { NO_LANE } from '../../main/timelineIndex/viewportRules'
import { readDate } from '../../main/domain/dates'
import type { DetailedSlice } from '../../main/timelineIndex/levelOfDetail'
import type { TimelineEvent } from '../../main/domain/timeline'
import { annotation, dateAt, event, timeline } from './fixtures'

const DAY = 86_400_000
const FROM = Date.UTC(1991, 0, 1)
const TO = Date.UTC(2023, 0, 1)
const noSearch = { searchBuild: 'on-first-search' } as const

const eventsArb = fc.array(
  fc.record({
    at: fc.oneof(fc.integer({ min: FROM, max: TO }), fc.integer({ min: Date.UTC(2022, 0, 1), max: Date.UTC(2022, 0, 8) })),
    shape: fc.nat(11),
    length: fc.integer({ min: 1, max: 900 }),
    lanes: fc.subarray(['a', 'b', 'c']),
    tagged: fc.boolean(),
  }),
  { maxLength: 400 },
).map((specs) => specs.map((s, i) => event(`ev${i}`, dateAt(s.at, s.shape, s.length), s.lanes, s.tagged ? { tags: ['energy'] } : {})))

const queryArb = fc.record({
  start: fc.integer({ min: FROM - 400 * DAY, max: TO }),
  length: fc.oneof(fc.integer({ min: 1, max: 2 * DAY }), fc.integer({ min: DAY, max: 12_000 * DAY })),
  widthPx: fc.integer({ min: 100, max: 2_500 }),
  maxShown: fc.integer({ min: 12, max: 300 }),
  filterTags: fc.boolean(),
})

/** Every (lane, event) pair that should be accounted for, worked out by brute force. */
function expectedPairs(events: TimelineEvent[], lanes: string[], from: number, to: number, onlyTag?: string): Set<string> {
  const pairs = new Set<string>()
  for (const e of events) {
    const reading = readDate(e.date)
    assert.ok(reading.ok, e.date)
    if (reading.span.start > to || reading.span.end < from) continue
    if (onlyTag && !e.tags.includes(onlyTag)) continue
    for (const lane of e.lanes.length ? new Set(e.lanes) : [NO_LANE]) if (lanes.includes(lane)) pairs.add(`${lane}|${e.id}`)
  }
  return pairs
}

function shownPairs(slice: DetailedSlice): string[] {
  const pairs = slice.items.map((item) => `${item.lane}|${item.eventId}`)
  for (const cluster of slice.clusters) {
    const members = slice.members!.get(cluster.id)!
    assert.equal(cluster.count, members.length, 'a cluster counts exactly its members')
    pairs.push(...members.map((id) => `${cluster.lane}|${id}`))
  }
  return pairs
}

test('every event in the covered stretch is drawn or counted in exactly one cluster; same answer every time', () => {
  fc.assert(
    fc.property(eventsArb, queryArb, (events, q) => {
      const indexes = new TimelineIndexes(noSearch)
      indexes.rebuild(timeline(events))
      const query = { start: q.start, end: q.start + q.length, widthPx: q.widthPx, filter: q.filterTags ? { tags: ['energy'] } : undefined }
      const limits = { maxShown: q.maxShown, itemsPerBucket: 2, bucketsPerCell: 4 }
      const slice = indexes.viewportItems(query, limits, true)
      const lanes = indexes.defaultLaneIds()
      assert.ok(slice.covered.start <= query.start && slice.covered.end >= query.end, 'the covered stretch holds the window')
      const expected = expectedPairs(events, lanes, slice.covered.start, slice.covered.end - 1, q.filterTags ? 'energy' : undefined)
      const shown = shownPairs(slice)
      assert.equal(new Set(shown).size, shown.length, 'nothing is both drawn and counted, or counted twice')
      assert.deepEqual(new Set(shown), expected)
      assert.equal(slice.items.length + slice.clusters.reduce((sum, c) => sum + c.count, 0), expected.size)
      assert.equal(slice.total, expected.size)
      assert.ok(slice.items.length + slice.clusters.length <= Math.max(q.maxShown, 4 * lanes.length), 'stays under the cap')
      assert.deepEqual(indexes.viewportItems(query, limits), indexes.viewportItems(query, limits), 'deterministic')

      // Built one edit at a time, in another order, the answer is the same.
      const grown = new TimelineIndexes(noSearch)
      grown.rebuild(timeline([]))
      grown.applyChange({ events: { added: [...events].reverse() } })
      const again = grown.viewportItems(query, limits)
      assert.deepEqual({ ...again, clusters: sortById(again.clusters) }, { ...indexes.viewportItems(query, limits), clusters: sortById(slice.clusters) })
    }),
    { numRuns: 150 },
  )
})

function sortById<T extends { id: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

test('zooming into a cluster splits it until every event shows on its own', () => {
  const base = Date.UTC(2022, 0, 3)
  const events = Array.from({ length: 60 }, (_, i) => event(`kz${i}`, dateAt(base + i * 5 * 3_600_000, 1), ['b']))
  const indexes = new TimelineIndexes(noSearch)
  indexes.rebuild(timeline(events))
  let window = { start: FROM, end: TO }
  const whole = indexes.viewportItems({ ...window, widthPx: 1_200 })
  assert.equal(whole.items.length, 0)
  assert.deepEqual(whole.clusters.map((c) => c.count), [60])
  assert.deepEqual(whole.clusters[0]!.sampleTitles, ['Event kz0', 'Event kz1', 'Event kz2'])
  let zoomedInto: string[] = []
  let lastCount = Infinity
  for (let step = 0; step < 12; step++) {
    const slice = indexes.viewportItems({ ...window, widthPx: 1_200 }, undefined, true)
    const drawn = new Set(slice.items.map((item) => item.eventId))
    if (slice.clusters.length === 0) {
      assert.ok(zoomedInto.every((id) => drawn.has(id)), 'the last cluster zoomed into shows all its events')
      return
    }
    const biggest = slice.clusters.reduce((a, b) => (b.count > a.count ? b : a))
    assert.ok(biggest.count < lastCount || step === 0, 'each zoom splits the cluster')
    lastCount = biggest.count
    zoomedInto = slice.members!.get(biggest.id)!
    window = { start: biggest.start, end: Math.max(biggest.end, biggest.start + 3_600_000) }
  }
  assert.fail('clusters never split into single events')
})

test('events on the same day seen at hour scale are drawn, not clustered forever', () => {
  const events = Array.from({ length: 12 }, (_, i) => event(`d${i}`, '2022-02-24', ['a']))
  const indexes = new TimelineIndexes(noSearch)
  indexes.rebuild(timeline(events))
  const slice = indexes.viewportItems({ start: Date.UTC(2022, 1, 24, 6), end: Date.UTC(2022, 1, 24, 12), widthPx: 1_000 })
  assert.equal(slice.clusters.length, 0)
  assert.equal(slice.items.length, 12)
})

test('a cluster keeps its id when the window pans, and 20,000 events in a month stay under 1,500 shown', () => {
  const base = Date.UTC(2014, 2, 1)
  const events = Array.from({ length: 20_000 }, (_, i) => event(`e${i}`, dateAt(base + ((i * 7_919) % 31) * DAY + (i % 24) * 3_600_000, 1), [['a', 'b', 'c'][i % 3]!]))
  const indexes = new TimelineIndexes(noSearch)
  indexes.rebuild(timeline(events))
  const year = 365 * DAY
  const first = indexes.viewportItems({ start: Date.UTC(2013, 6, 1), end: Date.UTC(2013, 6, 1) + year, widthPx: 1_500 })
  const panned = indexes.viewportItems({ start: Date.UTC(2013, 6, 20), end: Date.UTC(2013, 6, 20) + year, widthPx: 1_500 })
  assert.ok(first.clusters.length > 0)
  assert.deepEqual(panned.clusters.map((c) => c.id).sort(), first.clusters.map((c) => c.id).sort())
  const month = indexes.viewportItems({ start: base, end: base + 31 * DAY, widthPx: 2_000 })
  assert.ok(month.items.length + month.clusters.length <= 1_500)
  assert.equal(month.total, 20_000)
})

test('the overview counts a note on an event where the event starts, and a note on a span where the span starts', () => {
  const indexes = new TimelineIndexes(noSearch)
  // The overview runs from 1991 to 2022 in ten bins; the events span most of it.
  const events = [event('soviet-era', '1991-12-26/2021-08-30'), event('end', '2022-02-24')]
  const notes = [
    annotation('on-event', { kind: 'event', eventId: 'soviet-era' }, 'A long view'),
    annotation('on-span', { kind: 'span', date: '1992-01-01/2021-12-31' }, 'The whole era'),
  ]
  indexes.rebuild(timeline(events, notes))
  const overview = indexes.densityOverview(10)
  assert.equal(overview.annotations[0], 2)
  assert.equal(overview.annotations.reduce((a, b) => a + b, 0), 2)
})

test('the overview counts every event once and follows changes', () => {
  const indexes = new TimelineIndexes(noSearch)
  indexes.rebuild(timeline([event('x', '1991-12-26'), event('y', '2022-02-24'), event('z', '2022-02-24T04:00:00Z')]))
  const before = indexes.densityOverview(10)
  assert.equal(before.events.reduce((a, b) => a + b, 0), 3)
  assert.equal(before.events[0], 1)
  assert.equal(before.events[9], 2)
  indexes.applyChange({ events: { removed: ['y'] } })
  assert.equal(indexes.densityOverview(10).events[9], 1)
})
