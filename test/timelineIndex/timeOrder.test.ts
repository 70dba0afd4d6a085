/** J / K: stepping through events in time order, as the engine answers it. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TimelineIndexes } from '../../main/timelineIndex/timelineIndexes'
import { syntheticTimeline } from '../../bench/synthetic'
import { event, timeline } from './fixtures'

const indexed = (document: ReturnType<typeof timeline>) => {
  const indexes = new TimelineIndexes({ searchBuild: 'on-first-search' })
  indexes.sync(document)
  return indexes
}

test('J / K step through every event in time order, from the first or the last when nothing is selected', () => {
  const document = syntheticTimeline({ events: 3_000, annotations: 0 })
  const indexes = indexed(document)
  const first = indexes.step(null, 1)!
  const last = indexes.step(null, -1)!
  let at = first
  const seen = new Set([at.id])
  for (;;) {
    const next = indexes.step(at.id, 1)!
    if (next.id === at.id) break
    assert.ok(next.span.start > at.span.start || (next.span.start === at.span.start && next.span.end >= at.span.end), `${next.id} after ${at.id}`)
    assert.equal(indexes.step(next.id, -1)!.id, at.id)
    seen.add(next.id)
    at = next
  }
  assert.equal(at.id, last.id, 'the last stays the last')
  assert.equal(seen.size, document.events.length, 'every event once')
  assert.equal(indexes.step(first.id, -1)!.id, first.id, 'the first stays the first')
})

test('events starting together come shortest first, then by id; a deleted event steps from the ends; edits are followed', () => {
  const document = timeline([
    event('c', '2022-01-10'),
    event('b', '2022-01-10'),
    event('long', '2022-01-10/2022-01-13'),
    event('early', '2021-12-07'),
  ])
  const indexes = indexed(document)
  const order = (from: string | null) => {
    const ids: string[] = []
    for (let at = indexes.step(from, 1); at && at.id !== ids.at(-1); at = indexes.step(at.id, 1)) ids.push(at.id)
    return ids
  }
  assert.deepEqual(order(null), ['early', 'b', 'c', 'long'])
  assert.equal(indexes.step('gone', -1)!.id, 'long')
  // Moved to the end of the year, "early" is now last.
  indexes.sync({ ...document, events: document.events.map((e) => (e.id === 'early' ? { ...e, date: '2022-12-31' } : e)) })
  assert.deepEqual(order(null), ['b', 'c', 'long', 'early'])
  assert.equal(indexed(timeline([])).step(null, 1), null)
})
