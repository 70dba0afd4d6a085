/**
 * Level of detail: what to draw for a window so the timeline never holds more than ~1,500 things
 * and never hides an event without counting it.
 *
 * Each lane's events overlapping the covered stretch (the window plus one window width each side)
 * are sorted into buckets on a fixed grid (`bucketMsFor`: powers of two, at least 48 px wide),
 * each event by its start, or by the start of the stretch when it began earlier (bucketTable.ts).
 * A bucket holding more than two events is too dense to label; runs of neighbouring dense buckets (within a cell of
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
import { bucketTable, type BucketTable, type Grid } from './bucketTable'
import type { EventRecord } from './eventRecords'
import { bucketMsFor } from './viewportRules'
import type { ViewportCluster, ViewportItem, ViewportQuery, ViewportSlice } from './viewportTypes'

export interface DetailLimits {
  /** Most items plus clusters in one answer. */
  maxShown: number
  /** A bucket with more events than this is clustered. */
  itemsPerBucket: number
  /** Runs of dense buckets merge only within grid-aligned cells of this many buckets. */
  bucketsPerCell: number
  /**
   * A lane with no more events than this in the covered stretch is drawn event by event, however
   * close together: vis-timeline stacks a few dozen labels legibly, and an analyst with a small
   * timeline should see every title rather than counts.
   */
  wholeLaneUpTo?: number
}

export const DEFAULT_LIMITS: DetailLimits = { maxShown: 1_500, itemsPerBucket: 2, bucketsPerCell: 4, wholeLaneUpTo: 40 }

/** A lane's interval index, keyed by record slot. */
export type LaneIndexes = (lane: string) => IntervalIndex | undefined

/**
 * Where the engine's events are: one interval index per lane, keyed by record slot. Under a filter
 * they hold only the events it keeps (filteredLanes.ts): the query's own filter is not read here.
 */
export interface LaneEvents {
  laneIndex: LaneIndexes
  record(slot: number): EventRecord
  /** A slot's event id, without making its record: a cluster's member list can name 100,000. */
  id(slot: number): string
}

export interface DetailedSlice extends ViewportSlice {
  /** Member event ids per cluster id; only filled when asked for (tests, cluster listings). */
  members?: Map<string, string[]>
}

interface Run {
  first: number
  last: number
  count: number
  markA: number
  markB: number
  minAnchor: number
  maxAnchor: number
  clustered: boolean
}

interface LanePlan {
  lane: string
  table: BucketTable
  runs: Run[]
  /** Run index per bucket, -1 for buckets drawn event by event. */
  runOfBucket: Int32Array
  items: number
}

/**
 * `marked`: each lane's index of the events a search matches (among `events`); each cluster then
 * says how many of its events it matches, counted as the clusters are (no member is listed).
 */
export function viewportSlice(query: ViewportQuery, laneIds: readonly string[], events: LaneEvents, limits = DEFAULT_LIMITS, withMembers = false, marked?: LaneIndexes): DetailedSlice {
  const spanMs = Math.max(query.end - query.start, 1)
  const zoomBucketMs = bucketMsFor(spanMs, query.widthPx)
  for (let bucketMs = zoomBucketMs; ; bucketMs *= 2) {
    // Past four window widths per bucket, coarser buckets change nothing: cluster whatever is dense.
    const lastTry = bucketMs > 4 * spanMs
    const firstBucket = Math.floor((query.start - spanMs) / bucketMs)
    const grid: Grid = { start: firstBucket * bucketMs, bucketMs, bucketCount: Math.ceil((query.end + spanMs) / bucketMs) - firstBucket }
    const plans = planLanes(grid, lastTry, laneIds, events, limits)
    const shown = plans.reduce((sum, plan) => sum + plan.items + plan.runs.filter((run) => run.clustered).length, 0)
    if (lastTry || shown <= limits.maxShown) return { ...draw(grid, plans, events, withMembers, marked), bucketMs: zoomBucketMs }
  }
}

function planLanes(grid: Grid, clusterEverythingDense: boolean, laneIds: readonly string[], events: LaneEvents, limits: DetailLimits): LanePlan[] {
  const plans: LanePlan[] = []
  const firstCell = (b: number) => Math.floor((Math.round(grid.start / grid.bucketMs) + b) / limits.bucketsPerCell)
  for (const lane of laneIds) {
    const index = events.laneIndex(lane)
    if (!index || index.size === 0) continue
    const table = bucketTable(index, grid, events.record)
    const runs: Run[] = []
    const runOfBucket = new Int32Array(grid.bucketCount).fill(-1)
    let laneTotal = 0
    for (let b = 0; b < grid.bucketCount; b++) laneTotal += table.count[b]!
    const wholeLane = !clusterEverythingDense && laneTotal <= (limits.wholeLaneUpTo ?? 0)
    let items = 0
    for (let b = 0; b < grid.bucketCount; b++) {
      const count = table.count[b]!
      if (wholeLane || count <= limits.itemsPerBucket) {
        items += count
        continue
      }
      const previous = b > 0 ? runOfBucket[b - 1]! : -1
      let run = previous >= 0 && firstCell(b) === firstCell(b - 1) ? runs[previous] : undefined
      if (!run) {
        run = { first: b, last: b, count: 0, markA: 0, markB: 0, minAnchor: Infinity, maxAnchor: -Infinity, clustered: false }
        runs.push(run)
      }
      runOfBucket[b] = runs.length - 1
      run.last = b
      run.count += count
      run.markA = (run.markA + table.markA[b]!) >>> 0
      run.markB = (run.markB + table.markB[b]!) >>> 0
      run.minAnchor = Math.min(run.minAnchor, table.minAnchor[b]!)
      run.maxAnchor = Math.max(run.maxAnchor, table.maxAnchor[b]!)
    }
    for (const run of runs) {
      run.clustered = clusterEverythingDense || run.minAnchor < run.maxAnchor
      if (!run.clustered) items += run.count
    }
    plans.push({ lane, table, runs, runOfBucket, items })
  }
  return plans
}

function draw(grid: Grid, plans: LanePlan[], events: LaneEvents, withMembers: boolean, marked?: LaneIndexes): Omit<DetailedSlice, 'bucketMs'> {
  const items: ViewportItem[] = []
  const clusters: ViewportCluster[] = []
  const members = withMembers ? new Map<string, string[]>() : undefined
  let total = 0
  for (const { lane, table, runs, runOfBucket } of plans) {
    const markedIndex = marked && runs.some((run) => run.clustered) ? marked(lane) : undefined
    const markedCounts = markedIndex ? bucketTable(markedIndex, grid, events.record).count : null
    for (const run of runs) {
      total += run.count
      if (!run.clustered) continue
      const id = `c:${run.count}:${run.markA.toString(36)}.${run.markB.toString(36)}:${lane}`
      const sampleTitles = table.earliest(run.first, run.last, 3).map((r) => r.title)
      let searchMatches = 0
      for (let b = run.first; markedCounts && b <= run.last; b++) searchMatches += markedCounts[b]!
      clusters.push({ id, lane, start: run.minAnchor, end: run.maxAnchor, count: run.count, sampleTitles, ...(searchMatches > 0 ? { searchMatches } : {}) })
      if (members) {
        const ids: string[] = []
        table.forEachMember(run.first, run.last, (slot) => ids.push(events.id(slot)))
        members.set(id, ids)
      }
    }
    const laneItems: ViewportItem[] = []
    for (let b = 0; b < grid.bucketCount; b++) {
      const run = runOfBucket[b]!
      if (run >= 0 && runs[run]!.clustered) continue
      if (run < 0) total += table.count[b]!
      table.forEachMember(b, b, (slot) => laneItems.push(itemFor(events.record(slot), lane)))
    }
    // Order by content, not by slot, so an index rebuilt from scratch answers identically.
    laneItems.sort((a, b) => a.start - b.start || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0))
    items.push(...laneItems)
  }
  return { covered: { start: grid.start, end: grid.start + grid.bucketCount * grid.bucketMs }, items, clusters, total, ...(members ? { members } : {}) }
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
