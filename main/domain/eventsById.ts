import type { TimelineEvent } from './timeline'

export type EventsById = ReadonlyMap<string, TimelineEvent>

/**
 * Events by id, kept per events list (edits replace the list rather than change it,
 * main/edits/changes.ts): finding an event is one lookup, where a scan of a timeline of 100,000
 * events took ~9 ms (a notes listing scanned it for the events its notes point at, each time).
 */
const eventsByList = new WeakMap<readonly TimelineEvent[], EventsById>()

export function eventsById(events: readonly TimelineEvent[]): EventsById {
  let byId = eventsByList.get(events)
  if (!byId) eventsByList.set(events, (byId = new Map(events.map((event) => [event.id, event]))))
  return byId
}
