/**
 * Scrolls the lanes up or down so a chosen item is on screen.
 *
 * Choosing an event from the search results, with J / K or from a note frames its date, but in a
 * crowded timeline the lanes are taller than the window: an event in a lane below one with forty
 * events that day was framed in time and still out of sight — and vis-timeline draws only the lanes
 * in view, so it was not drawn at all. vis-timeline's own `focus()` scrolls to an item but also
 * centres the window on it, undoing the framing (which leaves room for the label on the right).
 *
 * vis-timeline keeps its own vertical offset (the lanes are moved, not scrolled) and has no public
 * way to set it, so this reaches into the parts it does not export (checked against the version in
 * package-lock.json, as batchedItemLayout.ts does). If their shape changes it scrolls nothing.
 */
import type { Timeline } from 'vis-timeline'

interface VisLane {
  /** From the top of the lanes, in px, as of vis-timeline's last redraw. */
  top: number
}

interface VisItem {
  parent: VisLane | null
  displayed: boolean
  /** Its element (a point's, or a bar's or box's), once drawn. */
  dom?: { point?: HTMLElement; box?: HTMLElement } | null
}

interface VisCore {
  itemSet?: {
    items: Record<string, VisItem | undefined>
    groups?: Record<string, { dom?: { foreground?: HTMLElement } } | undefined>
    options?: { margin?: { item?: { vertical?: number } } }
  }
  dom?: { centerContainer?: HTMLElement }
  /** Zero or negative: how far the lanes are moved up. */
  _getScrollTop(): number
  _setScrollTop(scrollTop: number): number
  /** Redraws at the next frame. */
  _redraw(): void
}

function coreOf(timeline: Timeline): VisCore | null {
  const core = timeline as unknown as Partial<VisCore>
  const fits =
    typeof core._getScrollTop === 'function' &&
    typeof core._setScrollTop === 'function' &&
    typeof core._redraw === 'function' &&
    typeof core.itemSet?.items === 'object' &&
    core.dom?.centerContainer instanceof HTMLElement
  return fits ? (core as VisCore) : null
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/**
 * Attempts. vis-timeline stacks the items of the lanes in view only, so a lane's height is known
 * once it has been on screen: scrolling to a lane far down brings lanes above it into view, they
 * grow, and the lane moves further down. Lanes in view also grow over a few frames as their new
 * items are measured, so an item is left only once it is in view where it was a pass before (a
 * search pick at a day's zoom under sixteen notes was in view two frames after the move, then
 * pushed ~970 px down). Pressing J through the 100,000-event benchmark timeline at a month's zoom
 * took two to four passes.
 */
const MOST_PASSES = 8

/**
 * Scrolls the lanes the least that shows the item with id `itemId`, once the drawing now under way
 * has been laid out; stops as soon as `stillWanted` answers false (another item was chosen). Nothing
 * moves when the item is already in view or is not drawn in this window.
 */
export async function revealInLanes(timeline: Timeline, itemId: string, stillWanted: () => boolean): Promise<void> {
  const core = coreOf(timeline)
  if (!core) return
  const margin = core.itemSet?.options?.margin?.item?.vertical ?? 0
  /** Where the item was last seen in view, on screen. */
  let lastTop: number | null = null
  /** Where the lanes were last scrolled to for an item not drawn yet. */
  let aimedAt: number | null = null
  for (let pass = 0; pass < MOST_PASSES; pass++) {
    // vis-timeline redraws at the next frame; positions are read once it has.
    await nextFrame()
    await nextFrame()
    if (!stillWanted()) return
    const item = core.itemSet?.items[itemId]
    const lane = item?.parent
    const view = core.dom?.centerContainer
    if (!item || !lane || !view) return
    const shown = view.getBoundingClientRect()
    const element = item.displayed ? (item.dom?.point ?? item.dom?.box) : undefined
    if (!element) {
      // In a lane out of view, so not drawn yet: bring the top of its lane into view, then look
      // again. Still not drawn with its lane in view: it lies outside the window's time.
      if (lane.top - margin === aimedAt) return
      lastTop = null
      aimedAt = lane.top - margin
      core._setScrollTop(-aimedAt)
      core._redraw()
      continue
    }
    // Where it is on screen: vis-timeline's own record of where lanes begin can be a redraw behind.
    const { top, bottom, height } = element.getBoundingClientRect()
    if (top >= shown.top && bottom <= shown.bottom) {
      // In view, and where it was a pass ago: the lanes above have their heights.
      if (top === lastTop) return
      lastTop = top
      continue
    }
    lastTop = null
    // Taller than the window, or above it: its top at the top. Below: its bottom at the bottom.
    const moveUp = top < shown.top || height > shown.height ? top - shown.top - margin : bottom - shown.bottom + margin
    core._setScrollTop(core._getScrollTop() - moveUp)
    core._redraw()
  }
}

/** A lane whose top is this close to the bottom of the view shows nothing of its first row. */
const LANE_ROOM_PX = 48

/**
 * Keeps the top of a lane in view while the drawing now under way is laid out: a cluster clicked in
 * a lane low in the window zooms in, the lanes above it grow with the new detail, and the lane the
 * analyst wanted opened slipped out of sight below them (a cluster in the ninth lane of the
 * 10,000-event benchmark timeline). Scrolls only when the lane's top leaves the view, and looks
 * again until it stays where it is for a pass, as `revealInLanes` does for an item.
 */
export async function revealLane(timeline: Timeline, laneGroupId: string, stillWanted: () => boolean): Promise<void> {
  const core = coreOf(timeline)
  if (!core) return
  let lastTop: number | null = null
  for (let pass = 0; pass < MOST_PASSES; pass++) {
    await nextFrame()
    await nextFrame()
    if (!stillWanted()) return
    const lane = core.itemSet?.groups?.[laneGroupId]?.dom?.foreground
    const view = core.dom?.centerContainer
    if (!lane || !view) return
    const { top } = lane.getBoundingClientRect()
    const shown = view.getBoundingClientRect()
    if (top >= shown.top && top <= shown.bottom - LANE_ROOM_PX) {
      if (top === lastTop) return
      lastTop = top
      continue
    }
    lastTop = null
    core._setScrollTop(core._getScrollTop() - (top - shown.top))
    core._redraw()
  }
}
