/**
 * Which events overlap a stretch of time, answered without looking at the others.
 *
 * Intervals are kept in a few sorted arrays, one per duration class (up to an hour, a day, 8 days,
 * 64 days, 512 days, 4,096 days, longer). Within a class every interval is at most D long, so the
 * ones overlapping [from, to] all start in [from − D, to]: two binary searches and a scan of that
 * slice. One sorted array with a running "max end" would degrade to a full scan as soon as a single
 * 30-year span sits near the front; splitting by duration keeps the wasted part of each scan to
 * intervals of similar length.
 *
 * Each interval also carries two 32-bit marks (the event's id fingerprints). Prefix sums of the
 * marks, rebuilt lazily after edits, give the count and fingerprint of every interval starting in
 * a stretch with two binary searches, which is how the level of detail sizes up 100,000 events
 * zoomed out without visiting them one by one.
 *
 * Keys are small integers chosen by the caller (the event's slot); ties on start are ordered by key
 * so queries visit intervals in the same order every time.
 */

const HOUR = 3_600_000
const DAY = 86_400_000
const CLASS_LIMITS = [HOUR, DAY, 8 * DAY, 64 * DAY, 512 * DAY, 4_096 * DAY, Number.POSITIVE_INFINITY]

export interface IntervalEntry {
  key: number
  start: number
  end: number
  markA?: number
  markB?: number
}

/** One duration class, read-only, for callers that walk the sorted arrays themselves. */
export interface SortedIntervals {
  readonly starts: readonly number[]
  readonly ends: readonly number[]
  readonly keys: readonly number[]
  /** Longest interval the class has held (only grows, which keeps searches correct after removals). */
  readonly longest: number
  /** prefixA[i] = sum of markA over positions before i, modulo 2^32; likewise prefixB. */
  readonly prefixA: Uint32Array
  readonly prefixB: Uint32Array
  /** First position whose start is after `at` (`after`), or at or after it (not `after`). */
  boundary(at: number, after: boolean, low?: number): number
}

class DurationClass implements SortedIntervals {
  starts: number[] = []
  ends: number[] = []
  keys: number[] = []
  marksA: number[] = []
  marksB: number[] = []
  longest = 0
  private prefixes: [Uint32Array, Uint32Array] | null = null

  get prefixA(): Uint32Array {
    return this.sums()[0]
  }

  get prefixB(): Uint32Array {
    return this.sums()[1]
  }

  private sums(): [Uint32Array, Uint32Array] {
    if (!this.prefixes) {
      const n = this.starts.length
      const a = new Uint32Array(n + 1)
      const b = new Uint32Array(n + 1)
      for (let i = 0; i < n; i++) {
        a[i + 1] = a[i]! + this.marksA[i]!
        b[i + 1] = b[i]! + this.marksB[i]!
      }
      this.prefixes = [a, b]
    }
    return this.prefixes
  }

  insert(at: number, entry: IntervalEntry): void {
    this.starts.splice(at, 0, entry.start)
    this.ends.splice(at, 0, entry.end)
    this.keys.splice(at, 0, entry.key)
    this.marksA.splice(at, 0, (entry.markA ?? 0) >>> 0)
    this.marksB.splice(at, 0, (entry.markB ?? 0) >>> 0)
    this.longest = Math.max(this.longest, entry.end - entry.start)
    this.prefixes = null
  }

  delete(at: number): void {
    for (const list of [this.starts, this.ends, this.keys, this.marksA, this.marksB]) list.splice(at, 1)
    this.prefixes = null
  }

  /** First position whose (start, key) is at or after the given pair. */
  position(start: number, key: number): number {
    let low = 0
    let high = this.starts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      const s = this.starts[middle]!
      if (s < start || (s === start && this.keys[middle]! < key)) low = middle + 1
      else high = middle
    }
    return low
  }

  boundary(at: number, after: boolean, low = 0): number {
    let high = this.starts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      const s = this.starts[middle]!
      if (after ? s <= at : s < at) low = middle + 1
      else high = middle
    }
    return low
  }
}

export type OverlapVisitor = (key: number, start: number, end: number, markA: number, markB: number) => void

export class IntervalIndex {
  private readonly classes = CLASS_LIMITS.map(() => new DurationClass())
  private count = 0

  /** Builds from many intervals at once: one sort per class instead of one insertion each. */
  static build(entries: Iterable<IntervalEntry>): IntervalIndex {
    const index = new IntervalIndex()
    const buckets: IntervalEntry[][] = CLASS_LIMITS.map(() => [])
    for (const entry of entries) buckets[classOf(entry.start, entry.end)]!.push(entry)
    buckets.forEach((bucket, c) => {
      bucket.sort((a, b) => a.start - b.start || a.key - b.key)
      const target = index.classes[c]!
      for (const entry of bucket) {
        target.starts.push(entry.start)
        target.ends.push(entry.end)
        target.keys.push(entry.key)
        target.marksA.push((entry.markA ?? 0) >>> 0)
        target.marksB.push((entry.markB ?? 0) >>> 0)
        target.longest = Math.max(target.longest, entry.end - entry.start)
      }
      index.count += bucket.length
    })
    return index
  }

  get size(): number {
    return this.count
  }

  /**
   * Adds an interval at the end of its class: only for callers that add in ascending (start, key)
   * order, as `TimelineIndexes.rebuild` does after one sort of all events, which saves a sort per class.
   */
  append(key: number, start: number, end: number, markA: number, markB: number): void {
    const target = this.classes[classOf(start, end)]!
    target.starts.push(start)
    target.ends.push(end)
    target.keys.push(key)
    target.marksA.push(markA >>> 0)
    target.marksB.push(markB >>> 0)
    target.longest = Math.max(target.longest, end - start)
    this.count += 1
  }

  /** A new index of the intervals whose key `keep` accepts: one pass, in order, with no sort. */
  kept(keep: (key: number) => boolean): IntervalIndex {
    const index = new IntervalIndex()
    this.classes.forEach((from, c) => {
      const to = index.classes[c]!
      for (let i = 0; i < from.keys.length; i++) {
        if (!keep(from.keys[i]!)) continue
        to.starts.push(from.starts[i]!)
        to.ends.push(from.ends[i]!)
        to.keys.push(from.keys[i]!)
        to.marksA.push(from.marksA[i]!)
        to.marksB.push(from.marksB[i]!)
        to.longest = Math.max(to.longest, from.ends[i]! - from.starts[i]!)
      }
      index.count += to.keys.length
    })
    return index
  }

  /** The duration classes, shortest first. */
  sorted(): readonly SortedIntervals[] {
    return this.classes
  }

  add(entry: IntervalEntry): void {
    const target = this.classes[classOf(entry.start, entry.end)]!
    target.insert(target.position(entry.start, entry.key), entry)
    this.count += 1
  }

  /** Removes the interval added with this key, start and end; false if it was not there. */
  remove(key: number, start: number, end: number): boolean {
    const target = this.classes[classOf(start, end)]!
    const at = target.position(start, key)
    if (target.keys[at] !== key || target.starts[at] !== start) return false
    target.delete(at)
    this.count -= 1
    return true
  }

  /** Visits every interval with start ≤ `to` and end ≥ `from` (both inclusive). */
  forEachOverlapping(from: number, to: number, visit: OverlapVisitor): void {
    for (const cls of this.classes) {
      if (cls.starts.length === 0) continue
      const first = cls.boundary(from - cls.longest, false)
      const last = cls.boundary(to, true)
      const { starts, ends, keys, marksA, marksB } = cls
      for (let i = first; i < last; i++) {
        const end = ends[i]!
        if (end >= from) visit(keys[i]!, starts[i]!, end, marksA[i]!, marksB[i]!)
      }
    }
  }

  /** Keys of every overlapping interval, in no particular order (tests and small callers). */
  overlapping(from: number, to: number): number[] {
    const keys: number[] = []
    this.forEachOverlapping(from, to, (key) => keys.push(key))
    return keys
  }
}

function classOf(start: number, end: number): number {
  const duration = end - start
  let c = 0
  while (duration > CLASS_LIMITS[c]!) c++
  return c
}
