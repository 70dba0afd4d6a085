/**
 * The CSV layouts Annalist recognises, each as "how one row becomes an event": ACLED (current
 * 31-column and older files), GDELT 1.0 / 2.0 event files, the TimelineJS sheet template,
 * Annalist's own CSV export, and any other file through the analyst's column mapping.
 */
import type { DraftAnnotation, DraftEvent, ImportIssue } from './importPreview'
import type { CsvMapping } from './csvMapping'
import type { Source } from '../domain/timeline'
import { CAMEO_ROOTS } from './gdeltColumns'
import { htmlToText } from './htmlText'
import { sheetTime, timelineJsToEdtf } from './timelineJsDates'
import { ANNALIST_CSV_COLUMNS, unescapeFormulaCell, splitList, splitLines } from './csvCells'

export type CsvRecord = Record<string, string | undefined>

export interface RowContext {
  row: number
  /** Reads a date cell in the column's decided day/month order; reports and returns null when it cannot. */
  date(column: string, text: string | undefined): string | null
  issue(severity: ImportIssue['severity'], message: string, column?: string): void
}

export interface RowResult {
  event?: DraftEvent
  annotation?: DraftAnnotation
  /** A TimelineJS sheet's `title` row names the timeline. */
  title?: string
}

export type LayoutName = 'acled' | 'acled-older' | 'gdelt-2' | 'gdelt-1' | 'timelinejs-sheet' | 'annalist' | 'mapping'

export interface CsvLayout {
  name: LayoutName
  description: string
  /** Columns whose numeric dates need a day/month order. */
  dateColumns: string[]
  /** What the layout's documentation says about day/month order, when it says anything. */
  dayFirst?: boolean
  read(record: CsvRecord, context: RowContext): RowResult
}

const cell = (record: CsvRecord, column: string) => (record[column] ?? '').trim()

/** An unknown outlet named in a file, graded F6 (reliability and credibility cannot be judged) until the analyst grades it. */
function ungradedSource(id: string, title: string, url = ''): Source {
  return { id, title: title.slice(0, 1_000) || url.slice(0, 1_000), publisher: '', url: url.slice(0, 4_000), grade: 'F6' }
}

function webLink(text: string): string | null {
  try {
    const url = new URL(text.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function coordinate(text: string, limit: number): number | undefined {
  if (text === '') return undefined
  const n = Number(text)
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : undefined
}

function location(name: string, lat: string, lon: string) {
  const latitude = coordinate(lat, 90)
  const longitude = coordinate(lon, 180)
  if (!name && latitude === undefined) return undefined
  return { name: name.slice(0, 1_000), ...(latitude !== undefined && longitude !== undefined ? { latitude, longitude } : {}) }
}

const nonEmpty = (values: string[]) => values.map((v) => v.trim()).filter((v) => v !== '')

/** ACLED: one row per event, `event_id_cnty` as id; time_precision 2–3 means "within a week / month". */
function acled(older: boolean): CsvLayout {
  return {
    name: older ? 'acled-older' : 'acled',
    description: older ? 'ACLED export (older layout with event_id_no_cnty)' : 'ACLED export (31 columns)',
    dateColumns: ['event_date'],
    dayFirst: true,
    read(r, context) {
      const id = cell(r, 'event_id_cnty')
      let date = context.date('event_date', r.event_date)
      if (!date) return {}
      const precision = cell(r, 'time_precision')
      if ((precision === '2' || precision === '3') && !/[~?%]$/.test(date)) date = `${date}~`
      const what = cell(r, 'sub_event_type') || cell(r, 'event_type') || 'Event'
      const where = [cell(r, 'location'), cell(r, 'country')].filter(Boolean).join(', ')
      const actors = nonEmpty([cell(r, 'actor1'), cell(r, 'actor2')]).join(' vs ')
      const fatalities = cell(r, 'fatalities')
      const details = nonEmpty([
        actors && `Actors: ${actors}`,
        fatalities && `Fatalities: ${fatalities}`,
      ])
      const outlets = nonEmpty(cell(r, 'source').split(';'))
      return {
        event: {
          row: context.row,
          original: id ? `row ${context.row} (event_id_cnty ${id})` : `row ${context.row}`,
          ...(id ? { id: `acled-${id}` } : {}),
          title: where ? `${what} — ${where}` : what,
          date,
          description: nonEmpty([cell(r, 'notes'), details.join('; ')]).join('\n\n'),
          laneNames: nonEmpty([cell(r, 'country')]),
          tags: nonEmpty([cell(r, 'disorder_type'), cell(r, 'event_type'), cell(r, 'sub_event_type'), ...cell(r, 'tags').split(';')]),
          location: location(nonEmpty([cell(r, 'location'), cell(r, 'admin1'), cell(r, 'country')]).join(', '), cell(r, 'latitude'), cell(r, 'longitude')),
          sources: outlets.map((name, n) => ungradedSource(`${id || `row${context.row}`}-s${n + 1}`, name)),
        },
      }
    },
  }
}

function gdelt(version: 1 | 2): CsvLayout {
  return {
    name: version === 2 ? 'gdelt-2' : 'gdelt-1',
    description: version === 2 ? 'GDELT 2.0 events (61 columns, no header)' : 'GDELT 1.0 events (58 columns, no header)',
    dateColumns: [],
    read(r, context) {
      const id = cell(r, 'GlobalEventID')
      const date = context.date('Day', r.Day)
      if (!date) return {}
      const actor1 = cell(r, 'Actor1Name') || cell(r, 'Actor1Code') || 'Someone'
      const actor2 = cell(r, 'Actor2Name') || cell(r, 'Actor2Code')
      const code = cell(r, 'EventCode')
      const verb = CAMEO_ROOTS[cell(r, 'EventRootCode')] ?? `CAMEO event ${code}`
      const url = webLink(cell(r, 'SOURCEURL'))
      return {
        event: {
          row: context.row,
          original: `row ${context.row} (GlobalEventID ${id})`,
          ...(id ? { id: `gdelt-${id}` } : {}),
          title: `${actor1} ${verb}${actor2 ? ` ${actor2}` : ''}`,
          date,
          description: `CAMEO ${code}; Goldstein ${cell(r, 'GoldsteinScale')}; average tone ${cell(r, 'AvgTone')}; ${cell(r, 'NumArticles')} articles from ${cell(r, 'NumSources')} sources`,
          tags: nonEmpty([`CAMEO ${code}`]),
          location: location(cell(r, 'ActionGeo_FullName'), cell(r, 'ActionGeo_Lat'), cell(r, 'ActionGeo_Long')),
          sources: url ? [ungradedSource(`gdelt-${id}-s1`, new URL(url).hostname, url)] : [],
        },
      }
    },
  }
}

function sheetDate(r: CsvRecord, prefix: '' | 'End ', context: RowContext): string | null | undefined {
  const year = cell(r, `${prefix}Year`)
  if (year === '') return undefined
  const time = sheetTime(r[`${prefix}Time`])
  if ('error' in time) {
    context.issue('error', time.error, `${prefix}Time`)
    return null
  }
  const result = timelineJsToEdtf({ year, month: cell(r, `${prefix}Month`), day: cell(r, `${prefix}Day`), ...time })
  if ('error' in result) {
    context.issue('error', result.error, `${prefix}Year`)
    return null
  }
  return result.edtf
}

const timelineJsSheet: CsvLayout = {
  name: 'timelinejs-sheet',
  description: 'TimelineJS spreadsheet template',
  dateColumns: [],
  read(r, context) {
    const type = cell(r, 'Type').toLowerCase()
    const headline = htmlToText(cell(r, 'Headline'))
    const text = htmlToText(r.Text ?? '')
    if (type === 'title') return { title: headline }
    const start = sheetDate(r, '', context)
    if (start === undefined) context.issue('error', 'the row has no Year', 'Year')
    if (!start) return {}
    const end = sheetDate(r, 'End ', context)
    if (end === null) return {}
    const date = end ? `${start}/${end}` : start
    if (type === 'era') return { annotation: { row: context.row, original: `row ${context.row}`, kind: 'span', label: headline, text, date } }
    const media = webLink(cell(r, 'Media'))
    return {
      event: {
        row: context.row,
        original: `row ${context.row}`,
        title: headline,
        date,
        description: text,
        laneNames: nonEmpty([cell(r, 'Group')]),
        sources: media ? [ungradedSource(`row${context.row}-media`, cell(r, 'Media Credit') || cell(r, 'Media Caption') || new URL(media).hostname, media)] : [],
      },
    }
  },
}

/** Annalist's own export: every column is ours, lists are one item per line, formula escapes undone. */
const annalist: CsvLayout = {
  name: 'annalist',
  description: "Annalist's own CSV export",
  dateColumns: [],
  read(raw, context) {
    const r: CsvRecord = Object.create(null)
    for (const column of ANNALIST_CSV_COLUMNS) r[column] = unescapeFormulaCell(raw[column] ?? '')
    const date = r.date?.trim() ?? ''
    if (!date) {
      context.issue('error', 'the date is empty', 'date')
      return {}
    }
    const ids = splitLines(r.source_ids)
    const titles = splitLines(r.source_titles)
    const publishers = splitLines(r.source_publishers)
    const urls = splitLines(r.source_urls)
    const dates = splitLines(r.source_dates)
    const grades = splitLines(r.source_grades)
    const sources = titles.map((title, n) => ({
      id: ids[n] || `row${context.row}-s${n + 1}`,
      title,
      publisher: publishers[n] ?? '',
      url: urls[n] ?? '',
      ...(dates[n] ? { date: dates[n] } : {}),
      grade: grades[n] || 'F6',
    }))
    return {
      event: {
        row: context.row,
        original: r.id ? `id ${r.id}` : `row ${context.row}`,
        ...(r.id ? { id: r.id } : {}),
        title: r.title ?? '',
        date,
        description: r.description ?? '',
        laneNames: splitList(r.lanes),
        tags: splitList(r.tags),
        location: location(r.location ?? '', r.latitude ?? '', r.longitude ?? ''),
        sources,
      },
    }
  },
}

export function mappedLayout(mapping: CsvMapping): CsvLayout {
  return {
    name: 'mapping',
    description: 'columns chosen in the mapping',
    dateColumns: [mapping.date, ...(mapping.endDate ? [mapping.endDate] : [])],
    read(r, context) {
      const start = context.date(mapping.date, r[mapping.date])
      if (!start) return {}
      const endText = mapping.endDate ? cell(r, mapping.endDate) : ''
      const end = endText ? context.date(mapping.endDate!, endText) : ''
      if (end === null) return {}
      const sourceText = mapping.source ? cell(r, mapping.source) : ''
      const url = webLink(sourceText)
      return {
        event: {
          row: context.row,
          original: `row ${context.row}`,
          title: cell(r, mapping.title),
          date: end ? `${start}/${end}` : start,
          description: mapping.description ? (r[mapping.description] ?? '').trim() : '',
          laneNames: mapping.lane ? nonEmpty(cell(r, mapping.lane).split(';')) : [],
          tags: mapping.tags ? nonEmpty(cell(r, mapping.tags).split(/[;,]/)) : [],
          location: mapping.location ? location(cell(r, mapping.location), '', '') : undefined,
          sources: sourceText ? [ungradedSource(`row${context.row}-s1`, url ? new URL(url).hostname : sourceText, url ?? '')] : [],
        },
      }
    },
  }
}

const TIMELINEJS_SHEET_COLUMNS = ['Year', 'Month', 'Day', 'Headline', 'Text']

/** The layout a header announces, if Annalist knows it. */
export function recogniseHeader(header: readonly string[]): CsvLayout | null {
  const has = (name: string) => header.includes(name)
  if (has('event_id_cnty') && has('event_date') && has('event_type')) {
    return acled(has('event_id_no_cnty') || has('ally_actor_1') || has('iso3'))
  }
  if (TIMELINEJS_SHEET_COLUMNS.every(has)) return timelineJsSheet
  if (ANNALIST_CSV_COLUMNS.every(has)) return annalist
  return null
}

/** GDELT files have no header; they are known by their column count and their first two cells. */
export function recogniseGdelt(firstRow: readonly string[]): CsvLayout | null {
  const looksLikeGdelt = /^\d+$/.test(firstRow[0] ?? '') && /^\d{8}$/.test(firstRow[1] ?? '')
  if (!looksLikeGdelt) return null
  if (firstRow.length === 61) return gdelt(2)
  if (firstRow.length === 58 || firstRow.length === 57) return gdelt(1)
  return null
}
