/** The annotations panel's view of the notes: in time order, filtered, and one note in full. */
import type { TimeSpan } from './dates'
import { describeDate } from './dates'
import { readDate } from './dates'
import type { Annotation, TimelineDocument, TimelineEvent } from './timeline'
import type { AnnotationDetail, AnnotationFilter, ListedAnnotation } from '../edits/editingPayloads'
import { readMarkdown } from '../markdown/safeMarkdown'

type EventsById = ReadonlyMap<string, TimelineEvent>

/**
 * A date's words never change, and describing one parses it with the edtf package (~0.1–1 ms), so a
 * panel of thousands of notes would take seconds each time it is listed. Bounded, so it cannot grow without end.
 */
const wordsByDate = new Map<string, string>()
function dateInWords(date: string): string {
  let words = wordsByDate.get(date)
  if (words === undefined) {
    if (wordsByDate.size >= 20_000) wordsByDate.clear()
    words = describeDate(date)
    wordsByDate.set(date, words)
  }
  return words
}

/** Only the events notes point at, found in one pass over a timeline that may hold 100,000. */
function eventsFor(document: TimelineDocument, notes: readonly Annotation[]): EventsById {
  const wanted = new Set<string>()
  for (const note of notes) {
    if (note.anchor.kind === 'event') wanted.add(note.anchor.eventId)
    for (const id of note.links.events) wanted.add(id)
  }
  const found = new Map<string, TimelineEvent>()
  if (wanted.size === 0) return found
  for (const event of document.events) if (wanted.has(event.id)) found.set(event.id, event)
  return found
}

function anchorDate(note: Pick<Annotation, 'anchor'>, events: EventsById): string | null {
  const { anchor } = note
  return anchor.kind === 'event' ? (events.get(anchor.eventId)?.date ?? null) : anchor.date
}

function spanOf(note: Pick<Annotation, 'anchor'>, events: EventsById): TimeSpan | null {
  const date = anchorDate(note, events)
  const reading = date === null ? null : readDate(date)
  return reading?.ok ? reading.span : null
}

function anchorInWords(note: Pick<Annotation, 'anchor'>, events: EventsById): string {
  const { anchor } = note
  if (anchor.kind !== 'event') return dateInWords(anchor.date)
  const event = events.get(anchor.eventId)
  return event ? `on ${event.title} (${dateInWords(event.date)})` : 'on an event that has been deleted'
}

function matches(note: Annotation, filter: AnnotationFilter): boolean {
  const trash = filter.trash ?? 'exclude'
  if (trash === 'exclude' && note.deleted) return false
  if (trash === 'only' && !note.deleted) return false
  if (filter.author !== undefined) {
    const wanted = filter.author.trim().toLocaleLowerCase()
    if (note.author.name.toLocaleLowerCase() !== wanted && note.author.initials.toLocaleLowerCase() !== wanted) return false
  }
  if (filter.tag !== undefined && !note.tags.includes(filter.tag)) return false
  if (filter.kind !== undefined && note.anchor.kind !== filter.kind) return false
  if (filter.likelihood !== undefined && (note.judgement?.likelihood ?? 'none') !== filter.likelihood) return false
  if (filter.confidence !== undefined && note.judgement?.confidence !== filter.confidence) return false
  return true
}

/** Notes in time order (earliest start first, then shortest, then oldest note); notes that cannot be placed come last. */
export function listAnnotations(document: TimelineDocument, filter: AnnotationFilter = {}): ListedAnnotation[] {
  const notes = document.annotations.filter((note) => matches(note, filter))
  const events = eventsFor(document, notes)
  const rows = notes.map((note) => {
    const { history, ...annotation } = note
    return { annotation, versions: history.length + 1, span: spanOf(note, events), anchorInWords: anchorInWords(note, events) }
  })
  const key = (row: ListedAnnotation) => [row.span?.start ?? Infinity, row.span?.end ?? Infinity]
  return rows.sort((a, b) => {
    const [aStart, aEnd] = key(a)
    const [bStart, bEnd] = key(b)
    return aStart! - bStart! || aEnd! - bEnd! || a.annotation.created.localeCompare(b.annotation.created)
  })
}

export function annotationDetail(document: TimelineDocument, id: string): AnnotationDetail {
  const note = document.annotations.find((a) => a.id === id)
  if (!note) throw new Error(`There is no note with id "${id}" in this timeline.`)
  const events = eventsFor(document, [note])
  const sources = new Map<string, { title: string; grade: string; eventId: string }>()
  if (note.links.sources.length > 0) {
    const wanted = new Set(note.links.sources)
    for (const event of document.events) {
      for (const source of event.sources) if (wanted.has(source.id)) sources.set(source.id, { title: source.title, grade: source.grade, eventId: event.id })
    }
  }
  return {
    annotation: note,
    text: readMarkdown(note.text),
    span: spanOf(note, events),
    anchorInWords: anchorInWords(note, events),
    history: note.history.map((version, index) => ({ index, version, text: readMarkdown(version.text) })),
    linkedEvents: note.links.events.map((eventId) => ({ id: eventId, title: events.get(eventId)?.title ?? null })),
    linkedSources: note.links.sources.map((sourceId) => {
      const source = sources.get(sourceId)
      return { id: sourceId, title: source?.title ?? null, grade: source?.grade ?? null, eventId: source?.eventId ?? null }
    }),
  }
}
