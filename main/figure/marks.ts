/**
 * The small drawn marks a figure repeats: event markers (a point for an exact day, a bar for a month,
 * a year or an interval), numbered note badges. Dates are drawn as in the timeline window:
 * approximate (`~`) gets a dashed outline, uncertain (`?`) a lighter fill.
 */
import type { TimeSpan } from '../domain/dates'
import type { FontMetrics } from './fontMetrics'
import { element, textElement } from './svgMarkup'
import { PAPER } from './theme'

/** A point marker's radius, in the figure's units (type.unit): the chart and the key draw the same. */
export const POINT_RADIUS = 5.5

export interface MarkStyle {
  colour: string
  unit: number
}

const dashes = (unit: number) => `${3.5 * unit} ${2.5 * unit}`

/** A point: solid when exact, lighter when uncertain, dashed ring when approximate. */
export function pointMark(cx: number, cy: number, r: number, span: Pick<TimeSpan, 'uncertain' | 'approximate'>, { colour, unit }: MarkStyle): string {
  if (!span.uncertain && !span.approximate) return element('circle', { cx, cy, r, fill: colour })
  return element('circle', {
    cx,
    cy,
    r: r - 0.75 * unit,
    fill: span.approximate && !span.uncertain ? PAPER : colour,
    'fill-opacity': span.uncertain ? 0.3 : undefined,
    stroke: colour,
    'stroke-width': 1.5 * unit,
    'stroke-dasharray': span.approximate ? dashes(unit) : undefined,
  })
}

/** A bar: tinted fill (lighter when uncertain), outline dashed when approximate. */
export function barMark(x: number, cy: number, width: number, height: number, span: Pick<TimeSpan, 'uncertain' | 'approximate'>, { colour, unit }: MarkStyle): string {
  return element('rect', {
    x,
    y: cy - height / 2,
    width: Math.max(width, unit),
    height,
    rx: 2.5 * unit,
    fill: colour,
    'fill-opacity': span.uncertain ? 0.1 : 0.24,
    stroke: colour,
    'stroke-width': 1.4 * unit,
    'stroke-dasharray': span.approximate ? dashes(unit) : undefined,
  })
}

/** A dashed tail from a bar to the edge of the chart: the interval's end (or start) is open. */
export function openTail(x1: number, x2: number, cy: number, { colour, unit }: MarkStyle): string {
  return element('line', { x1, y1: cy, x2, y2: cy, stroke: colour, 'stroke-width': 1.4 * unit, 'stroke-dasharray': dashes(unit), 'stroke-opacity': 0.8 })
}

export interface Badge {
  text: string
  width: number
  height: number
}

/** A note number ("3", or "3,5" when several notes are on one event), sized to its text. */
export function badge(numbers: readonly number[], metrics: FontMetrics, size: number, unit: number): Badge {
  const text = numbers.join(',')
  const height = size * 1.45
  return { text, height, width: Math.max(height, metrics.width(text, size) + 8 * unit) }
}

/** Draws a badge with its left edge at `x`, centred on `cy`. */
export function badgeMark(b: Badge, x: number, cy: number, size: number, ink: string): string {
  return (
    element('rect', { x, y: cy - b.height / 2, width: b.width, height: b.height, rx: b.height / 2, fill: ink }) +
    textElement(b.text, { x: x + b.width / 2, y: cy + size * 0.36, 'font-size': size, 'font-weight': 600, fill: PAPER, 'text-anchor': 'middle' })
  )
}
