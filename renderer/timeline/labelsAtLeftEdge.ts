/**
 * Keeps readable the label of an event dated just before the window. vis-timeline draws a point's
 * label running right from its dot; with the dot past the left edge the label is cut from its start
 * ("eeping mandate in Minsk"), at times leaving a grade badge on its own. As vis-timeline already
 * does for bars, the label is moved to start at the edge, and fades out where it used to end, so it
 * never runs into the next item in its row; a sliver too short to read is not shown.
 *
 * Only a transform and a mask are set: vis-timeline measures and stacks items by their own sizes,
 * which neither changes. This wraps a vis-timeline class it does not export (checked against the
 * version in package-lock.json), reached through the timeline's item set as batchedItemLayout.ts
 * does; if its shape changes, `keepLabelsAtLeftEdge` answers false and labels are cut as before.
 */
import type { Timeline } from 'vis-timeline'

interface VisPointItem {
  /** Where the event's date is, in px from the window's left edge. */
  pointX?: number
  /** The dot and label together, as measured (the label runs from half a dot right of the date to here). */
  width: number | null
  props: { dot: { width: number } }
  dom: { content?: HTMLElement } | null
  options: { rtl?: boolean }
  repositionX(): void
}

/** Narrower than this, what is left of a label says nothing. */
const LEAST_SHOWN_PX = 36
/** The fade at the label's old end. */
const FADE_PX = 18

const wrappedClasses = new WeakSet<object>()
const moved = new WeakSet<HTMLElement>()

function pointItemClass(timeline: Timeline): VisPointItem | null {
  const itemSet = (timeline as unknown as { itemSet?: { constructor?: { types?: { point?: { prototype?: VisPointItem } } } } }).itemSet
  const prototype = itemSet?.constructor?.types?.point?.prototype
  return prototype && typeof prototype.repositionX === 'function' ? prototype : null
}

/** Answers whether labels of points past the left edge are now kept in view. */
export function keepLabelsAtLeftEdge(timeline: Timeline): boolean {
  const pointClass = pointItemClass(timeline)
  if (!pointClass) return false
  if (wrappedClasses.has(pointClass)) return true
  const place = pointClass.repositionX
  pointClass.repositionX = function (this: VisPointItem) {
    place.call(this)
    keepInView(this)
  }
  wrappedClasses.add(pointClass)
  return true
}

function keepInView(item: VisPointItem): void {
  const content = item.dom?.content
  if (!content || item.options.rtl || item.pointX === undefined || !item.width) return
  // The label starts half a dot right of the date (vis-timeline's margin).
  const cut = -(item.pointX + item.props.dot.width / 2)
  if (cut <= 0) {
    if (moved.delete(content)) for (const property of ['transform', 'mask-image', 'visibility']) content.style.removeProperty(property)
    return
  }
  const shown = item.pointX + item.width
  moved.add(content)
  content.style.transform = `translateX(${cut}px)`
  content.style.maskImage = `linear-gradient(to right, #000 ${Math.max(0, shown - FADE_PX)}px, transparent ${Math.max(0, shown)}px)`
  content.style.visibility = shown < LEAST_SHOWN_PX ? 'hidden' : ''
}
