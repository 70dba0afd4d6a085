/** The annotations panel's view of the notes: in time order, filtered, and one note in full. */
import type { TimeSpan } from './dates'
import { describeDate } from './dates'
import { datedAnchorSpan, eventSpan } from './placeEvent'
import { noteTitle } from './shortText'
import type { Annotation, TimelineDocument, TimelineEvent } from './timeline'
import type { AnnotationDetail, AnnotationFilter, AnnotationSummary, ListedAnnotation } from '../edits/editingPayloads'
import type { DrawnNote, ViewportDrawing } from '../timelineIndex/viewportTypes'
import { readMarkdown } from '../markdown/safeMarkdown'

type EventsById = ReadonlyMap<string, TimelineEvent>

/** A note's label in the Notes lane: room for a line of a dozen words. */
const DRAWN_TITLE_MOST = 80

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

/**
 * Only the events notes point at, in one pass over a timeline that may hold 100,000 (~9 ms), ended
 * as soon as all are found. (A map of every event by id, kept per events list, was tried: building
 * it took 32–72 ms, paid again after each event edit.)
 */
function eventsFor(document: TimelineDocument, notes: readonly Annotation[]): EventsById {
  const wanted = new Set<string>()
  for (const note of notes) {
    if (note.anchor.kind === 'event') wanted.add(note.anchor.eventId)
    for (const id of note.links.events) wanted.add(id)
  }
  const found = new Map<string, TimelineEvent>()
  if (wanted.size === 0) return found
  for (const event of document.events) {
    if (wanted.has(event.id)) found.set(event.id, event)
    if (found.size === wanted.size) break
  }
  return found
}

function spanOf(note: Pick<Annotation, 'anchor'>, events: EventsById): TimeSpan | null {
  const { anchor } = note
  if (anchor.kind !== 'event') return datedAnchorSpan(anchor)
  const event = events.get(anchor.eventId)
  return event ? eventSpan(event) : null
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
  if (filter.eventId !== undefined && (note.anchor.kind !== 'event' || note.anchor.eventId !== filter.eventId)) return false
  if (filter.tag !== undefined && !note.tags.includes(filter.tag)) return false
  if (filter.kind !== undefined && note.anchor.kind !== filter.kind) return false
  if (filter.likelihood !== undefined && (note.judgement?.likelihood ?? 'none') !== filter.likelihood) return false
  if (filter.confidence !== undefined && note.judgement?.confidence !== filter.confidence) return false
  return true
}

interface PlacedNote {
  note: Annotation
  span: TimeSpan | null
}

/** Time order: earliest start first, then shortest, then oldest note; notes that cannot be placed come last. */
function inTimeOrder(a: PlacedNote, b: PlacedNote): number {
  return (
    (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity) ||
    (a.span?.end ?? Infinity) - (b.span?.end ?? Infinity) ||
    // ISO times in UTC compare as text, and far quicker than by locale (10,000 notes are sorted).
    (a.note.created < b.note.created ? -1 : a.note.created > b.note.created ? 1 : 0)
  )
}

/** Most recently edited first (ISO times in UTC compare as text), then by id so the order is total. */
function latestEditFirst(a: PlacedNote, b: PlacedNote): number {
  if (a.note.updated !== b.note.updated) return a.note.updated > b.note.updated ? -1 : 1
  return a.note.id < b.note.id ? -1 : a.note.id > b.note.id ? 1 : 0
}

function rowOf({ note, span }: PlacedNote, events: EventsById): ListedAnnotation {
  const { history, ...annotation } = note
  return { annotation, versions: history.length + 1, span, anchorInWords: anchorInWords(note, events) }
}

/**
 * Notes in time order (see inTimeOrder), filtered, at most `filter.limit`. Only the rows returned
 * are described in words: a timeline may hold 10,000 notes and the panel lists a few hundred.
 */
export function listAnnotations(document: TimelineDocument, filter: AnnotationFilter = {}): ListedAnnotation[] {
  const notes = document.annotations.filter((note) => matches(note, filter))
  const events = eventsFor(document, notes)
  const placed = notes.map((note) => ({ note, span: spanOf(note, events) })).sort(inTimeOrder)
  return placed.slice(0, filter.limit ?? placed.length).map((entry) => rowOf(entry, events))
}

/** What the Notes tab shows above its list: how many match, and the authors and tags to filter by. */
export function annotationSummary(document: TimelineDocument, filter: AnnotationFilter = {}): AnnotationSummary {
  const authors = new Map<string, string>()
  const tags = new Set<string>()
  let matching = 0
  for (const note of document.annotations) {
    if (!authors.has(note.author.name)) authors.set(note.author.name, note.author.initials)
    for (const tag of note.tags) tags.add(tag)
    if (matches(note, filter)) matching++
  }
  return {
    matching,
    all: document.annotations.length,
    authors: [...authors].sort(([a], [b]) => a.localeCompare(b)).map(([name, initials]) => ({ name, initials })),
    tags: [...tags].sort(),
  }
}

/**
 * How many notes the timeline draws: at most `most`, and when more than `spacing.beyond` overlap
 * the stretch, at most `spacing.notes` starting in each `spacing.ms` and at most `spacing.across`
 * running across the whole stretch.
 */
export interface NotesDrawnLimit {
  most: number
  spacing?: { ms: number; notes: number; beyond: number; across: number }
  /** The note the analyst has chosen: drawn whenever it overlaps the stretch, whatever the limit. */
  chosen?: string
}

/**
 * The notes the timeline draws for a stretch of time: live notes on spans and moments overlapping
 * it, within `limit`, in time order, and how many more there are. A timeline may hold 10,000 notes;
 * the Notes lane stacks those whose labels overlap, so `spacing` keeps it a few rows deep (a few
 * notes are all drawn, however close together).
 * Where there are more, the most recently edited are drawn: the analyst's latest judgements,
 * spread over the whole stretch rather than bunched at its start. They are also mostly the same
 * notes from one step to the next, so a step redraws only the notes entering and leaving: spacing
 * stretches lie on a fixed grid, so zooming in (to a grid of halves) keeps every drawn note still
 * in the stretch while `most` is not reached — unless it comes to run across the whole stretch,
 * where `spacing.across` newer notes may do so too. Notes across the whole stretch each fill a row
 * of the Notes lane from edge to edge, and no spacing by start date tells them apart: at a day's
 * zoom in a timeline of 10,000 notes, sixteen months-long notes stacked the lane 549 px deep and
 * pushed every event lane out of the window.
 */
export function notesInWindow(document: TimelineDocument, window: { start: number; end: number }, limit: NotesDrawnLimit): Pick<ViewportDrawing, 'notes' | 'moreNotes' | 'moreNotesAcross'> {
  const placed = datedNotesLatestFirst(document).filter(({ span }) => span.end >= window.start && span.start <= window.end)
  const kept: PlacedNote[] = []
  const perStretch = new Map<number, number>()
  let across = 0
  // The chosen note first, counted against `most` but not against its stretch's spacing: choosing
  // a note in the Notes tab where 10,000 overlap must still show which bar it is.
  const picked = placed.findIndex((entry) => entry.note.id === limit.chosen)
  if (picked >= 0) kept.push(...placed.splice(picked, 1))
  const overlapping = placed.length + kept.length
  const runsAcross = (span: TimeSpan) => span.start < window.start && span.end > window.end
  let leftAcross = 0
  for (const entry of placed) {
    if (kept.length >= limit.most) {
      if (runsAcross(entry.span)) leftAcross++
      continue
    }
    if (limit.spacing && overlapping > limit.spacing.beyond && runsAcross(entry.span)) {
      if (across === limit.spacing.across) {
        leftAcross++
        continue
      }
      across++
    } else if (limit.spacing && overlapping > limit.spacing.beyond) {
      const stretch = Math.floor(entry.span.start / limit.spacing.ms)
      const there = perStretch.get(stretch) ?? 0
      if (there === limit.spacing.notes) continue
      perStretch.set(stretch, there + 1)
    }
    kept.push(entry)
  }
  const drawn = kept.sort(inTimeOrder).map(({ note, span }): DrawnNote => ({
    id: note.id,
    kind: note.anchor.kind === 'span' ? 'span' : 'moment',
    label: noteTitle(note, DRAWN_TITLE_MOST),
    colour: note.colour,
    initials: note.author.initials,
    updated: note.updated,
    span: { start: span!.start, end: span!.end },
  }))
  return { notes: drawn, moreNotes: overlapping - drawn.length, moreNotesAcross: leftAcross }
}

type DatedNote = PlacedNote & { span: TimeSpan }

/** Sorted once per set of notes (edits replace the array), not once per drawing. */
const datedByNotes = new WeakMap<readonly Annotation[], readonly DatedNote[]>()

/**
 * Live notes on spans and moments that can be placed, most recently edited first. Every drawing
 * asks: sorting a timeline's 10,000 notes for each took ~5 ms of a warm answer, more when cold.
 */
function datedNotesLatestFirst(document: TimelineDocument): readonly DatedNote[] {
  let dated = datedByNotes.get(document.annotations)
  if (!dated) {
    const placed: DatedNote[] = []
    for (const note of document.annotations) {
      if (note.deleted || note.anchor.kind === 'event') continue
      const span = datedAnchorSpan(note.anchor)
      if (span) placed.push({ note, span })
    }
    datedByNotes.set(document.annotations, (dated = placed.sort(latestEditFirst)))
  }
  return dated
}

/**
 * Sorts and counts the notes as drawings need them, ahead of the first drawing (which then finds
 * them ready): opening calls it while the window sets itself up.
 */
export function prepareNotesForDrawings(document: TimelineDocument): void {
  datedNotesLatestFirst(document)
  noteCountsByEvent(document)
}

/** Counted once per set of notes (edits replace the array), not once per zoom step. */
const countsByNotes = new WeakMap<readonly Annotation[], ReadonlyMap<string, number>>()

/** How many live notes each event carries (events without notes are absent). */
export function noteCountsByEvent(document: TimelineDocument): ReadonlyMap<string, number> {
  let counts = countsByNotes.get(document.annotations)
  if (!counts) {
    const counting = new Map<string, number>()
    for (const note of document.annotations) {
      if (note.deleted || note.anchor.kind !== 'event') continue
      counting.set(note.anchor.eventId, (counting.get(note.anchor.eventId) ?? 0) + 1)
    }
    countsByNotes.set(document.annotations, (counts = counting))
  }
  return counts
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
