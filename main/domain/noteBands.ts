/**
 * A span note is shown as a band across every lane, on the timeline and in figures. The bands are
 * tinted so that the grid and the events show through, and tints that overlap add up: ten of them
 * over one stretch (a timeline with 10,000 notes) turned every lane a muddy brown. So a band is
 * tinted only while no more than MOST_TINTED_OVERLAPPING overlap anywhere in what is drawn; past
 * that, every band is drawn as its two edges. (On the timeline, opaque tints blended with "darken"
 * do not pile up, but made each pan a few milliseconds slower, measured.)
 */
export const MOST_TINTED_OVERLAPPING = 2

/** Whether bands over these spans (each start..end, both included) may be tinted. */
export function bandsTinted(spans: readonly { start: number; end: number }[]): boolean {
  return deepestOverlap(spans) <= MOST_TINTED_OVERLAPPING
}

/** The most spans that cover any one instant. */
function deepestOverlap(spans: readonly { start: number; end: number }[]): number {
  // A span stops covering at end + 1; at the same instant an ending is counted before a beginning.
  const changes = spans.flatMap(({ start, end }) => [[start, 1], [end + 1, -1]] as const)
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let depth = 0
  let deepest = 0
  for (const [, by] of changes) deepest = Math.max(deepest, (depth += by))
  return deepest
}
