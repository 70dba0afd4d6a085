/**
 * Edits to events: the analyst's own, or imported ones they correct. An event's date must be valid
 * EDTF and its lanes must exist; an imported event keeps its provenance through every edit.
 */
import { isDeepStrictEqual } from 'node:util'
import { TimelineEventSchema, type Source, type TimelineDocument, type TimelineEvent } from '../domain/timeline'
import type { DocumentChange, PlannedEdit } from './changes'
import type { EditContext } from './editContext'
import { EventInputSchema, type EventInput } from './inputs'
import { shorten } from './names'
import { checkDate, checkWithSchema, EditError, requireText } from './validation'

function findEvent(document: TimelineDocument, id: string): { event: TimelineEvent; index: number } {
  const index = document.events.findIndex((e) => e.id === id)
  const event = document.events[index]
  if (!event) throw new EditError(`There is no event with id "${id}" in this timeline.`)
  return { event, index }
}

/** The event as it will be stored, from what the editor sent; throws on anything the analyst must fix. */
function readEvent(document: TimelineDocument, input: EventInput, id: string, context: EditContext, kept: Partial<TimelineEvent>): TimelineEvent {
  const parsed = checkWithSchema(EventInputSchema, input, 'The event')
  const title = requireText(parsed.title, 'The event needs a title.')
  const date = checkDate(parsed.date, 'The event date')
  const unknownLane = parsed.lanes.find((laneId) => !document.lanes.some((l) => l.id === laneId))
  if (unknownLane) throw new EditError(`There is no lane with id "${unknownLane}"; add the lane first.`)
  const sources: Source[] = parsed.sources.map((source, i) => {
    const sourceTitle = requireText(source.title, `Source ${i + 1} needs a title.`)
    const sourceDate = source.date?.trim() ? checkDate(source.date, `The date of source ${i + 1} (“${shorten(sourceTitle)}”)`) : undefined
    return {
      id: source.id ?? context.newId('source'),
      title: sourceTitle,
      publisher: source.publisher,
      url: source.url.trim(),
      ...(sourceDate ? { date: sourceDate } : {}),
      grade: source.grade,
    }
  })
  const event: TimelineEvent = {
    id,
    title,
    date,
    description: parsed.description,
    lanes: [...new Set(parsed.lanes)],
    tags: [...new Set(parsed.tags.map((t) => t.trim()).filter((t) => t !== ''))],
    ...(parsed.location ? { location: parsed.location } : {}),
    sources,
    ...kept,
  }
  return checkWithSchema(TimelineEventSchema, event, 'The event')
}

export function addEvent(document: TimelineDocument, input: EventInput, context: EditContext): PlannedEdit {
  const event = readEvent(document, input, context.newId('event'), context, {})
  return {
    label: `add event ${shorten(event.title)}`,
    changes: [{ kind: 'event', id: event.id, index: document.events.length, before: null, after: event }],
  }
}

export function updateEvent(document: TimelineDocument, id: string, input: EventInput, context: EditContext): PlannedEdit {
  const { event, index } = findEvent(document, id)
  // Where an imported event came from is a fact about its origin, not something the editor changes.
  const next = readEvent(document, input, id, context, event.provenance ? { provenance: event.provenance } : {})
  const label = `edit event ${shorten(next.title)}`
  if (isDeepStrictEqual(next, event)) return { label, changes: [] }
  return { label, changes: [{ kind: 'event', id, index, before: event, after: next }] }
}

/**
 * Removes the event. Notes on it go to the trash in the same step (never erased, and one undo brings
 * back the event with its notes); links to it from other notes are left for the panel to show as gone.
 */
export function deleteEvent(document: TimelineDocument, id: string, context: EditContext): PlannedEdit {
  const { event, index } = findEvent(document, id)
  const changes: DocumentChange[] = [{ kind: 'event', id, index, before: event, after: null }]
  document.annotations.forEach((note, noteIndex) => {
    if (note.anchor.kind === 'event' && note.anchor.eventId === id && !note.deleted) {
      changes.push({ kind: 'annotation', id: note.id, index: noteIndex, before: note, after: { ...note, deleted: context.now } })
    }
  })
  const notes = changes.length - 1
  const alsoNotes = notes === 0 ? '' : ` and its ${notes === 1 ? 'note' : `${notes} notes`}`
  return { label: `delete event ${shorten(event.title)}${alsoNotes}`, changes }
}
