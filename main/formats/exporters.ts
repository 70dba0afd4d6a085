/**
 * The timeline written out for other tools: CSV (Annalist's documented columns, formula cells
 * escaped), TimelineJS JSON (publishable as a web story) and Markwhen. Native JSON is in nativeJson.ts.
 * What each keeps and loses is tested in test/formats/roundTrip.test.ts.
 */
import type { Annotation, Lane, TimelineDocument, TimelineEvent } from '../domain/timeline'
import { describeDate } from '../domain/dates'
import { ANNALIST_CSV_COLUMNS, csvField, escapeFormulaCell, joinList } from './csvCells'
import { textToHtml } from './htmlText'
import { edtfToTimelineJs } from './timelineJsDates'

function laneNamer(lanes: Lane[]): (id: string) => string {
  const names = new Map(lanes.map((l) => [l.id, l.name]))
  return (id) => names.get(id) ?? id
}

export function exportCsv(document: TimelineDocument): string {
  const laneName = laneNamer(document.lanes)
  const lines = [ANNALIST_CSV_COLUMNS.join(',')]
  for (const e of document.events) {
    const cells: Record<(typeof ANNALIST_CSV_COLUMNS)[number], string> = {
      id: e.id,
      date: e.date,
      title: e.title,
      description: e.description,
      lanes: joinList(e.lanes.map(laneName)),
      tags: joinList(e.tags),
      location: e.location?.name ?? '',
      latitude: e.location?.latitude?.toString() ?? '',
      longitude: e.location?.longitude?.toString() ?? '',
      source_ids: joinList(e.sources.map((s) => s.id)),
      source_titles: joinList(e.sources.map((s) => s.title)),
      source_publishers: joinList(e.sources.map((s) => s.publisher)),
      source_urls: joinList(e.sources.map((s) => s.url)),
      source_dates: joinList(e.sources.map((s) => s.date ?? '')),
      source_grades: joinList(e.sources.map((s) => s.grade)),
    }
    lines.push(ANNALIST_CSV_COLUMNS.map((c) => csvField(escapeFormulaCell(cells[c]))).join(','))
  }
  // CRLF line ends and a BOM: what Excel needs to open UTF-8 CSV with names like "Zhanaozen" or "Тілеуберді" intact.
  return `\ufeff${lines.join('\r\n')}\r\n`
}

/** Dates TimelineJS cannot hold exactly (qualified, sets, unspecified digits) get their words as display_date. */
function needsWords(date: string): boolean {
  return /[?~%X[{]|\.\./.test(date)
}

function slideFor(event: TimelineEvent, laneName: (id: string) => string) {
  const dates = edtfToTimelineJs(event.date)
  // Only a date with neither start nor end (e.g. "../..") has no TimelineJS form; it is left out.
  if (!dates) return null
  const firstLink = event.sources.find((s) => /^https?:\/\//i.test(s.url))
  return {
    unique_id: event.id,
    start_date: needsWords(event.date) ? { ...dates.start, display_date: describeDate(event.date) } : dates.start,
    ...(dates.end ? { end_date: dates.end } : {}),
    text: { headline: textToHtml(event.title), text: textToHtml(event.description) },
    ...(event.lanes[0] ? { group: laneName(event.lanes[0]) } : {}),
    ...(firstLink ? { media: { url: firstLink.url, credit: textToHtml(firstLink.title) } } : {}),
  }
}

function eraFor(annotation: Annotation) {
  if (annotation.anchor.kind !== 'span' || annotation.deleted) return null
  const dates = edtfToTimelineJs(annotation.anchor.date)
  if (!dates) return null
  const end = dates.end ?? dates.start
  return { start_date: dates.start, end_date: end, text: { headline: textToHtml(annotation.label), text: textToHtml(annotation.text) } }
}

export function exportTimelineJs(document: TimelineDocument): string {
  const laneName = laneNamer(document.lanes)
  const story = {
    title: { text: { headline: textToHtml(document.meta.title), text: textToHtml(document.meta.description) } },
    events: document.events.map((e) => slideFor(e, laneName)).filter((slide) => slide !== null),
    eras: document.annotations.map(eraFor).filter((era) => era !== null),
  }
  return `${JSON.stringify(story, null, 1)}\n`
}

/** Markwhen tags cannot hold spaces: they become hyphens. */
function markwhenTag(tag: string): string {
  return `#${tag.trim().replace(/\s+/g, '-').replace(/#/g, '')}`
}

const oneLine = (text: string) => text.replace(/\r?\n/g, ' ')
const field = (text: string) => oneLine(text).replace(/\|/g, '/')

/**
 * Markwhen has one group per event and no sources or places, so Annalist writes them as body lines
 * of its own (`id:`, `lanes:`, `location:`, `source:`) that Markwhen shows as text and Annalist reads
 * back; the id lets a re-import recognise events already in the timeline.
 */
function markwhenEvent(event: TimelineEvent, laneName: (id: string) => string): string[] {
  const lines = [`${event.date}: ${oneLine(event.title)}`]
  if (event.description) lines.push(...event.description.split(/\r?\n/))
  if (/^\S+$/.test(event.id)) lines.push(`id: ${event.id}`)
  if (event.lanes.length > 1) lines.push(`lanes: ${event.lanes.map((id) => oneLine(laneName(id)).replace(/;/g, ',')).join('; ')}`)
  if (event.location) {
    const { name, latitude, longitude } = event.location
    lines.push(`location: ${oneLine(name)}${latitude !== undefined && longitude !== undefined ? ` (${latitude}, ${longitude})` : ''}`)
  }
  for (const s of event.sources) lines.push(`source: ${s.grade} | ${field(s.title)} | ${field(s.url)} | ${field(s.publisher)} | ${s.date ?? ''}`)
  if (event.tags.length) lines.push(event.tags.map(markwhenTag).join(' '))
  return lines
}

export function exportMarkwhen(document: TimelineDocument): string {
  const out = ['---', `title: ${document.meta.title.replace(/\r?\n/g, ' ')}`, '---', '']
  const byLane = new Map<string, TimelineEvent[]>()
  const noLane: TimelineEvent[] = []
  for (const e of document.events) {
    const lane = e.lanes[0]
    if (!lane) noLane.push(e)
    else byLane.set(lane, [...(byLane.get(lane) ?? []), e])
  }
  const laneName = laneNamer(document.lanes)
  for (const e of noLane) out.push(...markwhenEvent(e, laneName), '')
  for (const [lane, events] of byLane) {
    out.push(`group ${laneName(lane).replace(/\r?\n/g, ' ')}`, '')
    for (const e of events) out.push(...markwhenEvent(e, laneName), '')
    out.push('endGroup', '')
  }
  return `${out.join('\n').trimEnd()}\n`
}
