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
      intervals.forEach((iv, key) => grown.add({ key, ...iv }))
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

test('prefix sums of the marks give the count and sum of any run of starts, after edits too', () => {
  const index = IntervalIndex.build([1, 2, 3, 4].map((key) => ({ key, start: key * DAY, end: key * DAY, markA: key, markB: 10 * key })))
  index.add({ key: 5, start: 2 * DAY, end: 2 * DAY, markA: 100, markB: 0xffffffff })
  index.remove(4, 4 * DAY, 4 * DAY)
  const points = index.sorted()[0]!
  const from = points.boundary(2 * DAY, false)
  const to = points.boundary(3 * DAY, true)
  assert.equal(to - from, 3)
  assert.equal(points.prefixA[to]! - points.prefixA[from]!, 2 + 100 + 3)
  assert.equal((points.prefixB[to]! - points.prefixB[from]!) >>> 0, (20 + 0xffffffff + 30) >>> 0)
})
