/**
 * Level of detail: what to draw for a window so the timeline never holds more than ~1,500 things
 * and never hides an event without counting it.
 *
 * Each lane's events overlapping the covered stretch (the window plus one window width each side)
 * are sorted into buckets on a fixed grid (`bucketMsFor`: powers of two, at least 48 px wide),
 * each event by its start, or by the start of the stretch when it began earlier. A bucket holding
 * more than two events is too dense to label; runs of neighbouring dense buckets (within a cell of
 * four, so runs do not grow across the whole lane) become one count cluster, and every other event
 * is drawn as itself. Zooming in narrows the buckets, so clusters split until their events stand
 * alone. Events that can never be told apart by zooming (all starting at the same instant, such as
 * fifty events dated the same day seen at hour scale) are drawn as themselves rather than clustered
 * forever. If the total still exceeds the cap, buckets double in width until it fits.
 *
 * Every event in the covered stretch is either an item or counted in exactly one cluster
 * (test/timelineIndex/levelOfDetail.test.ts checks this as a property).
 */
import type { IntervalIndex } from './intervalIndex'
import { compileFilter, type CompiledFilter, type EventRecord } from './eventRecords'
import { bucketMsFor } from './viewportRules'
import type { ViewportCluster, ViewportItem, ViewportQuery, ViewportSlice } from './viewportTypes'

export interface DetailLimits {
  /** Most items plus clusters in one answer. */
  maxShown: number
  /** A bucket with more events than this is clustered. */
  itemsPerBucket: number
  /** Runs of dense buckets merge only within grid-aligned cells of this many buckets. */
  bucketsPerCell: number
}

export const DEFAULT_LIMITS: DetailLimits = { maxShown: 1_500, itemsPerBucket: 2, bucketsPerCell: 4 }

/** Where the engine's events are: one interval index per lane, keyed by record slot. */
export interface LaneEvents {
  laneIndex(lane: string): IntervalIndex | undefined
  record(slot: number): EventRecord
}

export interface DetailedSlice extends ViewportSlice {
  /** Member event ids per cluster id; only filled when asked for (tests, cluster listings). */
  members?: Map<string, string[]>
}

interface Run {
  count: number
  minAnchor: number
  maxAnchor: number
  extentEnd: number
  fingerprint: [number, number]
  samples: EventRecord[]
  clustered: boolean
  members: string[]
}

export function viewportSlice(query: ViewportQuery, laneIds: readonly string[], events: LaneEvents, limits = DEFAULT_LIMITS, withMembers = false): DetailedSlice {
  const spanMs = Math.max(query.end - query.start, 1)
  const zoomBucketMs = bucketMsFor(spanMs, query.widthPx)
  const filter = compileFilter(query.filter)
  for (let bucketMs = zoomBucketMs; ; bucketMs *= 2) {
    // Past four window widths per bucket, coarser buckets change nothing: cluster whatever is dense.
    const lastTry = bucketMs > 4 * spanMs
    const slice = sliceAt(query, spanMs, bucketMs, lastTry, laneIds, events, filter, limits, withMembers)
    if (lastTry || slice.items.length + slice.clusters.length <= limits.maxShown) return { ...slice, bucketMs: zoomBucketMs }
  }
}

function sliceAt(
  query: ViewportQuery,
  spanMs: number,
  bucketMs: number,
  clusterEverythingDense: boolean,
  laneIds: readonly string[],
  events: LaneEvents,
  filter: CompiledFilter,
  limits: DetailLimits,
  withMembers: boolean,
): DetailedSlice {
  const firstBucket = Math.floor((query.start - spanMs) / bucketMs)
  const bucketCount = Math.ceil((query.end + spanMs) / bucketMs) - firstBucket
  const coveredStart = firstBucket * bucketMs
  const coveredEnd = coveredStart + bucketCount * bucketMs
  const counts = new Int32Array(bucketCount)
  const runOfBucket = new Int32Array(bucketCount)
  const items: ViewportItem[] = []
  const clusters: ViewportCluster[] = []
  const members = withMembers ? new Map<string, string[]>() : undefined
  let total = 0

  for (const lane of laneIds) {
    const index = events.laneIndex(lane)
    if (!index) continue
    const slots: number[] = []
    const buckets: number[] = []
    index.forEachOverlapping(coveredStart, coveredEnd - 1, (slot, start) => {
      if (!filter.keepsAll && !filter.test(events.record(slot))) return
      const bucket = Math.floor(((start < coveredStart ? coveredStart : start) - coveredStart) / bucketMs)
      slots.push(slot)
      buckets.push(bucket)
      counts[bucket]! += 1
    })
    total += slots.length

    const runs: Run[] = []
    for (let b = 0; b < bucketCount; b++) {
      runOfBucket[b] = -1
      if (counts[b]! <= limits.itemsPerBucket) continue
      const sameCell = b > 0 && runOfBucket[b - 1]! >= 0 && Math.floor((firstBucket + b) / limits.bucketsPerCell) === Math.floor((firstBucket + b - 1) / limits.bucketsPerCell)
      if (sameCell) runOfBucket[b] = runOfBucket[b - 1]!
      else {
        runOfBucket[b] = runs.length
        runs.push({ count: 0, minAnchor: Infinity, maxAnchor: -Infinity, extentEnd: -Infinity, fingerprint: [0, 0], samples: [], clustered: false, members: [] })
      }
    }
    counts.fill(0)

    for (let i = 0; i < slots.length; i++) {
      const runIndex = runOfBucket[buckets[i]!]!
      if (runIndex < 0) continue
      const run = runs[runIndex]!
      const record = events.record(slots[i]!)
      const anchor = Math.max(record.span.start, coveredStart)
      run.count += 1
      run.minAnchor = Math.min(run.minAnchor, anchor)
      run.maxAnchor = Math.max(run.maxAnchor, anchor)
      run.extentEnd = Math.max(run.extentEnd, Math.min(record.span.end, coveredEnd - 1))
      run.fingerprint[0] = (run.fingerprint[0] + record.fingerprint[0]) >>> 0
      run.fingerprint[1] = (run.fingerprint[1] + record.fingerprint[1]) >>> 0
      keepEarliest(run.samples, record)
      if (withMembers) run.members.push(record.id)
    }
    for (const run of runs) {
      run.clustered = clusterEverythingDense || run.minAnchor < run.maxAnchor
      if (!run.clustered) continue
      const id = `c:${run.count}:${run.fingerprint[0].toString(36)}.${run.fingerprint[1].toString(36)}:${lane}`
      clusters.push({ id, lane, start: run.minAnchor, end: Math.max(run.extentEnd, run.minAnchor), count: run.count, sampleTitles: run.samples.map((r) => r.title) })
      members?.set(id, run.members)
    }

    const laneItems: ViewportItem[] = []
    for (let i = 0; i < slots.length; i++) {
      const runIndex = runOfBucket[buckets[i]!]!
      if (runIndex >= 0 && runs[runIndex]!.clustered) continue
      laneItems.push(itemFor(events.record(slots[i]!), lane))
    }
    // Order by content, not by slot, so an index rebuilt from scratch answers identically.
    laneItems.sort((a, b) => a.start - b.start || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0))
    items.push(...laneItems)
  }
  return { covered: { start: coveredStart, end: coveredEnd }, bucketMs, items, clusters, total, ...(members ? { members } : {}) }
}

/** Keeps the three earliest records (by start, then id) in `samples`, sorted. */
function keepEarliest(samples: EventRecord[], record: EventRecord): void {
  const before = (a: EventRecord, b: EventRecord) => a.span.start < b.span.start || (a.span.start === b.span.start && a.id < b.id)
  if (samples.length === 3 && !before(record, samples[2]!)) return
  let at = samples.length
  while (at > 0 && before(record, samples[at - 1]!)) at--
  samples.splice(at, 0, record)
  if (samples.length > 3) samples.pop()
}

/** Unique per lane and event; the lane's length first so ids containing ':' cannot collide. */
export function itemKey(lane: string, eventId: string): string {
  return `e${lane.length}:${lane}:${eventId}`
}

function itemFor(record: EventRecord, lane: string): ViewportItem {
  const { span } = record
  return {
    key: itemKey(lane, record.id),
    eventId: record.id,
    lane,
    title: record.title,
    date: record.date,
    start: span.start,
    end: span.end,
    drawnAsSpan: record.drawnAsSpan,
    precision: span.precision,
    uncertain: span.uncertain,
    approximate: span.approximate,
    bestGrade: record.bestGrade,
  }
}
