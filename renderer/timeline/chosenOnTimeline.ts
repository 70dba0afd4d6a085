/**
 * The event or note the analyst has chosen, as the timeline shows it: the items that draw it are
 * marked (an event may be drawn in several lanes; a note by its bar and, on an event, the event),
 * and once the window it is shown in has been drawn the lanes are scrolled to it if it is out of
 * sight. Where the event is one of a crowd at that zoom it is not drawn at all: the cluster that
 * counts it is marked instead, at every zoom until the event is drawn as itself.
 */
import type { DataGroup } from 'vis-timeline'
import type { DataSet } from 'vis-data'
import type { Timeline } from 'vis-timeline'
import { clusterItemId, type ClusterItem, type EventItem } from './eventItems'
import { noteItemId, type NoteItem } from './noteItems'
import { revealInLanes } from './revealInLanes'

/** `eventId`: the event a note is on, marked with the note (a note on an event is drawn as its badge). */
export type TimelineSelection = { kind: 'event'; id: string } | { kind: 'annotation'; id: string; eventId?: string }

export type TimelineItem = EventItem | ClusterItem | NoteItem

export function isNoteItem(item: TimelineItem | undefined): item is NoteItem {
  return Boolean(item && 'note' in item)
}

export interface ChosenParts {
  timeline: Timeline
  items: DataSet<TimelineItem>
  lanes: DataSet<DataGroup>
  /** Settles once the last move of the window asked for is shown. */
  afterMoves(): Promise<void>
  /** The cluster counting the event in the drawing shown now (null: none does). */
  clusterHolding(eventId: string): Promise<string | null>
}

export interface Chosen {
  /** Marks `selection` (null: nothing) and brings it into sight once the window's drawing is shown. */
  choose(selection: TimelineSelection | null): void
}

export function markChosen({ timeline, items, lanes, afterMoves, clusterHolding }: ChosenParts): Chosen {
  let chosen: TimelineSelection | null = null
  /** The cluster counting the chosen event when it was chosen at a zoom where it is one of a crowd. */
  let holdingCluster: string | null = null

  /** Where a lane is drawn, from the top (vis-timeline orders lanes by `order`, which its types omit). */
  const laneOrder = (group: unknown) => (lanes.get(String(group)) as { order?: number } | null)?.order ?? Number.MAX_SAFE_INTEGER

  /** The items drawing the choice now, topmost lane first. */
  function drawn(): string[] {
    const eventItems = (eventId: string) =>
      items
        .get({ filter: (item) => !isNoteItem(item) && item.kind === 'event' && item.event.eventId === eventId })
        .sort((a, b) => laneOrder(a.group) - laneOrder(b.group))
        .map((item) => String(item.id))
    if (!chosen) return []
    if (chosen.kind === 'event') return eventItems(chosen.id)
    return [...[noteItemId(chosen.id)].filter((id) => items.get(id)), ...(chosen.eventId ? eventItems(chosen.eventId) : [])]
  }

  /** The items to mark: those drawing the choice, or else the cluster counting it while that is drawn. */
  function marked(): string[] {
    const ids = drawn()
    if (ids.length === 0 && holdingCluster !== null && items.get(holdingCluster)) return [holdingCluster]
    return ids
  }

  function mark(): void {
    timeline.setSelection(marked(), { focus: false, animation: { animation: false } })
  }

  let lookups = 0
  /** Asks which cluster counts the chosen event when it is not drawn, and marks it; answers its item id. */
  async function markHoldingCluster(selection: TimelineSelection): Promise<string | null> {
    const eventId = selection.kind === 'event' ? selection.id : selection.eventId
    if (eventId === undefined || drawn().length > 0) return null
    const mine = ++lookups
    const cluster = await clusterHolding(eventId).catch(() => null)
    // A newer drawing or choice has asked again meanwhile.
    if (mine !== lookups || chosen !== selection) return null
    holdingCluster = cluster === null ? null : clusterItemId(cluster)
    mark()
    return holdingCluster
  }

  // A zoom or pan draws new items: the choice may be among them, or be counted by a new cluster.
  // One drawing adds events and notes in two calls; the cluster is asked for once, after both.
  let lookupQueued = false
  items.on('add', () => {
    if (!chosen) return
    mark()
    if (lookupQueued) return
    lookupQueued = true
    queueMicrotask(() => {
      lookupQueued = false
      if (chosen) void markHoldingCluster(chosen)
    })
  })

  async function bringIntoSight(selection: TimelineSelection): Promise<void> {
    const stillChosen = () => chosen === selection
    await afterMoves()
    const first = drawn()[0] ?? (await markHoldingCluster(selection))
    if (first !== null && stillChosen()) await revealInLanes(timeline, first, stillChosen)
  }

  return {
    choose(selection) {
      chosen = selection
      holdingCluster = null
      mark()
      if (selection) void bringIntoSight(selection)
    },
  }
}
