/**
 * The few rules the window and the engine must agree on. No imports, so the renderer can use
 * this file as it is.
 */

/** Lane id for events in no lane. Real lane ids are never empty, so it cannot clash. */
export const NO_LANE = ''

/** Narrowest bucket, in pixels, the engine sorts events into; wide enough for a count label. */
export const MIN_BUCKET_PX = 48

/**
 * Time per bucket for a window `spanMs` wide drawn over `widthPx` pixels: the smallest power of two
 * (in ms) covering at least MIN_BUCKET_PX. Powers of two keep the bucket grid fixed while the
 * window moves or zooms slightly, so the same events fall in the same buckets and clusters stay put.
 */
export function bucketMsFor(spanMs: number, widthPx: number): number {
  const msPerPx = Math.max(spanMs, 1) / Math.max(widthPx, 1)
  return 2 ** Math.max(0, Math.ceil(Math.log2(msPerPx * MIN_BUCKET_PX)))
}

/** True when a slice answered for `covered` at `bucketMs` can still draw this window as it is. */
export function sliceStillFits(
  slice: { covered: { start: number; end: number }; bucketMs: number },
  window: { start: number; end: number },
  widthPx: number,
): boolean {
  return (
    window.start >= slice.covered.start &&
    window.end <= slice.covered.end &&
    bucketMsFor(window.end - window.start, widthPx) === slice.bucketMs
  )
}
