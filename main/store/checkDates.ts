/**
 * The date rule of the file check (timelineCheck.generated.js asks it of every date): a date must
 * be one the reader can place. An event's or a note anchor's date is read for the object holding
 * it, which remembers the span: the indexes and the timeline's range then find every date already
 * read (one pass fewer over 100,000 dates).
 */
import { readDate } from '../domain/dates'
import { datedSpan } from '../domain/placeEvent'

/** `holder[field]` is `text`. */
export function dateReadable(text: string, holder: unknown, field: unknown): boolean {
  return field === 'date' && holder !== null && typeof holder === 'object' ? datedSpan(holder as { date: string }) !== null : readDate(text).ok
}
