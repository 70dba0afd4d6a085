/**
 * Lanes with more events than a figure can draw apart are drawn as counts: one bar per calendar
 * stretch (an hour, day, week, month, quarter or year: the finest at least a few pixels wide), as
 * tall as the number of events starting in it, every crowded lane to one scale. A slide of 100,000 events
 * otherwise showed each lane as a solid band of overlapping markers with a handful of labels, and
 * took seconds to make (every event measured and placed); the timeline window sums up crowded
 * stretches the same way (counts per stretch per lane). Events in the other lanes keep their markers.
 */
import type { FigureContent } from './figureContent'
import { POINT_RADIUS } from './marks'
import { utc } from './timeAxis'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** A bar is at least this wide on average, in the figure's units: narrower, bars blur into a band. */
const NARROWEST_BAR = 3
/** 5 January 1970, a Monday: weeks run Monday to Sunday, as in ISO 8601. */
const FIRST_MONDAY = 4 * DAY

export type CountUnit = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year'

interface UnitRule {
  unit: CountUnit
  /** Average length, to judge a bar's width before choosing. */
  approxMs: number
  /** The stretch an instant falls in, as a number that orders stretches. */
  index(at: number): number
  /** When stretch `index` starts. */
  start(index: number): number
}

const month = (at: number) => {
  const d = new Date(at)
  return d.getUTCFullYear() * 12 + d.getUTCMonth()
}

/** When month `index` (year × 12 + month) starts: months past December run on into later years. */
const monthStart = (index: number) => utc(0, index)

/** Finest first. */
const UNITS: UnitRule[] = [
  { unit: 'hour', approxMs: HOUR, index: (at) => Math.floor(at / HOUR), start: (i) => i * HOUR },
  { unit: 'day', approxMs: DAY, index: (at) => Math.floor(at / DAY), start: (i) => i * DAY },
  { unit: 'week', approxMs: 7 * DAY, index: (at) => Math.floor((at - FIRST_MONDAY) / (7 * DAY)), start: (i) => FIRST_MONDAY + i * 7 * DAY },
  { unit: 'month', approxMs: 30.44 * DAY, index: month, start: monthStart },
  { unit: 'quarter', approxMs: 91.3 * DAY, index: (at) => Math.floor(month(at) / 3), start: (i) => monthStart(i * 3) },
  { unit: 'year', approxMs: 365.25 * DAY, index: (at) => new Date(at).getUTCFullYear(), start: (i) => monthStart(i * 12) },
]

export interface CountBars {
  unit: CountUnit
  /** Each lane drawn as counts, with its bars in time order. */
  bars: ReadonlyMap<string, readonly Bar[]>
  /** Events starting in the most crowded stretch of any of them: the scale's top. */
  tallest: number
  /** Events drawn as counts. */
  events: number
}

export interface Bar {
  /** When the stretch starts and when the next one does. */
  from: number
  to: number
  count: number
}

/**
 * Which lanes a chart `chartWidth` px wide draws as counts, and by which stretch; null when every
 * lane can show its events. A lane is crowded when it has more events than twice the point markers
 * that fit side by side across the chart: past that, markers overlap by more than half on average
 * and labels are all but gone. `unit` is the figure's unit (px per unit, type.unit).
 */
export function countBarsFor(content: Pick<FigureContent, 'start' | 'end' | 'events'>, chartWidth: number, unit: number): CountBars | null {
  const markerWidth = 2 * POINT_RADIUS * unit
  const narrowestBar = NARROWEST_BAR * unit
  const perLane = new Map<string, number>()
  for (const e of content.events) perLane.set(e.laneId, (perLane.get(e.laneId) ?? 0) + 1)
  const crowdedFrom = 2 * Math.max(1, Math.floor(chartWidth / markerWidth))
  const crowded = [...perLane].filter(([, count]) => count > crowdedFrom).map(([lane]) => lane)
  if (crowded.length === 0) return null
  const msPerPx = (content.end - content.start) / Math.max(1, chartWidth)
  const rule = UNITS.find((candidate) => candidate.approxMs / msPerPx >= narrowestBar) ?? UNITS.at(-1)!
  // Events counted where they start, in one pass over the range's events; one that began before
  // the range counts in its first stretch, as the timeline's clusters count it (a bar left of the
  // chart would set the scale and not be seen).
  const counts = new Map(crowded.map((lane) => [lane, new Map<number, number>()]))
  for (const e of content.events) {
    const lane = counts.get(e.laneId)
    if (!lane) continue
    const index = rule.index(Math.max(e.span.start, content.start))
    lane.set(index, (lane.get(index) ?? 0) + 1)
  }
  const bars = new Map<string, Bar[]>()
  let tallest = 0
  for (const [lane, byIndex] of counts) {
    const laneBars = [...byIndex].sort((a, b) => a[0] - b[0]).map(([index, count]) => ({ from: rule.start(index), to: rule.start(index + 1), count }))
    for (const bar of laneBars) tallest = Math.max(tallest, bar.count)
    bars.set(lane, laneBars)
  }
  return { unit: rule.unit, bars, tallest, events: crowded.reduce((sum, lane) => sum + perLane.get(lane)!, 0) }
}
