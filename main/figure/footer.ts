/**
 * The parts of a figure below the chart: the numbered notes (text, author, judgement), the key to
 * the marks and the source grades, and optional source footnotes. Each is a block that knows its
 * height before it is drawn, so the chart can take whatever room the blocks leave.
 */
import type { Annotation } from '../domain/timeline'
import { describeDate } from '../domain/dates'
import { compareGrades, describeGrade } from '../domain/sourceGrade'
import type { FigureFonts } from './fonts'
import type { FigureEvent, NumberedAnnotation } from './figureContent'
import { badge, badgeMark, barMark, openTail, pointMark, POINT_RADIUS } from './marks'
import type { CountBars } from './countBars'
import { oneLine, textElement, element } from './svgMarkup'
import { truncate, wrap } from './textFit'
import { ANNOTATION_THEME, INK, MUTED, type TypeScale } from './theme'

export interface Block {
  height: number
  draw(x: number, y: number): string
}

const KEY_COLOUR = '#4b5563'

/** "J.S. (Jane Smith) · likely (moderate confidence)": who wrote the note and how sure they are. */
export function noteByline(annotation: Annotation): string {
  const { initials, name } = annotation.author
  const who = initials && name ? `${initials} (${name})` : initials || name
  const judgement = annotation.judgement ? `${annotation.judgement.likelihood} (${annotation.judgement.confidence} confidence)` : ''
  return [who, judgement].filter(Boolean).join(' · ')
}

function heading(text: string, type: TypeScale): Block {
  return {
    height: type.small * 1.7,
    draw: (x, y) => textElement(text, { x, y: y + type.small, 'font-size': type.small, 'font-weight': 600, fill: INK }),
  }
}

/** The first notes, in up to three columns, as many as fit in `maxHeight`; the rest are counted in `omitted`. */
export function notesBlock(notes: readonly NumberedAnnotation[], width: number, maxHeight: number, type: TypeScale, fonts: FigureFonts): { block: Block; omitted: number } {
  const u = type.unit
  const regular = fonts.metrics('regular')
  const semibold = fonts.metrics('semibold')
  const line = type.small * 1.4
  const columns = Math.max(1, Math.min(3, Math.floor(width / (520 * u)), notes.length))
  const gutter = 24 * u
  const columnWidth = (width - gutter * (columns - 1)) / columns
  const title = heading('NOTES', type)
  // Laid out only as far as they fit: a range with 10,000 notes fills the block with its first few.
  const noteCell = (note: NumberedAnnotation) => {
    const b = badge([note.number], semibold, type.small * 0.85, u)
    const textX = b.width + 8 * u
    const room = columnWidth - textX
    const label = truncate(oneLine(note.annotation.label), semibold, type.small, room * 0.6)
    const byline = truncate(noteByline(note.annotation), regular, type.small, room - (label ? semibold.width(label, type.small) + 10 * u : 0))
    const text = wrap(oneLine(note.annotation.text), regular, type.small, room, 3)
    const height = line * (1 + text.length) + 6 * u
    const draw = (x: number, y: number) => {
      const baseline = y + type.small
      let out = badgeMark(b, x, baseline - type.small * 0.36, type.small * 0.85, ANNOTATION_THEME[note.annotation.colour].ink)
      if (label) out += textElement(label, { x: x + textX, y: baseline, 'font-size': type.small, 'font-weight': 600, fill: INK })
      const bylineX = x + textX + (label ? semibold.width(label, type.small) + 10 * u : 0)
      if (byline) out += textElement(byline, { x: bylineX, y: baseline, 'font-size': type.small, fill: MUTED })
      text.forEach((t, i) => {
        out += textElement(t, { x: x + textX, y: baseline + line * (i + 1), 'font-size': type.small, fill: INK })
      })
      return out
    }
    return { height, draw }
  }
  const cells: ReturnType<typeof noteCell>[] = []
  const omittedLine = line
  let height = title.height
  for (let first = 0; first < notes.length; first += columns) {
    const row = notes.slice(first, first + columns).map(noteCell)
    const rowHeight = Math.max(...row.map((c) => c.height))
    const remaining = notes.length - cells.length - row.length
    if (height + rowHeight + (remaining > 0 ? omittedLine : 0) > maxHeight) break
    height += rowHeight
    cells.push(...row)
  }
  const shown = cells.length
  const omitted = notes.length - shown
  if (omitted > 0) height += omittedLine
  return {
    omitted,
    block: {
      height,
      draw: (x, y) => {
        let out = title.draw(x, y)
        let top = y + title.height
        for (let r = 0; r * columns < shown; r++) {
          const row = cells.slice(r * columns, (r + 1) * columns)
          row.forEach((cell, c) => (out += cell.draw(x + c * (columnWidth + gutter), top)))
          top += Math.max(...row.map((c) => c.height))
        }
        if (omitted > 0) {
          const what = omitted === 1 ? 'note is in the timeline but does not fit' : 'notes are in the timeline but do not fit'
          const text = `${omitted}${shown ? ' more' : ''} ${what} on this page.`
          out += textElement(text, { x, y: top + type.small, 'font-size': type.small, fill: MUTED })
        }
        return out
      },
    },
  }
}

interface KeyItem {
  width: number
  draw(x: number, cy: number): string
}

/** The key: what the marks mean, and the source grades that appear in the figure. */
export function keyBlock(events: readonly FigureEvent[], hasNotes: boolean, width: number, type: TypeScale, fonts: FigureFonts, showGrades = true, counting: CountBars | null = null): Block {
  const u = type.unit
  const regular = fonts.metrics('regular')
  const semibold = fonts.metrics('semibold')
  const style = { colour: KEY_COLOUR, unit: u }
  const exact = { uncertain: false, approximate: false }
  const glyph = 22 * u
  const item = (mark: (x: number, cy: number) => string, text: string): KeyItem => ({
    width: glyph + 6 * u + regular.width(text, type.small),
    draw: (x, cy) => mark(x, cy) + textElement(text, { x: x + glyph + 6 * u, y: cy + type.small * 0.36, 'font-size': type.small, fill: INK }),
  })
  const items: KeyItem[] = [
    item((x, cy) => pointMark(x + glyph / 2, cy, POINT_RADIUS * u, exact, style), 'exact day or time'),
    item((x, cy) => barMark(x, cy, glyph, type.small * 1.1, exact, style), 'month, year or interval'),
    item((x, cy) => pointMark(x + glyph / 2, cy, POINT_RADIUS * u, { uncertain: false, approximate: true }, style), 'approximate (~): dashed'),
    item((x, cy) => pointMark(x + glyph / 2, cy, POINT_RADIUS * u, { uncertain: true, approximate: false }, style), 'uncertain (?): lighter'),
  ]
  if (events.some((e) => e.span.openStart || e.span.openEnd)) items.push(item((x, cy) => openTail(x, x + glyph, cy, style), 'open-ended'))
  if (counting) {
    const bars = (x: number, cy: number) =>
      [0.45, 1, 0.7].map((tall, i) => element('rect', { x: x + i * 7.5 * u, y: cy + 6 * u - tall * 12 * u, width: 6 * u, height: tall * 12 * u, fill: KEY_COLOUR })).join('')
    items.push(item(bars, `crowded lane: events per ${counting.unit}, one scale (tallest ${counting.tallest})`))
  }
  if (hasNotes) {
    const b = badge([1], semibold, type.small * 0.85, u)
    items.push(item((x, cy) => badgeMark(b, x + (glyph - b.width) / 2, cy, type.small * 0.85, ANNOTATION_THEME.grey.ink), 'analyst note, listed above'))
  }
  const grades = showGrades ? [...new Set(events.map((e) => e.grade))].sort(compareGrades) : []
  const gradeItems: KeyItem[] = grades.map((grade) => {
    const words = grade ? describeGrade(grade).replace('source ', '').replace('information ', '') : 'no source given'
    const code = grade || '—'
    const codeWidth = semibold.width(code, type.small)
    return {
      width: codeWidth + 5 * u + regular.width(words, type.small),
      draw: (x, cy) =>
        textElement(code, { x, y: cy + type.small * 0.36, 'font-size': type.small, 'font-weight': 600, fill: MUTED }) +
        textElement(words, { x: x + codeWidth + 5 * u, y: cy + type.small * 0.36, 'font-size': type.small, fill: INK }),
    }
  })
  const titles = ['KEY', ...(gradeItems.length ? ['SOURCE GRADES'] : [])]
  const titleWidth = Math.max(...titles.map((t) => semibold.width(t, type.small))) + 16 * u
  if (gradeItems.length) {
    const note = truncate("Admiralty code: source reliability A–F, information credibility 1–6; each event shows its best source's grade", regular, type.small, width - titleWidth)
    gradeItems.push({ width: regular.width(note, type.small), draw: (x, cy) => textElement(note, { x, y: cy + type.small * 0.36, 'font-size': type.small, fill: MUTED }) })
  }
  const line = type.small * 1.7
  const flows = [flow('KEY', items), ...(gradeItems.length ? [flow('SOURCE GRADES', gradeItems)] : [])]
  function flow(title: string, entries: KeyItem[]) {
    const rows: { x: number; item: KeyItem }[][] = [[]]
    let x = titleWidth
    for (const entry of entries) {
      if (x + entry.width > width && rows.at(-1)!.length) {
        rows.push([])
        x = titleWidth
      }
      rows.at(-1)!.push({ x, item: entry })
      x += entry.width + 20 * u
    }
    return { title, rows }
  }
  const height = flows.reduce((h, f) => h + f.rows.length * line, 0) + 4 * u
  return {
    height,
    draw: (x, y) => {
      let out = ''
      let cy = y + line / 2
      for (const f of flows) {
        out += textElement(f.title, { x, y: cy + type.small * 0.36, 'font-size': type.small, 'font-weight': 600, fill: INK })
        for (const row of f.rows) {
          for (const placed of row) out += placed.item.draw(x + placed.x, cy)
          cy += line
        }
      }
      return element('g', { id: 'annalist-figure-key' }, out)
    },
  }
}

/** Source footnotes: each distinct source of the events shown, best grade first, wrapped to `maxLines`. */
export function sourcesBlock(events: readonly FigureEvent[], width: number, maxLines: number, type: TypeScale, fonts: FigureFonts): Block | null {
  const regular = fonts.metrics('regular')
  const seen = new Map<string, { grade: string; text: string }>()
  for (const { event } of events) {
    for (const source of event.sources) {
      const when = source.date ? `, ${describeDate(source.date)}` : ''
      const text = oneLine(`${source.grade} ${source.publisher ? `${source.publisher}, ` : ''}${source.title}${when}`)
      seen.set(text, { grade: source.grade, text })
    }
  }
  if (seen.size === 0 || maxLines < 1) return null
  const entries = [...seen.values()].sort((a, b) => compareGrades(a.grade, b.grade)).map((s) => s.text)
  const title = heading(`SOURCES (${entries.length})`, type)
  const lines = wrap(entries.join('  ·  '), regular, type.small, width, maxLines)
  const line = type.small * 1.4
  return {
    height: title.height + lines.length * line + 4 * type.unit,
    draw: (x, y) =>
      title.draw(x, y) +
      lines.map((t, i) => textElement(t, { x, y: y + title.height + type.small + i * line, 'font-size': type.small, fill: MUTED })).join(''),
  }
}
