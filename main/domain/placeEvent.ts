/**
 * An event as the timeline draws it: where its date falls and its best source grade; and where a
 * note on a span or a moment falls. The one place this is worked out.
 */
import type { PlacedEvent } from '../ipc/contract'
import { readDate, type TimeSpan } from './dates'
import { bestGrade } from './sourceGrade'
import type { Annotation, TimelineEvent } from './timeline'

/**
 * Read once per event: opening 100,000 events reads every date for the indexes and again for the
 * timeline's range and J/K order, and edits replace an event rather than change it, so a span
 * remembered for an event object stays true.
 */
const spans = new WeakMap<TimelineEvent, TimeSpan | null>()

/** Where the event's date falls; null only for a date the schema accepted but the reader cannot place (a future EDTF rule). */
export function eventSpan(event: TimelineEvent): TimeSpan | null {
  let span = spans.get(event)
  if (span === undefined) {
    // The edtf parser costs ~0.1–1 ms a date (10 s and more for 100,000 events); the quick reader gives the same span for common shapes.
    const reading = readDate(event.date)
    span = reading.ok ? reading.span : null
    spans.set(event, span)
  }
  return span
}

type DatedAnchor = Exclude<Annotation['anchor'], { kind: 'event' }>

/** Read once per anchor, for the same reason: editing a note replaces its anchor. */
const anchorSpans = new WeakMap<DatedAnchor, TimeSpan | null>()

/** Where a note on a span or a moment falls; null for a date the reader cannot place. */
export function datedAnchorSpan(anchor: DatedAnchor): TimeSpan | null {
  let span = anchorSpans.get(anchor)
  if (span === undefined) {
    const reading = readDate(anchor.date)
    span = reading.ok ? reading.span : null
    anchorSpans.set(anchor, span)
  }
  return span
}

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
