/**
 * How events look on the timeline. The engine decides what is drawn (an event, or a count cluster
 * where too many events crowd a lane) and whether a date covers time; this file says how:
 * a point for an exact day or time, a bar for a month, a year or an interval, dashed edges for
 * approximate dates, a faded fill and a "?" for uncertain ones.
 */
import type { DataGroup, DataItem } from 'vis-timeline'
import type { Lane } from '../../main/domain/timeline'
import type { ViewportCluster, ViewportItem } from '../../main/timelineIndex/viewportTypes'
import { NO_LANE } from '../../main/timelineIndex/viewportRules'
import { el } from '../dom'
import { formatCount } from '../counts'

/** Lanes are coloured by position, never by a colour string from data. */
const LANE_COLOURS = 8

/** vis-timeline treats an empty group id as "no group"; events in no lane get a row of their own. */
export const UNASSIGNED_LANE = '__unassigned__'

export function groupIdForLane(lane: string): string {
  return lane === NO_LANE ? UNASSIGNED_LANE : lane
}

export interface EventItem extends DataItem {
  id: string
  kind: 'event'
  /** The event as the engine placed it, kept so the template can build the label from text. */
  event: ViewportItem
}

export interface ClusterItem extends DataItem {
  id: string
  kind: 'cluster'
  cluster: ViewportCluster
}

export function toEventItem(event: ViewportItem, laneIndex: number, highlighted: boolean): EventItem {
  return {
    id: event.key,
    kind: 'event',
    group: groupIdForLane(event.lane),
    start: new Date(event.start),
    end: event.drawnAsSpan ? new Date(event.end + 1) : undefined,
    type: event.drawnAsSpan ? 'range' : 'point',
    className: [
      'ev',
      event.drawnAsSpan ? 'ev-span' : 'ev-point',
      `lane-colour-${laneIndex % LANE_COLOURS}`,
      event.approximate && 'ev-approximate',
      event.uncertain && 'ev-uncertain',
      highlighted && 'ev-highlight',
    ]
      .filter(Boolean)
      .join(' '),
    content: '',
    event,
  }
}

/** The item drawing the engine's cluster with this id. */
export const clusterItemId = (clusterId: string) => `cluster:${clusterId}`

/** Narrower than this, a cluster cannot show "1,234 events" inside it. */
const COUNT_LABEL_PX = 64

/**
 * `msPerPx`: the scale the drawing was made for. A cluster too narrow for its count shows its label
 * past its end, as an event's label runs past its dot.
 */
export function toClusterItem(cluster: ViewportCluster, laneIndex: number, msPerPx: number): ClusterItem {
  const spread = cluster.end > cluster.start
  const narrow = spread && (cluster.end - cluster.start) / msPerPx < COUNT_LABEL_PX
  return {
    id: clusterItemId(cluster.id),
    kind: 'cluster',
    group: groupIdForLane(cluster.lane),
    start: new Date(cluster.start),
    end: spread ? new Date(cluster.end) : undefined,
    type: spread ? 'range' : 'box',
    className: `cluster${narrow ? ' cluster-narrow' : ''}${cluster.searchMatches ? ' cluster-found' : ''} lane-colour-${laneIndex % LANE_COLOURS}`,
    content: '',
    cluster,
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
  const marks = [event.uncertain ? '?' : '', event.approximate ? '~' : ''].join('')
  const notes = `${noteCount} note${noteCount === 1 ? '' : 's'}`
  return el('span', { className: 'ev-label', attrs: { 'data-event-id': event.eventId } }, [
    el('span', { className: 'ev-title', text: event.title }),
    marks ? el('span', { className: 'ev-mark', text: marks, attrs: { 'aria-hidden': 'true' } }) : null,
    event.bestGrade ? el('span', { className: 'ev-grade', text: event.bestGrade, attrs: { title: `best source grade ${event.bestGrade}` } }) : null,
    noteCount ? el('span', { className: 'ev-notes', text: `✎ ${noteCount}`, attrs: { title: notes, 'aria-label': notes } }) : null,
  ])
}

export function renderClusterLabel(item: ClusterItem): HTMLElement {
  const { cluster } = item
  const more = cluster.count - cluster.sampleTitles.length
  const found = cluster.searchMatches ? `${formatCount(cluster.searchMatches)} found` : ''
  const titles = [...cluster.sampleTitles, more > 0 ? `and ${formatCount(more)} more` : '']
  return el('span', { className: 'cluster-label', attrs: { title: [...titles, found ? `(${found} by the search)` : ''].filter(Boolean).join('\n') } }, [
    el('span', { className: 'cluster-count', text: formatCount(cluster.count) }),
    el('span', { className: 'cluster-words', text: ' events' }),
    found ? el('span', { className: 'cluster-found-count', text: found }) : null,
    el('span', { className: 'cluster-words', text: ` · ${cluster.sampleTitles[0] ?? ''}${cluster.count > 1 ? '…' : ''}` }),
  ])
}

export function renderLaneLabel(group: DataGroup | undefined): HTMLElement {
  return el('span', { className: 'lane-label', text: typeof group?.content === 'string' ? group.content : '' })
}
