/**
 * Which events overlap a stretch of time, answered without looking at the others.
 *
 * Intervals are kept in a few sorted arrays, one per duration class (up to an hour, a day, 8 days,
 * 64 days, 512 days, 4,096 days, longer). Within a class every interval is at most D long, so the
 * ones overlapping [from, to] all start in [from − D, to]: two binary searches and a scan of that
 * slice. One sorted array with a running "max end" would degrade to a full scan as soon as a single
 * 30-year span sits near the front; splitting by duration keeps the wasted part of each scan to
 * intervals of similar length. Measured at 100,000 synthetic events (bench/engine.ts): building
 * takes a few tens of ms and a query costs microseconds plus the events it returns.
 *
 * Keys are small integers chosen by the caller (the event's slot); ties on start are ordered by key
 * so queries visit intervals in the same order every time.
 */

const HOUR = 3_600_000
const DAY = 86_400_000
const CLASS_LIMITS = [HOUR, DAY, 8 * DAY, 64 * DAY, 512 * DAY, 4_096 * DAY, Number.POSITIVE_INFINITY]

class DurationClass {
  starts: number[] = []
  ends: number[] = []
  keys: number[] = []
  /** Longest interval ever held; only grows, which keeps queries correct after removals. */
  longest = 0

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

  /** First position whose start is after `start` (`after`), or at or after it (not `after`). */
  boundary(start: number, after: boolean): number {
    let low = 0
    let high = this.starts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      const s = this.starts[middle]!
      if (after ? s <= start : s < start) low = middle + 1
      else high = middle
    }
    return low
  }
}

export type OverlapVisitor = (key: number, start: number, end: number) => void

export class IntervalIndex {
  private readonly classes = CLASS_LIMITS.map(() => new DurationClass())
  private count = 0

  /** Builds from many intervals at once: one sort per class instead of one insertion each. */
  static build(entries: Iterable<{ key: number; start: number; end: number }>): IntervalIndex {
    const index = new IntervalIndex()
    const buckets: { key: number; start: number; end: number }[][] = CLASS_LIMITS.map(() => [])
    for (const entry of entries) buckets[classOf(entry.start, entry.end)]!.push(entry)
    buckets.forEach((bucket, c) => {
      bucket.sort((a, b) => a.start - b.start || a.key - b.key)
      const target = index.classes[c]!
      for (const { key, start, end } of bucket) {
        target.starts.push(start)
        target.ends.push(end)
        target.keys.push(key)
        target.longest = Math.max(target.longest, end - start)
      }
      index.count += bucket.length
    })
    return index
  }

  get size(): number {
    return this.count
  }

  add(key: number, start: number, end: number): void {
    const target = this.classes[classOf(start, end)]!
    const at = target.position(start, key)
    target.starts.splice(at, 0, start)
    target.ends.splice(at, 0, end)
    target.keys.splice(at, 0, key)
    target.longest = Math.max(target.longest, end - start)
    this.count += 1
  }

  /** Removes the interval added with this key, start and end; false if it was not there. */
  remove(key: number, start: number, end: number): boolean {
    const target = this.classes[classOf(start, end)]!
    const at = target.position(start, key)
    if (target.keys[at] !== key || target.starts[at] !== start) return false
    target.starts.splice(at, 1)
    target.ends.splice(at, 1)
    target.keys.splice(at, 1)
    this.count -= 1
    return true
  }

  /** Visits every interval with start ≤ `to` and end ≥ `from` (both inclusive). */
  forEachOverlapping(from: number, to: number, visit: OverlapVisitor): void {
    for (const cls of this.classes) {
      if (cls.starts.length === 0) continue
      const first = cls.boundary(from - cls.longest, false)
      const last = cls.boundary(to, true)
      const { starts, ends, keys } = cls
      for (let i = first; i < last; i++) {
        const end = ends[i]!
        if (end >= from) visit(keys[i]!, starts[i]!, end)
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
