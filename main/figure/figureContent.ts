/**
 * What goes into a figure, before any drawing: the time range, the lanes in order, the events in
 * range (each in its first shown lane, as the timeline window places it), and the annotations that
 * touch the range, numbered in time order so the chart and the notes below it agree.
 */
import type { Annotation, TimelineDocument, TimelineEvent } from '../domain/timeline'
import { isDrawnAsSpan, readDate, type TimeSpan } from '../domain/dates'
import { bestGrade } from '../domain/sourceGrade'
import { compileFilter } from '../timelineIndex/eventRecords'
import type { FigureOptions, FigureRange } from './options'

/** Same id the timeline window uses for events that belong to no lane. */
export const UNASSIGNED_LANE = '__unassigned__'

export interface FigureLane {
  id: string
  name: string
  /** Index into the lane palette; lanes are coloured by position, as in the app. */
  colourIndex: number
}

export interface FigureEvent {
  event: TimelineEvent
  laneId: string
  span: TimeSpan
  drawnAsSpan: boolean
  grade: string
}

export interface NumberedAnnotation {
  number: number
  annotation: Annotation
  /** Span and moment anchors: where they sit in time. Event anchors: their event's span. */
  span: TimeSpan
  eventId?: string
}

export interface FigureContent {
  start: number
  end: number
  /** Lanes with at least one event in the range, in order. */
  lanes: FigureLane[]
  /** Lanes asked for that have nothing in the range: named under the chart instead of drawn empty. */
  emptyLanes: FigureLane[]
  events: FigureEvent[]
  annotations: NumberedAnnotation[]
}

export class FigureRangeError extends Error {}

const DAY = 86_400_000

/**
 * EDTF parsing (nearley grammar) costs ~0.1 ms a date and dominated a 10,000-event export; real
 * timelines repeat dates a lot, and a preview re-renders on every option change, so readings are
 * kept. The cap only guards memory against a pathological file.
 */
const readings = new Map<string, ReturnType<typeof readDate>>()
const MAX_READINGS = 200_000

function readDateOnce(text: string): ReturnType<typeof readDate> {
  let reading = readings.get(text)
  if (!reading) {
    if (readings.size >= MAX_READINGS) readings.clear()
    reading = readDate(text)
    readings.set(text, reading)
  }
  return reading
}

function rangeEnds(range: FigureRange): { start: number; end: number } | null {
  if (range.kind === 'whole') return null
  if (range.kind === 'view') return { start: range.start, end: range.end }
  const from = readDate(range.from)
  const to = readDate(range.to)
  if (!from.ok) throw new FigureRangeError(`the start date ${from.error}`)
  if (!to.ok) throw new FigureRangeError(`the end date ${to.error}`)
  return { start: from.span.start, end: to.span.end }
}

function chooseLanes(document: TimelineDocument, options: FigureOptions, hasUnassigned: boolean): FigureLane[] {
  // Colour by position among the visible lanes, as the timeline window does.
  const visible = document.lanes.filter((l) => !l.hidden)
  const byId = new Map(document.lanes.map((lane, index) => [lane.id, { lane, index: lane.hidden ? index : visible.indexOf(lane) }]))
  const ids = options.laneIds ?? [...document.lanes.filter((l) => !l.hidden).map((l) => l.id), ...(hasUnassigned ? [UNASSIGNED_LANE] : [])]
  const lanes: FigureLane[] = []
  for (const id of new Set(ids)) {
    if (id === UNASSIGNED_LANE) lanes.push({ id, name: 'No lane', colourIndex: -1 })
    const found = byId.get(id)
    if (found) lanes.push({ id, name: found.lane.name, colourIndex: found.index })
  }
  return lanes
}

function annotationSpan(annotation: Annotation, events: Map<string, FigureEvent>): { span: TimeSpan; eventId?: string } | null {
  const { anchor } = annotation
  if (anchor.kind === 'event') {
    const shown = events.get(anchor.eventId)
    return shown ? { span: shown.span, eventId: anchor.eventId } : null
  }
  const reading = readDateOnce(anchor.date)
  return reading.ok ? { span: reading.span } : null
}

/** Selects and places what the options ask for; throws FigureRangeError for a range that cannot be drawn. */
export function figureContent(document: TimelineDocument, options: FigureOptions): FigureContent {
  const chosen = rangeEnds(options.range)
  if (chosen && !(chosen.end > chosen.start)) throw new FigureRangeError('the range ends before it starts')
  const wanted = options.eventIds ? new Set(options.eventIds) : null
  const passes = compileFilter(options.filter)
  const hasUnassigned = document.events.some((e) => e.lanes.length === 0)
  const lanes = chooseLanes(document, options, hasUnassigned)
  const shownLanes = new Set(lanes.map((l) => l.id))

  const candidates: FigureEvent[] = []
  for (const event of document.events) {
    if (wanted && !wanted.has(event.id)) continue
    if (!passes.keepsAll && !passes.test({ tags: event.tags, grades: event.sources.map((s) => s.grade) })) continue
    const laneId = event.lanes.length === 0 ? UNASSIGNED_LANE : event.lanes.find((id) => shownLanes.has(id))
    if (!laneId || !shownLanes.has(laneId)) continue
    const reading = readDateOnce(event.date)
    if (!reading.ok) continue
    // Without the grade legend, labels carry no grade code (it would be unexplained).
    const grade = options.legend.grades ? bestGrade(event.sources.map((s) => s.grade)) : ''
    candidates.push({ event, laneId, span: reading.span, drawnAsSpan: isDrawnAsSpan(reading.span), grade })
  }

  // Notes switched off are left out entirely: no bands, callouts or note text, and no range stretch.
  const notes = options.notes ? document.annotations : []
  let { start, end } = chosen ?? wholeRange(candidates, notes)
  const events = candidates.filter((e) => e.span.end >= start && e.span.start <= end)
  const byId = new Map(events.map((e) => [e.event.id, e]))

  const touching: Omit<NumberedAnnotation, 'number'>[] = []
  for (const annotation of notes) {
    if (annotation.deleted) continue
    const placed = annotationSpan(annotation, byId)
    if (!placed || placed.span.end < start || placed.span.start > end) continue
    touching.push({ annotation, ...placed })
  }
  touching.sort((a, b) => a.span.start - b.span.start || a.annotation.created.localeCompare(b.annotation.created))
  const annotations = touching.map((a, i) => ({ ...a, number: i + 1 }))
  if (end - start < 60_000) end = start + 60_000
  // An empty row reads as "nothing happened here", which the figure cannot claim: events in several
  // lanes are drawn in the first one shown. So empty lanes are named below the chart, not drawn.
  const used = new Set(events.map((e) => e.laneId))
  const drawn = used.size ? lanes.filter((l) => used.has(l.id)) : lanes
  const emptyLanes = used.size ? lanes.filter((l) => !used.has(l.id)) : []
  return { start, end, lanes: drawn, emptyLanes, events, annotations }
}

/** The whole timeline: every event the filters allow, with 3 % margin so end markers are not cut. */
function wholeRange(events: FigureEvent[], annotations: Annotation[]): { start: number; end: number } {
  let start = Infinity
  let end = -Infinity
  for (const { span } of events) {
    start = Math.min(start, span.start)
    end = Math.max(end, span.end)
  }
  for (const annotation of annotations) {
    if (annotation.deleted || annotation.anchor.kind === 'event') continue
    const reading = readDateOnce(annotation.anchor.date)
    if (!reading.ok) continue
    start = Math.min(start, reading.span.start)
    end = Math.max(end, reading.span.end)
  }
  if (!Number.isFinite(start)) {
    const now = Date.now()
    return { start: now - 30 * DAY, end: now }
  }
  const margin = Math.max((end - start) * 0.03, DAY / 2)
  return { start: start - margin, end: end + margin }
}
