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
  /** From the top of the lanes, in px. */
  top: number
  height: number
}

interface VisItem {
  parent: VisLane | null
  displayed: boolean
  /** From the top of its lane, once drawn. */
  top: number | null
  height: number | null
}

interface VisCore {
  itemSet?: { items: Record<string, VisItem | undefined>; options?: { margin?: { item?: { vertical?: number } } } }
  props?: { centerContainer?: { height?: number } }
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
    typeof core.props?.centerContainer?.height === 'number'
  return fits ? (core as VisCore) : null
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/**
 * Attempts. vis-timeline stacks the items of the lanes in view only, so a lane's height is known
 * once it has been on screen: scrolling to a lane far down brings lanes above it into view, they
 * grow, and the lane moves further down. Pressing J through the 100,000-event benchmark timeline at
 * a month's zoom took two to four passes.
 */
const MOST_PASSES = 6

/**
 * Scrolls the lanes the least that shows the item with id `itemId`, once the drawing now under way
 * has been laid out; stops as soon as `stillWanted` answers false (another item was chosen). Nothing
 * moves when the item is already in view or is not drawn in this window.
 */
export async function revealInLanes(timeline: Timeline, itemId: string, stillWanted: () => boolean): Promise<void> {
  const core = coreOf(timeline)
  if (!core) return
  const margin = core.itemSet?.options?.margin?.item?.vertical ?? 0
  for (let pass = 0; pass < MOST_PASSES; pass++) {
    // vis-timeline redraws at the next frame; positions are read once it has.
    await nextFrame()
    await nextFrame()
    if (!stillWanted()) return
    const item = core.itemSet?.items[itemId]
    const lane = item?.parent
    if (!item || !lane) return
    const viewHeight = core.props?.centerContainer?.height ?? 0
    const viewTop = -core._getScrollTop()
    // An item in a lane out of view has not been placed yet: aim at its lane, then look again.
    const placed = item.displayed && item.top !== null && item.height !== null
    const top = lane.top + (placed ? item.top! : 0)
    const bottom = placed ? top + item.height! : lane.top + Math.min(lane.height, viewHeight)
    if (top >= viewTop && bottom <= viewTop + viewHeight) return
    // Taller than the window, or above it: its top at the top. Below: its bottom at the bottom.
    const wanted = top < viewTop || bottom - top > viewHeight ? top - margin : bottom - viewHeight + margin
    core._setScrollTop(-wanted)
    core._redraw()
  }
}
