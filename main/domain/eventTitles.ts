import type { TimelineEvent } from './timeline'

/** An event as a picker names it. */
export interface EventTitle {
  id: string
  title: string
  lanes: string[]
}

/** How many events a picker is offered at once: enough to choose from, few enough to send at once. */
export const TITLED_MOST = 30

/**
 * Kept per events list: edits replace the list rather than change it (main/edits/changes.ts), so
 * a picker's every keystroke does not lower-case 100,000 titles again (~85 ms, measured; a scan
 * is then ~2 ms).
 */
const loweredTitles = new WeakMap<readonly TimelineEvent[], readonly string[]>()

const named = ({ id, title, lanes }: TimelineEvent): EventTitle => ({ id, title, lanes: [...lanes] })

/** The events `ids` names, in that order; an id of no event (a deleted one) is left out. */
export function titlesOf(events: readonly TimelineEvent[], ids: readonly string[]): EventTitle[] {
  // One pass (~1 ms at 100,000 events): pickers ask for a handful of ids at a time.
  const wanted = new Set(ids)
  const found = new Map(events.filter((event) => wanted.has(event.id)).map((event) => [event.id, named(event)]))
  return ids.flatMap((id) => found.get(id) ?? [])
}

/**
 * Events whose titles contain what was typed, in any case, best first: a title that is exactly it,
 * then titles that begin with it, then the rest, each group in the timeline's order. Nothing typed
 * offers the first events. At most `most`, so a timeline of 100,000 events answers a keystroke at once.
 */
export function eventsTitled(events: readonly TimelineEvent[], typed: string, most = TITLED_MOST): EventTitle[] {
  const wanted = typed.trim().toLocaleLowerCase()
  // Offered as an editor opens: no need to lower-case every title for that.
  if (wanted === '') return events.slice(0, most).map(named)
  let lowered = loweredTitles.get(events)
  if (!lowered) loweredTitles.set(events, (lowered = events.map((event) => event.title.toLocaleLowerCase())))
  const exact: number[] = []
  const starting: number[] = []
  const containing: number[] = []
  for (let slot = 0; slot < lowered.length; slot++) {
    const title = lowered[slot]!
    if (title === wanted) exact.push(slot)
    else if (starting.length < most && title.startsWith(wanted)) starting.push(slot)
    else if (containing.length < most && title.includes(wanted)) containing.push(slot)
  }
  // Among equal titles, the one written exactly as typed comes first.
  const asTyped = typed.trim()
  exact.sort((a, b) => Number(events[b]!.title === asTyped) - Number(events[a]!.title === asTyped))
  return [...exact, ...starting, ...containing].slice(0, most).map((slot) => named(events[slot]!))
}
