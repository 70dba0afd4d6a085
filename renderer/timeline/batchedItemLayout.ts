/**
 * Makes vis-timeline lay out item changes together, once per frame, instead of piece by piece.
 *
 * vis-timeline 8.x does two things that cost a forced browser layout each:
 * - when an item joins a lane (`Group.add`) it draws and measures it on the spot if it lies in the
 *   window: one layout per new item;
 * - every add, update or remove on its DataSet redraws the whole item set at once, synchronously.
 * Level of detail hands it a hundred or more new items per zoom step, in four DataSet calls
 * (events and notes, each removed and updated); the layouts took 150–330 ms a step.
 * Every such change also queues vis-timeline's full redraw for the next frame, and that redraw
 * already finds items that should be shown but are not and draws them in three passes (create
 * all, measure all, place all). So both are left to it: the items appear in the same frame,
 * measured in one layout.
 *
 * This reaches into vis-timeline classes it does not export (checked against the version in
 * package-lock.json). If its shape changes, `batchItemLayout` answers false and `inOneLayout` just
 * runs the change: the timeline still draws correctly, only slower.
 */
import type { Timeline } from 'vis-timeline'

interface VisItem {
  displayed: boolean
}

interface VisLane {
  _checkIfVisible(item: VisItem, visibleItems: VisItem[], range: unknown): void
}

interface VisItemSet {
  groups?: Record<string, VisLane>
  initialItemSetDrawn?: boolean
  redraw(): boolean
}

const patchedLaneClasses = new WeakSet<object>()

function itemSetOf(timeline: Timeline): VisItemSet | null {
  const itemSet = (timeline as unknown as { itemSet?: VisItemSet }).itemSet
  return itemSet && typeof itemSet.redraw === 'function' ? itemSet : null
}

/** Call once the timeline has at least one lane. Answers whether new items now wait for the frame's redraw. */
export function batchItemLayout(timeline: Timeline): boolean {
  const anyLane = Object.values(itemSetOf(timeline)?.groups ?? {})[0]
  // Every lane class (ordinary, background) inherits the method from the same base.
  let laneClass = anyLane ? (Object.getPrototypeOf(anyLane) as VisLane | null) : null
  while (laneClass && !Object.prototype.hasOwnProperty.call(laneClass, '_checkIfVisible')) laneClass = Object.getPrototypeOf(laneClass) as VisLane | null
  if (!laneClass || typeof laneClass._checkIfVisible !== 'function') return false
  if (patchedLaneClasses.has(laneClass)) return true
  const drawNow = laneClass._checkIfVisible
  laneClass._checkIfVisible = function (this: VisLane, item, visibleItems, range) {
    // Not yet drawn: the redraw queued by this change draws it with the others.
    if (!item.displayed) return
    drawNow.call(this, item, visibleItems, range)
  }
  patchedLaneClasses.add(laneClass)
  return true
}

/**
 * Runs `change` (DataSet calls) without the item set redrawing after each call: each call also
 * queues vis-timeline's full redraw for the next frame, which draws them all.
 */
export function inOneLayout(timeline: Timeline, change: () => void): void {
  const itemSet = itemSetOf(timeline)
  // Before its first full draw, vis-timeline redraws at once rather than queueing: leave it be.
  if (!itemSet?.initialItemSetDrawn) return change()
  const own = Object.prototype.hasOwnProperty.call(itemSet, 'redraw') ? itemSet.redraw : undefined
  itemSet.redraw = () => false
  try {
    change()
  } finally {
    if (own) itemSet.redraw = own
    else delete (itemSet as Partial<VisItemSet>).redraw
  }
}
