/** The whole timeline's range: what "Fit" shows and where a new timeline's window opens. */
import type { TimelineEvent } from './timeline'
import { eventSpan } from './placeEvent'

/**
 * The earliest start and latest end over all events, or null for an empty timeline. One pass, not
 * the J / K order (main/timelineIndex/timeOrder.ts): sorting 100,000 events held up opening a large timeline by 0.4 s.
 */
export function eventRange(events: readonly TimelineEvent[]): { start: number; end: number } | null {
  let start = Infinity
  let end = -Infinity
  for (const event of events) {
    const span = eventSpan(event)
    if (!span) continue
    if (span.start < start) start = span.start
    if (span.end > end) end = span.end
  }
  return start === Infinity ? null : { start, end }
}
