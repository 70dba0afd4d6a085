import { test } from 'node:test'
import assert from 'node:assert/strict'
import { syntheticTimeline, validSyntheticTimeline } from '../../bench/synthetic'
import { readDate } from '../../main/domain/dates'

test('a synthetic timeline is a valid document, the same every time for the same seed', () => {
  const document = validSyntheticTimeline({ events: 1_000, annotations: 2_000 })
  assert.equal(document.events.length, 1_000)
  assert.equal(document.annotations.length, 2_000)
  assert.equal(document.lanes.length, 10)
  assert.deepEqual(syntheticTimeline({ events: 1_000, annotations: 2_000 }), document, 'validation changes nothing')
  assert.equal(JSON.stringify(syntheticTimeline({ events: 1_000, annotations: 2_000 })), JSON.stringify(syntheticTimeline({ events: 1_000, annotations: 2_000 })))
  assert.notEqual(JSON.stringify(syntheticTimeline({ events: 1_000, annotations: 2_000, seed: 7 })), JSON.stringify(document))
  assert.equal(syntheticTimeline({ events: 10 }).annotations.length, 10_000, '10,000 annotations unless told otherwise')
})

test('its dates mix points, spans, months, years, uncertain and approximate dates across 1991–2022', () => {
  const spans = syntheticTimeline({ events: 5_000, annotations: 0 }).events.map((e) => {
    const reading = readDate(e.date)
    assert.ok(reading.ok, e.date)
    return reading.span
  })
  const share = (test: (s: (typeof spans)[number]) => boolean) => spans.filter(test).length / spans.length
  assert.ok(share((s) => s.precision === 'day' && !s.interval) > 0.5)
  assert.ok(share((s) => s.precision === 'time') > 0.05)
  assert.ok(share((s) => s.precision === 'month') > 0.05)
  assert.ok(share((s) => s.precision === 'year') > 0.02)
  assert.ok(share((s) => s.interval) > 0.05)
  assert.ok(share((s) => s.openEnd) > 0.002)
  assert.ok(share((s) => s.uncertain) > 0.03)
  assert.ok(share((s) => s.approximate) > 0.03)
  assert.ok(spans.every((s) => s.start >= Date.UTC(1991, 0, 1) && s.start < Date.UTC(2023, 0, 1)))
})

test('every date in the 100,000-event set the benchmark opens is one the app accepts', () => {
  // A refused date makes the whole file unreadable, and the app would open a backup instead:
  // the benchmark would then measure the wrong timeline.
  const document = syntheticTimeline({ events: 100_000, annotations: 10_000 })
  const refused = [...document.events.map((e) => e.date), ...document.annotations.flatMap((a) => (a.anchor.kind === 'event' ? [] : [a.anchor.date]))].filter((date) => !readDate(date).ok)
  assert.deepEqual(refused, [])
})
