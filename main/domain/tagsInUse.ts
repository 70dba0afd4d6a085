import type { TimelineEvent } from './timeline'

/**
 * Kept per events list: edits replace the list rather than change it (main/edits/changes.ts), so a
 * timeline of 100,000 events (75–102 ms a scan, measured) is scanned once per change to its
 * events, not each time the window offers tags.
 */
const tagsByEvents = new WeakMap<readonly TimelineEvent[], readonly string[]>()

/** Every tag the timeline's events carry, once each, in order. */
export function tagsInUse(events: readonly TimelineEvent[]): readonly string[] {
  let tags = tagsByEvents.get(events)
  if (!tags) tagsByEvents.set(events, (tags = [...new Set(events.flatMap((event) => event.tags))].sort()))
  return tags
}
