/** Bringing a chosen event or note into view: the window moves only as far as it needs to. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { framedWindow, windowShowing } from '../../renderer/timeline/steps'

const DAY = 86_400_000
const window = { start: 100 * DAY, end: 110 * DAY }

test('a span already in view, even in part, leaves the window where it is', () => {
  assert.equal(windowShowing({ start: 102 * DAY, end: 103 * DAY }, window), null)
  assert.equal(windowShowing({ start: 95 * DAY, end: 101 * DAY }, window), null, 'overlapping its left edge')
})

test('a span outside the window is centred in a window of the same width', () => {
  assert.deepEqual(windowShowing({ start: 200 * DAY, end: 202 * DAY }, window), { start: 196 * DAY, end: 206 * DAY })
  assert.deepEqual(windowShowing({ start: 10 * DAY, end: 10 * DAY }, window), { start: 5 * DAY, end: 15 * DAY })
})

test('a span wider than the window is framed whole, wherever it lies', () => {
  const year = { start: 0, end: 365 * DAY }
  assert.deepEqual(windowShowing(year, window), framedWindow(year.start, year.end))
})
