/**
 * Events in time order, for stepping through them with J / K. Worked out once per version of the
 * events list (edits replace the list, so a WeakMap keyed by it forgets stale orders by itself).
 */
import type { TimeSpan } from './dates'
import { eventSpan, placeEvent } from './placeEvent'
import type { TimelineEvent } from './timeline'

export interface OrderedEvent {
  id: string
  span: TimeSpan
}

const orders = new WeakMap<readonly TimelineEvent[], { ordered: OrderedEvent[]; position: Map<string, number> }>()

function orderOf(events: readonly TimelineEvent[]) {
  let order = orders.get(events)
  if (!order) {
    const ordered: OrderedEvent[] = []
    for (const event of events) {
      const placed = placeEvent(event)
      if (placed) ordered.push({ id: placed.id, span: placed.span })
    }
    ordered.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    order = { ordered, position: new Map(ordered.map((entry, index) => [entry.id, index])) }
    orders.set(events, order)
  }
  return order
}

/** The event after (direction 1) or before (-1) `fromId`; from nothing, the first or the last. */
export function stepEvent(events: readonly TimelineEvent[], fromId: string | null, direction: 1 | -1): OrderedEvent | null {
  const { ordered, position } = orderOf(events)
  if (ordered.length === 0) return null
  const from = fromId === null ? undefined : position.get(fromId)
  const index = from === undefined ? (direction === 1 ? 0 : ordered.length - 1) : Math.min(ordered.length - 1, Math.max(0, from + direction))
  return ordered[index] ?? null
}

/**
 * The earliest start and latest end over all events, or null for an empty timeline. One pass, not
 * the J / K order: sorting 100,000 events held up opening a large timeline by 0.4 s.
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
