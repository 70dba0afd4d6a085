/**
 * The chart part of a figure: time axis, lanes as rows, events, and annotations (span notes as
 * bands, moment notes as vertical markers, event notes as numbered badges beside their event).
 * Lanes too crowded to draw their events apart are drawn as counts (countBars.ts).
 */
import { bandsTinted } from '../domain/noteBands'
import { noteTitle } from '../domain/shortText'
import type { FigureFonts } from './fonts'
import type { FontMetrics } from './fontMetrics'
import type { FigureContent, FigureEvent, NumberedAnnotation } from './figureContent'
import { placeLabels, shareRows, type PlacementItem } from './labelPlacement'
import { badge, badgeMark, barMark, openTail, pointMark, POINT_RADIUS, type Badge } from './marks'
import type { Bar, CountBars } from './countBars'
import { element, oneLine, textElement } from './svgMarkup'
import { truncate } from './textFit'
import { timeAxis } from './timeAxis'
import { ANNOTATION_THEME, FAINT, GRID, INK, LANE_COLOURS, MUTED, ROW_SHADE, RULE, UNASSIGNED_COLOUR, type TypeScale } from './theme'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface ChartResult {
  markup: string
  /** Events drawn without their label because there was no room. */
  dropped: FigureEvent[]
}

/** "Unrest in Kazakhstan?~": the app's marks for uncertain and approximate dates. */
export function eventLabel(event: FigureEvent): string {
  const marks = `${event.span.uncertain ? '?' : ''}${event.span.approximate ? '~' : ''}`
  return `${oneLine(event.event.title)}${marks}`
}

function laneColour(colourIndex: number): string {
  return colourIndex < 0 ? UNASSIGNED_COLOUR : LANE_COLOURS[colourIndex % LANE_COLOURS.length]!
}

/** A band or moment note's short title in the strip above the lanes. */
function stripTitle(note: NumberedAnnotation): string {
  // Fitted to its room by measuring when drawn; this only bounds what is measured.
  return oneLine(noteTitle(note.annotation, 200))
}

/** Rows a lane drawn as counts takes: its bars need more height than one row of markers. */
const COUNT_ROWS = 2

export function drawChart(content: FigureContent, box: Box, type: TypeScale, fonts: FigureFonts, show = { laneNames: true }, counting: CountBars | null = null): ChartResult {
  const u = type.unit
  const regular = fonts.metrics('regular')
  const semibold = fonts.metrics('semibold')
  const { start, end } = content

  // Lane names sit in a column on the left; it is the legend of lanes, with each lane's colour.
  const swatch = 10 * u
  const nameWidth = Math.max(0, ...content.lanes.map((l) => semibold.width(l.name, type.label)))
  const laneColumn = show.laneNames ? Math.min(nameWidth + swatch + 22 * u, box.width * 0.22) : 0
  const left = box.x + laneColumn
  const right = box.x + box.width
  const x = (t: number) => left + ((t - start) / (end - start)) * (right - left)

  // Axis rows: context (year, month or day), then ticks.
  const axisRow = type.small * 1.7
  const axis = timeAxis(start, end, Math.floor((right - left) / (70 * u)))
  const axisBottom = box.y + axisRow * 2

  // The strip above the lanes carries span and moment notes: badge and short title.
  const stripNotes = content.annotations.filter((n) => n.annotation.anchor.kind !== 'event')
  const stripBadges = stripNotes.map((n) => badge([n.number], semibold, type.small * 0.85, u))
  const stripItems: PlacementItem[] = stripNotes.map((n, i) => {
    const at = n.annotation.anchor.kind === 'span' ? Math.max(x(n.span.start), left) : x(n.span.start) - stripBadges[i]!.width / 2
    return { markerStart: at, markerEnd: at + stripBadges[i]!.width, labelWidth: semibold.width(stripTitle(n), type.small), lead: 0, fitsInside: false }
  })
  const stripOrder = stripItems.map((_, i) => i).sort((a, b) => stripItems[a]!.markerStart - stripItems[b]!.markerStart)
  const stripBounds = { left, right, gap: 12 * u, offset: 5 * u }
  const strip = placeLabels(stripOrder.map((i) => stripItems[i]!), stripBounds, 3)
  const stripRow = type.small * 1.8
  const stripHeight = stripNotes.length ? strip.rows * stripRow + 6 * u : 0
  const lanesTop = axisBottom + stripHeight
  const lanesBottom = box.y + box.height

  // Events, per lane, in start order; callout badges for event notes reserve room left of the marker.
  const callouts = new Map<string, NumberedAnnotation[]>()
  for (const note of content.annotations) {
    if (note.eventId) callouts.set(note.eventId, [...(callouts.get(note.eventId) ?? []), note])
  }
  // The lanes each noted event is in, for the badges of lanes drawn as counts.
  const notedLanes = new Map<string, Set<string>>()
  if (counting) {
    for (const e of content.events) if (callouts.has(e.event.id)) notedLanes.set(e.event.id, (notedLanes.get(e.event.id) ?? new Set()).add(e.laneId))
  }
  const pointRadius = POINT_RADIUS * u
  const barHeight = type.label * 1.35
  const labelPad = 6 * u
  const scale: EventScale = { x, left, right, dayWidth: x(start + 86_400_000) - x(start), pointRadius, labelPad, unit: u, type, regular, semibold }
  const perLane = content.lanes.map((lane) => {
    const counted = counting?.bars.get(lane.id)
    // A lane drawn as counts places no event of its own: that is the work it saves.
    const placed = counted ? [] : content.events.filter((e) => e.laneId === lane.id).map((e) => placeEvent(e, callouts.get(e.event.id), scale))
    // Placement needs items in marker order (points, bars and open ends start at different x).
    placed.sort((a, b) => a.item.markerStart - b.item.markerStart)
    return { lane, counted, events: placed.map((p) => p.event), items: placed.map((p) => p.item), geometry: placed.map((p) => p.geometry) }
  })

  // Rows: each lane asks for as many as its labels need; if they do not all fit, lanes share what
  // there is and the labels that find no room are dropped (and listed).
  const bounds = { left, right, gap: 10 * u, offset: 5 * u }
  let rowHeight = type.label * 1.8
  const lanesHeight = lanesBottom - lanesTop
  // Breathing room above and below each lane's rows, given up first when the chart is short.
  const lanePad = Math.min(5 * u, Math.max(u, (lanesHeight - content.lanes.length * rowHeight) / (2 * Math.max(1, content.lanes.length))))
  const fitRows = Math.max(content.lanes.length, Math.floor((lanesHeight - content.lanes.length * lanePad * 2) / rowHeight))
  // No lane can get more rows than the whole chart holds, so asking for more is wasted work.
  const wanted = perLane.map(({ items, counted }) => (counted ? COUNT_ROWS : placeLabels(items, bounds, fitRows).rows))
  const rows = shareRows(wanted, fitRows)
  // Crowded lanes' bars are to one scale, so the lanes are made as tall as each other: otherwise a
  // lane given more rows would look busier for being taller.
  const countRows = Math.min(...rows.filter((_, i) => perLane[i]!.counted))
  perLane.forEach(({ counted }, i) => counted && (rows[i] = countRows))
  const rowsTotal = rows.reduce((a, b) => a + b, 0) || 1
  rowHeight = Math.min(rowHeight, (lanesHeight - content.lanes.length * lanePad * 2) / rowsTotal)
  const labelsFit = rowHeight >= type.label * 1.2
  const spare = Math.max(0, lanesHeight - rowsTotal * rowHeight - content.lanes.length * lanePad * 2) / Math.max(1, content.lanes.length)

  const background: string[] = []
  const overlays: string[] = []
  // Markers drawn exactly on top of an identical one add nothing a reader can see, only work for
  // the PNG and PDF writers (10,000 events on a slide repeat many): each distinct marker is kept once.
  const markers = new Set<string>()
  const labels: string[] = []
  const laneNames: string[] = []
  const dropped: FigureEvent[] = []

  let laneTop = lanesTop
  perLane.forEach(({ lane, counted, events, items, geometry }, laneIndex) => {
    const laneHeight = rows[laneIndex]! * rowHeight + lanePad * 2 + spare
    if (laneIndex % 2 === 0) background.push(element('rect', { x: box.x, y: laneTop, width: box.width, height: laneHeight, fill: ROW_SHADE }))
    const colour = laneColour(lane.colourIndex)
    const firstRowY = laneTop + lanePad + spare / 2 + rowHeight / 2
    // The name sits level with the lane's first row of events.
    const nameY = firstRowY
    if (show.laneNames) laneNames.push(
      element('rect', { x: box.x, y: nameY - swatch / 2, width: swatch, height: swatch, rx: 2 * u, fill: colour }) +
        textElement(truncate(lane.name, semibold, type.label, laneColumn - swatch - 18 * u), { x: box.x + swatch + 8 * u, y: nameY + type.label * 0.35, 'font-size': type.label, 'font-weight': 600, fill: INK }),
    )
    if (counted) {
      const barsBottom = laneTop + laneHeight - lanePad
      // The whole lane but its padding: a note's badge is drawn over the bars where they meet.
      const tallestBar = Math.max(u, laneHeight - lanePad * 2 - 2 * u)
      markers.add(countBarsMarkup(counted, counting!.tallest, x, left, right, barsBottom, tallestBar, colour, u))
      // Notes on this lane's events: each badge above where its event starts.
      for (const note of content.annotations) {
        if (!note.eventId || !notedLanes.get(note.eventId)?.has(lane.id)) continue
        const b = badge([note.number], semibold, type.small * 0.85, u)
        labels.push(badgeMark(b, Math.min(Math.max(x(note.span.start) - b.width / 2, left), right - b.width), firstRowY, type.small * 0.85, ANNOTATION_THEME[note.annotation.colour].ink))
      }
      laneTop += laneHeight
      return
    }
    const { placements } = placeLabels(items, bounds, rows[laneIndex]!)
    events.forEach((e, i) => {
      const g = geometry[i]!
      const place = placements[i]!
      const cy = firstRowY + place.row * rowHeight
      const style = { colour, unit: u }
      if (g.tailFrom < g.from) markers.add(openTail(g.tailFrom, g.from, cy, style))
      if (g.tailTo > g.to) markers.add(openTail(g.to, g.tailTo, cy, style))
      markers.add(g.asSpan ? barMark(g.from, cy, g.to - g.from, barHeight, e.span, style) : pointMark((g.from + g.to) / 2, cy, pointRadius, e.span, style))
      if (g.badge) {
        const notes = callouts.get(e.event.id)!
        labels.push(badgeMark(g.badge, g.tailFrom - 3 * u - g.badge.width, cy, type.small * 0.85, ANNOTATION_THEME[notes[0]!.annotation.colour].ink))
      }
      if (place.side === 'none' || !labelsFit) {
        dropped.push(e)
        return
      }
      const textX = place.side === 'inside' ? g.from + labelPad : place.side === 'right' ? g.tailTo + bounds.offset : g.tailFrom - (g.badge ? g.badge.width + 3 * u : 0) - bounds.offset - items[i]!.labelWidth
      labels.push(eventLabelMarkup(e, g.text, textX, cy, type, regular))
    })
    laneTop += laneHeight
  })

  // Notes on spans and moments: bands behind the events (tinted while few overlap), dashed lines for moments.
  const tinted = bandsTinted(stripNotes.filter((note) => note.annotation.anchor.kind === 'span').map((note) => note.span))
  stripOrder.forEach((noteIndex, order) => {
    const note = stripNotes[noteIndex]!
    const theme = ANNOTATION_THEME[note.annotation.colour]
    const place = strip.placements[order]!
    const item = stripItems[noteIndex]!
    const cy = axisBottom + 3 * u + place.row * stripRow + stripRow / 2
    if (note.annotation.anchor.kind === 'span') {
      const from = Math.max(x(note.span.start), left)
      const to = Math.min(x(note.span.end + 1), right)
      if (tinted) background.push(element('rect', { x: from, y: axisBottom, width: Math.max(to - from, u), height: lanesBottom - axisBottom, fill: theme.band, 'fill-opacity': 0.6 }))
      overlays.push(element('path', { d: `M${r(from)} ${r(axisBottom)}V${r(lanesBottom)}M${r(to)} ${r(axisBottom)}V${r(lanesBottom)}`, stroke: theme.ink, 'stroke-width': u, 'stroke-opacity': 0.45, fill: 'none' }))
    } else {
      const at = x(note.span.start)
      overlays.push(element('line', { x1: at, y1: cy + stripRow / 2, x2: at, y2: lanesBottom, stroke: theme.ink, 'stroke-width': 1.6 * u, 'stroke-dasharray': `${6 * u} ${4 * u}` }))
    }
    labels.push(badgeMark(stripBadges[noteIndex]!, item.markerStart, cy, type.small * 0.85, theme.ink))
    if (place.side === 'none') return
    const textX = place.side === 'right' ? item.markerEnd + stripBounds.offset : item.markerStart - stripBounds.offset - item.labelWidth
    labels.push(textElement(stripTitle(note), { x: textX, y: cy + type.small * 0.36, 'font-size': type.small, 'font-weight': 600, fill: theme.ink }))
  })

  return {
    markup: [
      element('g', { id: 'annalist-figure-lanes' }, background.join('')),
      element('g', { id: 'annalist-figure-axis' }, drawAxis(axis, x, left, right, box.y, axisRow, lanesBottom, type, fonts)),
      element('g', { id: 'annalist-figure-annotations' }, overlays.join('')),
      element('line', { x1: box.x, y1: lanesBottom, x2: right, y2: lanesBottom, stroke: RULE, 'stroke-width': u }),
      element('g', { id: 'annalist-figure-events' }, [...markers].join('')),
      element('g', { id: 'annalist-figure-labels' }, labels.join('')),
      element('g', { id: 'annalist-figure-lane-names' }, laneNames.join('')),
    ].join(''),
    dropped,
  }
}

const r = (n: number) => Math.round(n * 100) / 100

/** A crowded lane's bars as one path: each as tall, against `tallest`, as the events starting in its stretch. */
function countBarsMarkup(bars: readonly Bar[], tallest: number, x: (t: number) => number, left: number, right: number, bottom: number, height: number, colour: string, u: number): string {
  const d: string[] = []
  for (const bar of bars) {
    const from = Math.max(x(bar.from), left)
    // A hair's gap between neighbours keeps the bars apart.
    const to = Math.min(x(bar.to), right) - 0.5 * u
    const tall = Math.max(u, (bar.count / tallest) * height)
    if (to > from) d.push(`M${r(from)} ${r(bottom)}V${r(bottom - tall)}H${r(to)}V${r(bottom)}Z`)
  }
  return element('path', { d: d.join(''), fill: colour, 'fill-opacity': 0.85 })
}

interface EventScale {
  x: (t: number) => number
  left: number
  right: number
  dayWidth: number
  pointRadius: number
  labelPad: number
  unit: number
  type: TypeScale
  regular: FontMetrics
  semibold: FontMetrics
}

interface EventGeometry {
  /** The marker itself: a point's diameter or a bar's length, clipped to the chart. */
  from: number
  to: number
  /** With the dashed tail of an open interval end. */
  tailFrom: number
  tailTo: number
  badge: Badge | null
  /** The label as drawn (shortened with "…" if no side of the marker can hold it whole). */
  text: string
  asSpan: boolean
}

/** Where one event's marker, badge and label would go, before rows are chosen. */
function placeEvent(e: FigureEvent, notes: NumberedAnnotation[] | undefined, s: EventScale): { event: FigureEvent; item: PlacementItem; geometry: EventGeometry } {
  const u = s.unit
  let from: number
  let to: number
  // Zoomed in far enough that a day is wider than a marker, an exact day is drawn as the day it
  // covers, like a month at coarser zoom: a dot at midnight would claim a precision it lacks.
  const asSpan = e.drawnAsSpan || (e.span.precision === 'day' && s.dayWidth >= 4 * s.pointRadius)
  if (asSpan) {
    from = Math.max(s.x(e.span.start), s.left)
    to = Math.min(s.x(e.span.end + 1), s.right)
    if (to - from < 3 * u) to = from + 3 * u
  } else {
    from = s.x(e.span.start) - s.pointRadius
    to = s.x(e.span.start) + s.pointRadius
  }
  const tailFrom = e.span.openStart ? s.left : from
  const tailTo = e.span.openEnd ? s.right : to
  const b = notes ? badge(notes.map((n) => n.number), s.semibold, s.type.small * 0.85, u) : null
  const gradeWidth = e.grade ? s.semibold.width(e.grade, s.type.small) + 6 * u : 0
  const lead = b ? b.width + 3 * u : 0
  const room = Math.max(s.right - tailTo - 5 * u, tailFrom - lead - 5 * u - s.left, asSpan ? to - from - 2 * s.labelPad : 0) - gradeWidth
  let text = eventLabel(e)
  if (s.regular.width(text, s.type.label) > room) {
    const shortened = truncate(text, s.regular, s.type.label, room)
    // Fewer than eight characters says nothing; such a label is better dropped and counted.
    if (Array.from(shortened).length >= 8) text = shortened
  }
  const labelWidth = s.regular.width(text, s.type.label) + gradeWidth
  return {
    event: e,
    item: { markerStart: tailFrom, markerEnd: tailTo, labelWidth, lead, fitsInside: asSpan && to - from >= labelWidth + 2 * s.labelPad },
    geometry: { from, to, tailFrom, tailTo, badge: b, text, asSpan },
  }
}

function eventLabelMarkup(e: FigureEvent, text: string, x: number, cy: number, type: TypeScale, regular: FontMetrics): string {
  const baseline = cy + type.label * 0.35
  const title = textElement(text, { x, y: baseline, 'font-size': type.label, fill: INK })
  if (!e.grade) return title
  const gradeX = x + regular.width(text, type.label) + 6 * type.unit
  return title + textElement(e.grade, { x: gradeX, y: baseline, 'font-size': type.small, 'font-weight': 600, fill: MUTED })
}

function drawAxis(
  axis: ReturnType<typeof timeAxis>,
  x: (t: number) => number,
  left: number,
  right: number,
  top: number,
  row: number,
  bottom: number,
  type: TypeScale,
  fonts: FigureFonts,
): string {
  const u = type.unit
  const out: string[] = []
  const regular = fonts.metrics('regular')
  const semibold = fonts.metrics('semibold')
  const minorY = top + row * 2 - row * 0.45
  const majorY = top + row - row * 0.45
  let lastEnd = -Infinity
  for (const tick of axis.minor) {
    const at = x(tick.at)
    out.push(element('line', { x1: at, y1: top + row * 1.25, x2: at, y2: bottom, stroke: GRID, 'stroke-width': u }))
    const width = regular.width(tick.label, type.small)
    if (at + 4 * u < lastEnd + 8 * u || at + 4 * u + width > right) continue
    out.push(textElement(tick.label, { x: at + 4 * u, y: minorY, 'font-size': type.small, fill: MUTED }))
    lastEnd = at + 4 * u + width
  }
  axis.major.forEach((tick, i) => {
    const at = Math.max(x(tick.at), left)
    if (tick.at > axis.major[0]!.at) out.push(element('line', { x1: at, y1: top + row * 0.2, x2: at, y2: bottom, stroke: FAINT, 'stroke-width': u }))
    const width = semibold.width(tick.label, type.small)
    const next = axis.major[i + 1]
    // The range-start label gives context only until the first boundary; drop it if they would touch.
    if (next && at + 4 * u + width + 10 * u > x(next.at)) return
    if (at + 4 * u + width > right) return
    out.push(textElement(tick.label, { x: at + 4 * u, y: majorY, 'font-size': type.small, 'font-weight': 600, fill: INK }))
  })
  out.push(element('line', { x1: left, y1: top + row * 2, x2: right, y2: top + row * 2, stroke: RULE, 'stroke-width': u }))
  return out.join('')
}
