/** The whole timeline's range (what "Fit" shows). */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { eventRange } from '../../main/domain/eventRange'
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
