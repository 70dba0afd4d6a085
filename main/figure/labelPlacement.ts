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

interface Entry {
  index: number
  start: number
  end: number
  /** Extent without the label, what remains if the label has to go. */
  bareStart: number
  bareEnd: number
  /** Where its label's text is, if it has one. */
  label: [number, number] | null
}

/** Where the text itself is: beside the marker, after the offset (a marker may touch that gap). */
function labelExtent(side: LabelSide, [start, end]: [number, number], bareStart: number, bareEnd: number, offset: number): [number, number] | null {
  if (side === 'right') return [bareEnd + offset, end]
  if (side === 'left') return [start, bareStart - offset]
  if (side === 'inside') return [bareStart, bareEnd]
  return null
}

/**
 * Places items (sorted by `markerStart`) in at most `maxRows` rows. Because items arrive in start
 * order, every earlier interval starts at or before the current marker, so a row is free for an
 * interval exactly when the row's furthest end lies before the interval's start.
 * A marker is never dropped: when no row has room even for the bare marker, it goes in the row
 * where it covers the fewest labels (markers may cover markers), and those labels are dropped: a
 * label under a marker is unreadable.
 */
export function placeLabels(items: readonly PlacementItem[], bounds: PlacementBounds, maxRows: number): { placements: Placement[]; rows: number } {
  const rows: Entry[][] = []
  const rowEnds: number[] = []
  const placements: Placement[] = []
  // How far left of its marker anything can reach: entries ending before that can be forgotten.
  const reach = Math.max(0, ...items.map((i) => i.lead + bounds.offset + i.labelWidth)) + bounds.gap
  const free = (row: number, [start]: [number, number]) => (rowEnds[row] ?? -Infinity) + bounds.gap <= start
  // Rows keep only entries a later item could still touch; pruned whenever a row doubles in size,
  // so 10,000 events cost linear time, not quadratic.
  const kept: number[] = []
  // Per row, the entries whose label is still shown: the only ones a marker with no room can hurt.
  const labelled: Entry[][] = []
  const maxLead = Math.max(0, ...items.map((i) => i.lead))
  const put = (row: number, entry: Entry, placement: Placement) => {
    if (!rows[row]) rows[row] = []
    if (entry.label) (labelled[row] ??= []).push(entry)
    let entries = rows[row]!
    entries.push(entry)
    if (entries.length > 2 * (kept[row] ?? 16)) {
      entries = rows[row] = entries.filter((e) => e.end >= entry.bareStart - reach)
      kept[row] = Math.max(16, entries.length)
    }
    rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, entry.end)
    placements[entry.index] = placement
  }
  const overlaps = ([a, b]: [number, number], [start, end]: [number, number]) => a < end && b > start
  items.forEach((item, index) => {
    const [bareStart, bareEnd] = interval(item, 'none', bounds)!
    for (let row = 0; row < Math.min(rows.length + 1, maxRows); row++) {
      for (const side of LABELLED) {
        const span = interval(item, side, bounds)
        if (span && free(row, span)) return put(row, { index, start: span[0], end: span[1], bareStart, bareEnd, label: labelExtent(side, span, bareStart, bareEnd, bounds.offset) }, { row, side })
      }
    }
    const bare: [number, number] = [bareStart, bareEnd]
    const entry: Entry = { index, start: bareStart, end: bareEnd, bareStart, bareEnd, label: null }
    const freeRow = rowEnds.findIndex((_, r) => free(r, bare))
    if (freeRow >= 0) return put(freeRow, entry, { row: freeRow, side: 'none' })
    if (rows.length < maxRows) return put(rows.length, entry, { row: rows.length, side: 'none' })
    // Every row is taken here: use the row where the marker covers the fewest labels, and drop those.
    // Labels ending left of every marker still to come can never be covered again: forget them.
    let row = 0
    let covered: Entry[] | null = null
    for (let r = 0; r < rows.length && covered?.length !== 0; r++) {
      const live = (labelled[r] = (labelled[r] ?? []).filter((e) => e.label !== null && e.label[1] > item.markerStart - maxLead))
      const here = live.filter((e) => overlaps(e.label!, bare))
      if (!covered || here.length < covered.length) [row, covered] = [r, here]
    }
    if (covered?.length) {
      for (const e of covered) {
        placements[e.index] = { row, side: 'none' }
        e.start = e.bareStart
        e.end = e.bareEnd
        e.label = null
      }
      rowEnds[row] = Math.max(-Infinity, ...rows[row]!.map((e) => e.end))
    }
    put(row, entry, { row, side: 'none' })
  })
  return { placements, rows: Math.max(1, rows.length) }
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
