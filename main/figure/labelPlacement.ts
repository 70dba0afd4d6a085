/**
 * Where each event's label goes inside its lane: inside its bar when it fits, else to the right of
 * its marker, else to the left, in the first row of the lane where it overlaps nothing. A lane has
 * a limited number of rows; an event that finds no free room keeps its marker and loses its label,
 * and the caller lists it as dropped, so a figure never shows two labels on top of each other.
 */

export interface PlacementItem {
  /** Marker extent in px (a point's is its diameter, a bar's its length). */
  markerStart: number
  markerEnd: number
  labelWidth: number
  /** Room reserved left of the marker (a numbered callout badge). */
  lead: number
  /** The label fits inside the bar. */
  fitsInside: boolean
}

export type LabelSide = 'inside' | 'right' | 'left' | 'none'

export interface Placement {
  row: number
  side: LabelSide
}

export interface PlacementBounds {
  left: number
  right: number
  /** Space kept between neighbouring things in a row. */
  gap: number
  /** Space between a marker and its label. */
  offset: number
}

function interval(item: PlacementItem, side: LabelSide, b: PlacementBounds): [number, number] | null {
  const start = item.markerStart - item.lead
  switch (side) {
    case 'inside':
      return item.fitsInside ? [start, item.markerEnd] : null
    case 'right': {
      const end = item.markerEnd + b.offset + item.labelWidth
      return end <= b.right ? [start, end] : null
    }
    case 'left': {
      const from = start - b.offset - item.labelWidth
      return from >= b.left ? [from, item.markerEnd] : null
    }
    case 'none':
      return [start, item.markerEnd]
  }
}

const LABELLED: LabelSide[] = ['inside', 'right', 'left']

/**
 * Places items (sorted by `markerStart`) in at most `maxRows` rows. Because items arrive in start
 * order, every earlier interval starts at or before the current marker, so a row is free for an
 * interval exactly when the row's furthest end lies before the interval's start.
 */
export function placeLabels(items: readonly PlacementItem[], bounds: PlacementBounds, maxRows: number): { placements: Placement[]; rows: number } {
  const rowEnds: number[] = []
  const placements: Placement[] = []
  const free = (row: number, [start]: [number, number]) => (rowEnds[row] ?? -Infinity) + bounds.gap <= start
  for (const item of items) {
    let placed: Placement | null = null
    for (let row = 0; row < Math.min(rowEnds.length + 1, maxRows) && !placed; row++) {
      for (const side of LABELLED) {
        const span = interval(item, side, bounds)
        if (span && free(row, span)) {
          placed = { row, side }
          rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, span[1])
          break
        }
      }
    }
    if (!placed) {
      // No room for the label: the marker still goes in, in a free row if there is one, else in the
      // row that ends earliest (markers may touch; labels never do).
      const span = interval(item, 'none', bounds)!
      let row = rowEnds.findIndex((_, r) => free(r, span))
      if (row < 0 && rowEnds.length < maxRows) row = rowEnds.length
      if (row < 0) row = rowEnds.indexOf(Math.min(...rowEnds))
      rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, span[1])
      placed = { row, side: 'none' }
    }
    placements.push(placed)
  }
  return { placements, rows: Math.max(1, rowEnds.length) }
}

/**
 * Shares `totalRows` among lanes in proportion to the rows each would like, at least one each
 * (largest remainder), so a dense lane is not squeezed to nothing by many sparse ones.
 */
export function shareRows(wanted: readonly number[], totalRows: number): number[] {
  const sum = wanted.reduce((a, b) => a + b, 0)
  if (sum <= totalRows) return [...wanted]
  const spare = Math.max(0, totalRows - wanted.length)
  const extraWanted = wanted.map((w) => w - 1)
  const extraSum = extraWanted.reduce((a, b) => a + b, 0) || 1
  const exact = extraWanted.map((w) => (w * spare) / extraSum)
  const shares = exact.map((e) => 1 + Math.floor(e))
  let left = totalRows - shares.reduce((a, b) => a + b, 0)
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r)
  for (const { i } of byRemainder) {
    if (left <= 0) break
    if (shares[i]! < wanted[i]!) {
      shares[i]! += 1
      left--
    }
  }
  return shares
}
