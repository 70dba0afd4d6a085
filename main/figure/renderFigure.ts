/**
 * A briefing figure from the timeline data (not a screenshot of the window): banner, title, chart,
 * notes, key, sources, "generated on" line, banner. Pure: the same document and options give the
 * same SVG in the app, on the command line and in tests. PNG and PDF are made from this SVG.
 */
import type { TimelineDocument } from '../domain/timeline'
import { drawChart } from './chart'
import { countBarsFor, type CountUnit } from './countBars'
import { figureContent } from './figureContent'
import { FIGURE_FONT_FAMILY, noticingUndrawable, type FigureFonts } from './fonts'
import { keyBlock, notesBlock, sourcesBlock, type Block } from './footer'
import { figureOptions, figurePixels, type FigureOptionsInput } from './options'
import { element, escapeXml, textElement } from './svgMarkup'
import { truncate } from './textFit'
import { BANNER_FILL, BANNER_INK, INK, MUTED, PAPER, RULE, typeScale } from './theme'

/** An event drawn without its label because there was no room (the command line lists them). */
export interface DroppedLabel {
  eventId: string
  title: string
}

export interface RenderedFigure {
  svg: string
  width: number
  height: number
  /** Events drawn without a label for lack of room; the figure says how many. */
  dropped: DroppedLabel[]
  /** Events in lanes too crowded to draw them apart, drawn as counts per `unit`; null when none are. */
  counted: { events: number; unit: CountUnit; lanes: string[] } | null
  /** Every event drawn, in document order. */
  eventIds: string[]
  /** Notes in the range left out of the figure: their text did not fit below the chart. */
  notesOmitted: number
  /** Characters in the figure's text that its font cannot draw (missing from PNG and PDF). */
  undrawable: string[]
}

export interface RenderSettings {
  fonts: FigureFonts
  /**
   * Put the font inside the SVG as a data: URI, so an SVG file opened on a machine without IBM
   * Plex Sans still draws with the widths the labels were placed for. Off for previews and for
   * rasterising, which load the TTF files directly.
   */
  embedFont?: boolean
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function generatedOn(iso: string | undefined): string {
  const d = iso ? new Date(iso) : new Date()
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}

/** Base64 of two faces is ~580 KB of text; every live preview embeds it, so it is made once per font set. */
const fontFacesMade = new WeakMap<FigureFonts, string>()

function fontFaces(fonts: FigureFonts): string {
  const made = fontFacesMade.get(fonts)
  if (made) return made
  const face = (weight: number, data: Buffer) =>
    `@font-face{font-family:'${FIGURE_FONT_FAMILY}';font-weight:${weight};src:url(data:font/ttf;base64,${data.toString('base64')}) format('truetype')}`
  const style = element('style', {}, face(400, fonts.bytes('regular')) + face(600, fonts.bytes('semibold')))
  fontFacesMade.set(fonts, style)
  return style
}

/**
 * The figure as an SVG document, and what it had to leave out. Group ids are prefixed
 * (`annalist-figure-…`) so a preview placed inline in the app cannot collide with the page's own ids;
 * they also name the parts for anyone editing the SVG.
 */
export function renderFigure(document: TimelineDocument, input: FigureOptionsInput, settings: RenderSettings): RenderedFigure {
  const options = figureOptions(input)
  // Every text is measured before it is drawn: measuring is where characters the font lacks show up.
  const { fonts, undrawable } = noticingUndrawable(settings.fonts)
  const { width, height } = figurePixels(options.size)
  const type = typeScale(width, height)
  const u = type.unit
  const regular = fonts.metrics('regular')
  const semibold = fonts.metrics('semibold')
  const content = figureContent(document, options)
  const inner = width - type.margin * 2
  const left = type.margin
  const parts: string[] = [element('rect', { width, height, fill: PAPER })]

  // Classification or caveat banner, top and bottom, as on every page of a classified briefing.
  const bannerHeight = options.banner ? type.banner * 2 : 0
  // 0.9: the banner's letter-spacing is not in the font's advance widths.
  const bannerText = options.banner ? truncate(options.banner, semibold, type.banner, inner * 0.9) : ''
  const banner = (y: number) =>
    element('rect', { x: 0, y, width, height: bannerHeight, fill: BANNER_FILL }) +
    textElement(bannerText, { x: width / 2, y: y + bannerHeight / 2 + type.banner * 0.36, 'font-size': type.banner, 'font-weight': 600, fill: BANNER_INK, 'text-anchor': 'middle', 'letter-spacing': 0.6 * u })
  if (options.banner) parts.push(element('g', { id: 'annalist-figure-banner-top' }, banner(0)), element('g', { id: 'annalist-figure-banner-bottom' }, banner(height - bannerHeight)))

  let y = bannerHeight + type.margin * 0.8
  const title = truncate(options.title || document.meta.title, semibold, type.title, inner)
  parts.push(textElement(title, { x: left, y: y + type.title * 0.8, 'font-size': type.title, 'font-weight': 600, fill: INK }))
  y += type.title * 1.15
  if (options.subtitle) {
    parts.push(textElement(truncate(options.subtitle, regular, type.subtitle, inner), { x: left, y: y + type.subtitle * 0.95, 'font-size': type.subtitle, fill: MUTED }))
    y += type.subtitle * 1.4
  }
  y += 14 * u
  const chartTop = y

  // Below the chart, bottom up: banner, "generated" line, then the blocks, which may use up to
  // about 40 % of the page; notes beyond that are counted, not squeezed.
  const line = type.small * 1.5
  const bottom = height - bannerHeight - type.margin * 0.6
  const generatedY = bottom - type.small * 0.3
  const budget = Math.max(0, (bottom - line - chartTop) * 0.42)
  // The key comes first; on a page too small for it the chart keeps the room (the notes are counted).
  // Which lanes are too crowded to draw their events apart, judged on the page's width (the chart's
  // is that less the lane names): the key says how their bars count.
  const counting = countBarsFor(content, inner, u)
  const fullKey = keyBlock(content.events, content.annotations.length > 0, inner, type, fonts, options.legend.grades, counting)
  const key = fullKey.height <= budget ? fullKey : null
  const afterKey = budget - (key?.height ?? 0)
  const notes = content.annotations.length ? notesBlock(content.annotations, inner, afterKey, type, fonts) : null
  const footnoteLines = Math.floor((afterKey - (notes?.block.height ?? 0)) / (type.small * 1.4)) - 1
  const sources = options.footnotes ? sourcesBlock(content.events, inner, Math.min(footnoteLines, 6), type, fonts) : null
  const blocks: Block[] = [notes?.block, key, sources].filter((b): b is Block => Boolean(b))
  const gap = 12 * u
  const blocksHeight = blocks.reduce((h, b) => h + b.height + gap, 0)
  const chartBottom = bottom - line - blocksHeight - line - gap

  // The chart marks only the notes listed below it: a number with no text beside it tells a reader
  // nothing, and a range with 10,000 notes drew 10,000 of them (a second of the figure's making).
  const listed = notes ? content.annotations.slice(0, content.annotations.length - notes.omitted) : content.annotations
  const chart = drawChart({ ...content, annotations: listed }, { x: left, y: chartTop, width: inner, height: chartBottom - chartTop }, type, fonts, { laneNames: options.legend.lanes }, counting)
  parts.push(element('g', { id: 'annalist-figure-chart' }, chart.markup))

  // Under the chart: how many labels had no room, so a reader knows the figure is not the whole story.
  const dropped = chart.dropped.map((e) => ({ eventId: e.event.id, title: e.event.title }))
  const belowChart = chartBottom + type.small * 1.3
  const empty = content.emptyLanes.length ? ` · No events in this range: ${content.emptyLanes.map((l) => l.name).join(', ')}` : ''
  const leftOut = [
    ...(counting ? [`${counting.events} events in crowded lanes drawn as counts per ${counting.unit}`] : []),
    ...(dropped.length ? [`${dropped.length} ${dropped.length === 1 ? 'label' : 'labels'} omitted for space (markers shown)`] : []),
  ]
  const omitted = leftOut.length ? truncate(leftOut.join(' · '), regular, type.small, inner / 2) : ''
  const omittedWidth = omitted ? regular.width(omitted, type.small) + 16 * u : 0
  parts.push(textElement(truncate(`All dates and times UTC${empty}`, regular, type.small, inner - omittedWidth), { x: left, y: belowChart, 'font-size': type.small, fill: MUTED }))
  if (omitted) parts.push(textElement(omitted, { x: left + inner, y: belowChart, 'font-size': type.small, fill: MUTED, 'text-anchor': 'end' }))
  let blockY = chartBottom + line + gap
  for (const block of blocks) {
    parts.push(block.draw(left, blockY))
    blockY += block.height + gap
  }

  parts.push(element('line', { x1: left, y1: generatedY - type.small * 1.3, x2: left + inner, y2: generatedY - type.small * 1.3, stroke: RULE, 'stroke-width': u }))
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`
  const generated = `Generated on ${generatedOn(options.generatedAt)} from “${document.meta.title}” with Annalist · ${count(content.events.length, 'event')} · ${count(content.annotations.length, 'note')}`
  parts.push(textElement(truncate(generated, regular, type.small, inner), { x: left, y: generatedY, 'font-size': type.small, fill: MUTED }))

  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    element(
      'svg',
      { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FIGURE_FONT_FAMILY, 'font-size': type.label },
      `${settings.embedFont ? fontFaces(settings.fonts) : ''}${element('title', {}, escapeXml(title))}${parts.join('')}`,
    )
  const counted = counting ? { events: counting.events, unit: counting.unit, lanes: content.lanes.filter((lane) => counting.bars.has(lane.id)).map((lane) => lane.name) } : null
  return { svg, width, height, dropped, counted, eventIds: content.events.map((e) => e.event.id), notesOmitted: notes?.omitted ?? 0, undrawable: [...undrawable] }
}

