/**
 * One lane's events sorted into the buckets of a grid: how many fall in each bucket, their id
 * fingerprints summed, where the first and last of them start, and a way to list them.
 *
 * An event belongs to the bucket holding its start, or to the first bucket when it began before
 * the grid and still runs into it ("carried in"). Counts come from the interval index's prefix
 * sums, two binary searches per bucket and duration class, so a lane of 10,000 events zoomed out
 * costs about as much as one of 10. Under a filter, the index holds only the events it keeps
 * (filteredLanes.ts).
 */
import type { EventRecord } from './eventRecords'
import type { IntervalIndex, SortedIntervals } from './intervalIndex'

export interface Grid {
  /** Start of bucket 0 (a multiple of bucketMs). */
  start: number
  bucketMs: number
  bucketCount: number
}

export interface BucketTable {
  count: Int32Array
  markA: Uint32Array
  markB: Uint32Array
  /** Earliest and latest anchor (start, or grid start when carried in) per non-empty bucket. */
  minAnchor: Float64Array
  maxAnchor: Float64Array
  /** Every event anchored in buckets first..last (inclusive). */
  forEachMember(first: number, last: number, visit: (slot: number) => void): void
  /** Up to `n` events anchored in buckets first..last, earliest start first, ties by id. */
  earliest(first: number, last: number, n: number): EventRecord[]
}

const MAX_TIES_SCANNED = 64

function emptyTable(grid: Grid) {
  const n = grid.bucketCount
  return {
    count: new Int32Array(n),
    markA: new Uint32Array(n),
    markB: new Uint32Array(n),
    minAnchor: new Float64Array(n).fill(Infinity),
    maxAnchor: new Float64Array(n).fill(-Infinity),
  }
}

function byStartThenId(a: EventRecord, b: EventRecord): number {
  return a.span.start - b.span.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** The `n` earliest of many records in one pass, without sorting them all (n is 3). */
function earliestOf(records: Iterable<EventRecord>, n: number): EventRecord[] {
  const kept: EventRecord[] = []
  for (const record of records) {
    if (kept.length === n && byStartThenId(record, kept[n - 1]!) >= 0) continue
    let at = kept.length
    while (at > 0 && byStartThenId(record, kept[at - 1]!) < 0) at--
    kept.splice(at, 0, record)
    if (kept.length > n) kept.pop()
  }
  return kept
}

function* recordsOf(slots: Iterable<number>, record: (slot: number) => EventRecord): Generator<EventRecord> {
  for (const slot of slots) yield record(slot)
}

export function bucketTable(index: IntervalIndex, grid: Grid, record: (slot: number) => EventRecord): BucketTable {
  const table = emptyTable(grid)
  const gridEnd = grid.start + grid.bucketCount * grid.bucketMs
  const carried: number[] = []
  const classes = index.sorted().filter((cls) => cls.starts.length > 0)
  /** positions[c][b]: first position in class c starting at or after bucket b's start. */
  const positions: Int32Array[] = []
  for (const cls of classes) {
    const { starts, ends, keys, prefixA, prefixB } = cls
    const firstInside = cls.boundary(grid.start, false)
    for (let i = cls.boundary(grid.start - cls.longest, false); i < firstInside; i++) {
      if (ends[i]! < grid.start) continue
      carried.push(keys[i]!)
      table.count[0]! += 1
      table.markA[0] = table.markA[0]! + (prefixA[i + 1]! - prefixA[i]!)
      table.markB[0] = table.markB[0]! + (prefixB[i + 1]! - prefixB[i]!)
      table.minAnchor[0] = grid.start
      table.maxAnchor[0] = Math.max(table.maxAnchor[0]!, grid.start)
    }
    const at = new Int32Array(grid.bucketCount + 1)
    at[0] = firstInside
    for (let b = 0; b < grid.bucketCount; b++) {
      const from = at[b]!
      const to = b + 1 === grid.bucketCount ? cls.boundary(gridEnd, false, from) : cls.boundary(grid.start + (b + 1) * grid.bucketMs, false, from)
      at[b + 1] = to
      if (to === from) continue
      table.count[b]! += to - from
      table.markA[b] = table.markA[b]! + (prefixA[to]! - prefixA[from]!)
      table.markB[b] = table.markB[b]! + (prefixB[to]! - prefixB[from]!)
      table.minAnchor[b] = Math.min(table.minAnchor[b]!, starts[from]!)
      table.maxAnchor[b] = Math.max(table.maxAnchor[b]!, starts[to - 1]!)
    }
    positions.push(at)
  }
  return {
    ...table,
    forEachMember(first, last, visit) {
      if (first === 0) carried.forEach(visit)
      classes.forEach((cls, c) => {
        for (let i = positions[c]![first]!; i < positions[c]![last + 1]!; i++) visit(cls.keys[i]!)
      })
    },
    earliest(first, last, n) {
      const candidates = first === 0 ? earliestOf(recordsOf(carried, record), n) : []
      classes.forEach((cls, c) => candidates.push(...leading(cls, positions[c]![first]!, positions[c]![last + 1]!, n).map(record)))
      return earliestOf(candidates, n)
    },
  }
}

/** Keys of the first `n` positions in from..to, plus those tied with the n-th on start (bounded). */
function leading(cls: SortedIntervals, from: number, to: number, n: number): number[] {
  const keys: number[] = []
  for (let i = from; i < to; i++) {
    if (keys.length >= n && (cls.starts[i] !== cls.starts[from + n - 1] || keys.length >= n + MAX_TIES_SCANNED)) break
    keys.push(cls.keys[i]!)
  }
  return keys
}
