/**
 * An event as the timeline draws it: where its date falls and its best source grade; and where a
 * note on a span or a moment falls. The one place this is worked out.
 */
import type { PlacedEvent } from '../ipc/contract'
import { readDate, type TimeSpan } from './dates'
import { bestGrade } from './sourceGrade'
import type { Annotation, TimelineEvent } from './timeline'

/**
 * Where the `date` of an event or a note's anchor falls, remembered per object: null for a date the
 * reader cannot place. Opening 100,000 events reads every date to check the file, then for the
 * indexes, the timeline's range and J/K order; edits replace an event or an anchor rather than
 * change it, so a span remembered for an object stays true.
 */
const spans = new WeakMap<{ date: string }, TimeSpan | null>()
export function datedSpan(dated: { date: string }): TimeSpan | null {
  let span = spans.get(dated)
  if (span === undefined) {
    // The edtf parser costs ~0.1–1 ms a date (10 s and more for 100,000 events); the quick reader gives the same span for common shapes.
    const reading = readDate(dated.date)
    span = reading.ok ? reading.span : null
    spans.set(dated, span)
  }
  return span
}

/** Where the event's date falls; null only for a date the schema accepted but the reader cannot place (a future EDTF rule). */
export const eventSpan: (event: TimelineEvent) => TimeSpan | null = datedSpan

type DatedAnchor = Exclude<Annotation['anchor'], { kind: 'event' }>

/** Where a note on a span or a moment falls; null for a date the reader cannot place. */
export const datedAnchorSpan: (anchor: DatedAnchor) => TimeSpan | null = datedSpan

/** Null when the date cannot be placed (see eventSpan); such an event is not drawn. */
export function placeEvent(event: TimelineEvent): PlacedEvent | null {
  const span = eventSpan(event)
  if (!span) return null
  return {
    id: event.id,
    title: event.title,
    date: event.date,
    lanes: event.lanes,
    tags: event.tags,
    span,
    bestGrade: bestGrade(event.sources.map((s) => s.grade)),
  }
}
