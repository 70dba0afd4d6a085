/** An event as the timeline draws it: where its date falls and its best source grade. The one place this is worked out. */
import type { PlacedEvent } from '../ipc/contract'
import { readDate } from './dates'
import { bestGrade } from './sourceGrade'
import type { TimelineEvent } from './timeline'

/** Null only for a date the schema accepted but the reader cannot place (a future EDTF rule); such an event is not drawn. */
export function placeEvent(event: TimelineEvent): PlacedEvent | null {
  // The edtf parser costs ~0.1–1 ms a date (10 s and more for 100,000 events); the quick reader gives the same span for common shapes.
  const reading = readDate(event.date)
  if (!reading.ok) return null
  return {
    id: event.id,
    title: event.title,
    date: event.date,
    lanes: event.lanes,
    tags: event.tags,
    span: reading.span,
    bestGrade: bestGrade(event.sources.map((s) => s.grade)),
  }
}
