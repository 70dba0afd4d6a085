/**
 * How an event looks on the timeline: a point for an exact day or time, a bar for a month, a year
 * or an interval; approximate dates get dashed edges, uncertain ones a faded fill and a "?".
 * This is the one place those rules live in the renderer.
 */
import type { DataGroup, DataItem } from 'vis-timeline'
import type { PlacedEvent } from '../../main/ipc/contract'
import type { Lane } from '../../main/domain/timeline'
import { el } from '../dom'

/** Lanes are coloured by position, never by a colour string from data. */
const LANE_COLOURS = 8

export const UNASSIGNED_LANE = '__unassigned__'

export interface EventItem extends DataItem {
  id: string
  /** The event, kept on the item so the template can build the label from text. */
  event: PlacedEvent
}

function isSpan(event: PlacedEvent): boolean {
  const { span } = event
  return span.interval || span.precision === 'year' || span.precision === 'month' || span.end - span.start > 86_400_000
}

export function eventClassNames(event: PlacedEvent, laneIndex: number): string {
  const { span } = event
  return [
    'ev',
    isSpan(event) ? 'ev-span' : 'ev-point',
    `lane-colour-${laneIndex % LANE_COLOURS}`,
    span.approximate && 'ev-approximate',
    span.uncertain && 'ev-uncertain',
    span.openStart && 'ev-open-start',
    span.openEnd && 'ev-open-end',
  ]
    .filter(Boolean)
    .join(' ')
}

export function toEventItem(event: PlacedEvent, laneIndexById: Map<string, number>): EventItem {
  const lane = event.lanes.find((id) => laneIndexById.has(id)) ?? UNASSIGNED_LANE
  const laneIndex = laneIndexById.get(lane) ?? LANE_COLOURS - 1
  const span = isSpan(event)
  return {
    id: event.id,
    group: lane,
    start: new Date(event.span.start),
    end: span ? new Date(event.span.end + 1) : undefined,
    type: span ? 'range' : 'point',
    className: eventClassNames(event, laneIndex),
    content: '',
    event,
  }
}

/** vis-timeline sorts groups by `order` (its default groupOrder), which its types omit. */
type LaneGroup = DataGroup & { order: number }

export function toLaneGroups(lanes: Lane[], hasUnassigned: boolean): LaneGroup[] {
  const groups: LaneGroup[] = lanes
    .filter((lane) => !lane.hidden)
    .map((lane, index) => ({ id: lane.id, content: lane.name, order: index, className: `lane lane-colour-${index % LANE_COLOURS}` }))
  if (hasUnassigned) groups.push({ id: UNASSIGNED_LANE, content: 'No lane', order: groups.length, className: 'lane' })
  return groups
}

/** vis-timeline template: returns an Element, so vis never parses the title as HTML. */
export function renderEventLabel(item: EventItem, noteCount: number): HTMLElement {
  const { event } = item
  const marks = [event.span.uncertain ? '?' : '', event.span.approximate ? '~' : ''].join('')
  return el('span', { className: 'ev-label', attrs: { 'data-event-id': event.id } }, [
    el('span', { className: 'ev-title', text: event.title }),
    marks ? el('span', { className: 'ev-mark', text: marks, attrs: { 'aria-hidden': 'true' } }) : null,
    event.bestGrade ? el('span', { className: 'ev-grade', text: event.bestGrade, attrs: { title: `best source grade ${event.bestGrade}` } }) : null,
    noteCount
      ? el('span', { className: 'ev-notes', text: `✎ ${noteCount}`, attrs: { title: `${noteCount} note${noteCount === 1 ? '' : 's'}`, 'aria-label': `${noteCount} note${noteCount === 1 ? '' : 's'}` } })
      : null,
  ])
}

export function renderLaneLabel(group: DataGroup | undefined): HTMLElement {
  return el('span', { className: 'lane-label', text: typeof group?.content === 'string' ? group.content : '' })
}
