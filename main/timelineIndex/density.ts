/**
 * Counts for the overview strip: how many events start, and how many annotations are anchored, in
 * each of `bins` equal stretches of the whole timeline. One pass over the events; the caller caches
 * the answer until the document changes.
 */
import type { DensityOverview } from './viewportTypes'

/** Most bins a strip may ask for: more than any screen is wide. */
export const MAX_BINS = 4_096

/** `events` and `annotations` are their starts; NaN stands for none (a slot whose event is gone). */
export function densityOverview(events: Iterable<number>, annotations: Iterable<number>, bins: number): DensityOverview {
  const binCount = Math.max(1, Math.min(MAX_BINS, Math.floor(bins)))
  let start = Infinity
  let end = -Infinity
  // NaN is neither below nor above anything, so it never moves the range.
  for (const at of events) {
    if (at < start) start = at
    if (at > end) end = at
  }
  for (const at of annotations) {
    if (at < start) start = at
    if (at > end) end = at
  }
  if (start > end) return { range: null, binMs: 0, events: new Array(binCount).fill(0), annotations: new Array(binCount).fill(0) }
  // One extra millisecond so the latest start falls inside the last bin rather than past it.
  const binMs = (end + 1 - start) / binCount
  const count = (starts: Iterable<number>) => {
    const counts = new Array<number>(binCount).fill(0)
    for (const at of starts) if (!Number.isNaN(at)) counts[Math.min(binCount - 1, Math.floor((at - start) / binMs))]! += 1
    return counts
  }
  return { range: { start, end: end + 1 }, binMs, events: count(events), annotations: count(annotations) }
}

/** The overview with `matched` (the starts of the events a search matches) counted in its bins. */
export function densityWithMatches(overview: DensityOverview, matched: Iterable<number>): DensityOverview {
  const { range, binMs } = overview
  const counts = new Array<number>(overview.events.length).fill(0)
  if (range) for (const at of matched) counts[Math.min(counts.length - 1, Math.max(0, Math.floor((at - range.start) / binMs)))]! += 1
  return { ...overview, searchMatches: counts }
}
