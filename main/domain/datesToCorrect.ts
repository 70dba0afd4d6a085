/**
 * Dates already in a timeline that name 29 February in a year without one (see `readEnteredDate`).
 * Earlier versions accepted them and drew them on 1 March. Such a file still opens — refusing it
 * would lock the analyst out of everything else in it — and the window says which dates to correct.
 */
import { noteName, shorten } from '../edits/names'
import { missingLeapDay } from './dates'
import type { TimelineDocument } from './timeline'

/** Named in the notice; the rest are counted. */
const MOST_NAMED = 3

const suspect = (date: string | undefined): date is string => date !== undefined && date.includes('-02-29') && missingLeapDay(date) !== null

/** The notice to show on opening `document` (none when every date is a real day). */
export function datesToCorrect(document: TimelineDocument): string[] {
  const found: string[] = []
  for (const event of document.events) {
    if (suspect(event.date)) found.push(`the event “${shorten(event.title)}” (${event.date})`)
    for (const source of event.sources) {
      if (suspect(source.date)) found.push(`the source “${shorten(source.title)}” of “${shorten(event.title)}” (${source.date})`)
    }
  }
  for (const annotation of document.annotations) {
    const { anchor } = annotation
    if (anchor.kind !== 'event' && suspect(anchor.date)) found.push(`the ${noteName(annotation, document)} (${anchor.date})`)
  }
  if (found.length === 0) return []
  const named = found.slice(0, MOST_NAMED).join('; ') + (found.length > MOST_NAMED ? `; and ${found.length - MOST_NAMED} more` : '')
  const count = found.length === 1 ? 'One date names' : `${found.length} dates name`
  return [`${count} 29 February in a year that has none, and ${found.length === 1 ? 'is' : 'are'} drawn on 1 March: ${named}. Correct ${found.length === 1 ? 'it' : 'them'} in the details to keep ${found.length === 1 ? 'it' : 'them'} where intended.`]
}
