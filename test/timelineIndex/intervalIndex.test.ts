import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { IntervalIndex } from '../../main/timelineIndex/intervalIndex'

const DAY = 86_400_000
/** Spans from an instant to 40 years, the range real timelines hold. */
const interval = fc
  .tuple(fc.integer({ min: 0, max: 12_000 * DAY }), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 * DAY }), fc.integer({ min: 0, max: 15_000 * DAY })))
  .map(([start, length]) => ({ start, end: start + length }))
const window = fc.tuple(fc.integer({ min: -DAY, max: 13_000 * DAY }), fc.integer({ min: 0, max: 3_000 * DAY })).map(([from, length]) => ({ from, to: from + length }))

function bruteForce(intervals: { start: number; end: number }[], from: number, to: number): number[] {
  return intervals.flatMap((iv, key) => (iv.start <= to && iv.end >= from ? [key] : [])).sort((a, b) => a - b)
}

test('finds exactly the intervals that overlap a window, built at once or one by one', () => {
  fc.assert(
    fc.property(fc.array(interval, { maxLength: 300 }), fc.array(window, { minLength: 1, maxLength: 10 }), (intervals, windows) => {
      const built = IntervalIndex.build(intervals.map((iv, key) => ({ key, ...iv })))
      const grown = new IntervalIndex()
      intervals.forEach((iv, key) => grown.add(key, iv.start, iv.end))
      for (const { from, to } of windows) {
        const expected = bruteForce(intervals, from, to)
        assert.deepEqual(built.overlapping(from, to).sort((a, b) => a - b), expected)
        assert.deepEqual(grown.overlapping(from, to).sort((a, b) => a - b), expected)
      }
    }),
  )
})

test('a removed interval is no longer found; the others still are', () => {
  fc.assert(
    fc.property(fc.array(interval, { minLength: 1, maxLength: 200 }), fc.array(fc.nat(), { maxLength: 50 }), window, (intervals, removals, { from, to }) => {
      const index = IntervalIndex.build(intervals.map((iv, key) => ({ key, ...iv })))
      const removed = new Set<number>()
      for (const r of removals) {
        const key = r % intervals.length
        const iv = intervals[key]!
        assert.equal(index.remove(key, iv.start, iv.end), !removed.has(key))
        removed.add(key)
      }
      const expected = bruteForce(intervals, from, to).filter((key) => !removed.has(key))
      assert.deepEqual(index.overlapping(from, to).sort((a, b) => a - b), expected)
      assert.equal(index.size, intervals.length - removed.size)
    }),
  )
})

test('touching ends count as overlapping (a day ending at 23:59:59.999 overlaps a window starting then)', () => {
  const index = IntervalIndex.build([{ key: 7, start: 0, end: DAY - 1 }])
  assert.deepEqual(index.overlapping(DAY - 1, 2 * DAY), [7])
  assert.deepEqual(index.overlapping(DAY, 2 * DAY), [])
  assert.deepEqual(index.overlapping(-DAY, 0), [7])
})
