/**
 * Dates already in a timeline that name 29 February in a year without one (see `readEnteredDate`).
 * Earlier versions accepted them and drew them on 1 March. Such a file still opens — refusing it
 * would lock the analyst out of everything else in it — and the window says which dates to correct.
 */
import { noteName, shorten } from '../edits/names'
import { missingLeapDay } from './dates'
import type { Annotation, TimelineDocument, TimelineEvent } from './timeline'

/** Named in the notice; the rest are counted. */
const MOST_NAMED = 3

const suspect = (date: string | undefined): date is string => date !== undefined && date.includes('-02-29') && missingLeapDay(date) !== null

/** How an event names its dates to correct (its own and its sources'); null when it has none. */
function eventDates(event: TimelineEvent): string[] | null {
  // Allocates nothing for the usual event, whose dates are all real days.
  let found: string[] | null = null
  if (suspect(event.date)) (found ??= []).push(`the event “${shorten(event.title)}” (${event.date})`)
  for (const source of event.sources) {
    if (suspect(source.date)) (found ??= []).push(`the source “${shorten(source.title)}” of “${shorten(event.title)}” (${source.date})`)
  }
  return found
}

/** A note on a span or a moment naming its date; notes on events have no date of their own. */
function noteDates(annotation: Annotation, document: TimelineDocument): string[] | null {
  const { anchor } = annotation
  return anchor.kind !== 'event' && suspect(anchor.date) ? [`the ${noteName(annotation, document)} (${anchor.date})`] : null
}

/**
 * The notice to show for a timeline (none when every date is a real day), kept from one version of
 * the timeline to the next: only entries that are not the very object the last version held at the
 * same place are read again (edits copy the list and replace what they change in its place,
 * main/edits/changes.ts). At 100,000 events, reading every date again took 31–42 ms of the 32–59 ms
 * outline the window asks for after each edit and Undo.
 */
export class DatesToCorrect {
  private events: readonly TimelineEvent[] = []
  /** What each event found names, by its place in `events` (only those with dates to correct). */
  private eventFinds: ReadonlyMap<number, string[]> = new Map()
  private annotations: readonly Annotation[] = []
  private annotationFinds: ReadonlyMap<number, string[]> = new Map()

  /** The notice for `document`, looking again only at what changed since the last one asked. */
  notice(document: TimelineDocument): string[] {
    this.eventFinds = findsAgain(document.events, this.events, this.eventFinds, eventDates)
    this.events = document.events
    this.annotationFinds = findsAgain(document.annotations, this.annotations, this.annotationFinds, (annotation) => noteDates(annotation, document))
    this.annotations = document.annotations
    return noticeOf([...this.eventFinds.values(), ...this.annotationFinds.values()].flat())
  }
}

/** What `find` names for the entries of `list` that name anything, by place; `kept` was found for `before`, and is reused where an entry is unchanged. */
function findsAgain<T>(list: readonly T[], before: readonly T[], kept: ReadonlyMap<number, string[]>, find: (entry: T) => string[] | null): ReadonlyMap<number, string[]> {
  if (list === before) return kept
  const finds = new Map<number, string[]>()
  // Places past the end of `before` are not read: V8 reads out of bounds slowly (a first reading of
  // 100,000 events took ~63 ms reading them, ~52 without; the old single pass ~45–51, in Node).
  const common = Math.min(list.length, before.length)
  for (let at = 0; at < list.length; at++) {
    const entry = list[at]!
    const named = at < common && before[at] === entry ? kept.get(at) : find(entry)
    if (named) finds.set(at, named)
  }
  return finds
}

function noticeOf(found: readonly string[]): string[] {
  if (found.length === 0) return []
  const named = found.slice(0, MOST_NAMED).join('; ') + (found.length > MOST_NAMED ? `; and ${found.length - MOST_NAMED} more` : '')
  const count = found.length === 1 ? 'One date names' : `${found.length} dates name`
  return [`${count} 29 February in a year that has none, and ${found.length === 1 ? 'is' : 'are'} drawn on 1 March: ${named}. Correct ${found.length === 1 ? 'it' : 'them'} in the details to keep ${found.length === 1 ? 'it' : 'them'} where intended.`]
}
