import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { bucketMsFor, MIN_BUCKET_PX, sliceStillFits } from '../../main/timelineIndex/viewportRules'
import { TimelineIndexes } from '../../main/timelineIndex/timelineIndexes'
import { event, timeline } from './fixtures'

test('a bucket is between 48 and 96 pixels wide at any zoom', () => {
  fc.assert(
    fc.property(fc.integer({ min: 60_000, max: 2e12 }), fc.integer({ min: 200, max: 4_000 }), (spanMs, widthPx) => {
      const px = (bucketMsFor(spanMs, widthPx) * widthPx) / spanMs
      assert.ok(px >= MIN_BUCKET_PX && px < 2 * MIN_BUCKET_PX, `${px}`)
    }),
  )
})

test('a pan of half the window needs no new query; zooming in twice needs one', () => {
  const indexes = new TimelineIndexes({ searchBuild: 'on-first-search' })
  indexes.rebuild(timeline([event('x', '2022-01-10')]))
  const window = { start: Date.UTC(2022, 0, 1), end: Date.UTC(2022, 1, 1) }
  const slice = indexes.viewportItems({ ...window, widthPx: 1_200 })
  const half = (window.end - window.start) / 2
  assert.ok(sliceStillFits(slice, { start: window.start + half, end: window.end + half }, 1_200))
  assert.ok(sliceStillFits(slice, { start: window.start - half, end: window.end - half }, 1_200))
  assert.ok(!sliceStillFits(slice, { start: window.start, end: window.start + half }, 1_200))
  assert.ok(!sliceStillFits(slice, { start: window.start + 3 * half, end: window.end + 3 * half }, 1_200))
})
