/** The whole timeline's range (what "Fit" shows) and J / K stepping through events in time order. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { eventRange, stepEvent } from '../../main/domain/eventOrder'
import { readDate } from '../../main/domain/dates'
import { syntheticTimeline } from '../../bench/synthetic'

const { events } = syntheticTimeline({ events: 3_000, annotations: 0 })
const spanOf = (date: string) => {
  const reading = readDate(date)
  assert.ok(reading.ok, date)
  return reading.span
}

test('the range runs from the earliest start to the latest end, spans and uncertain dates included', () => {
  const spans = events.map((event) => spanOf(event.date))
  assert.deepEqual(eventRange(events), { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) })
  // The latest end need not belong to the latest start: a long span started earlier can outlast it.
  const long = { ...events[0]!, id: 'ev-long', date: '1991-12-26/2030-01-01' }
  assert.equal(eventRange([long, ...events])!.end, Date.UTC(2030, 0, 2) - 1)
  assert.equal(eventRange([]), null)
})

test('J / K step through events in time order, from the first or the last when nothing is selected', () => {
  const first = stepEvent(events, null, 1)!
  const last = stepEvent(events, null, -1)!
  assert.equal(first.span.start, eventRange(events)!.start)
  let at = first
  for (let i = 0; i < 50; i++) {
    const next = stepEvent(events, at.id, 1)!
    assert.ok(next.span.start >= at.span.start)
    assert.equal(stepEvent(events, next.id, -1)!.id, at.id)
    at = next
  }
  assert.equal(stepEvent(events, last.id, 1)!.id, last.id, 'the last stays the last')
})
