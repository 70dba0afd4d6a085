/**
 * Keeps readable the labels cut by the window's left edge: an event's, and the time axis's first.
 *
 * An event dated just before the window. vis-timeline draws a point's
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

export type LeftEdgeLabels = 'events and axis' | 'events' | 'axis' | 'neither'

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

/** Answers which labels cut by the left edge are now kept in view (vis-timeline may have changed). */
export function keepLabelsAtLeftEdge(timeline: Timeline): LeftEdgeLabels {
  const events = keepEventLabels(timeline)
  const axis = keepAxisLabel(timeline)
  return events && axis ? 'events and axis' : events ? 'events' : axis ? 'axis' : 'neither'
}

function keepEventLabels(timeline: Timeline): boolean {
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

interface CutLabel {
  label: HTMLElement
  x: number
  text: string
  orientation: string
}

interface VisTimeAxis {
  props: { minorCharWidth?: number; majorLabelHeight?: number }
  dom: { minorTexts: HTMLElement[] }
  _repaintLabels(): void
  _repaintMinorText(x: number, text: string, orientation: string, className: string): HTMLElement
}

/**
 * The axis labels the stretch of time right of its tick ("1990" the five years from 1990), cut where
 * its tick is past the edge: "90" at the start of the whole timeline. vis-timeline already moves the
 * first major label (the year over the months) to the edge; the first minor label is moved there too
 * when the rest of its stretch holds it, and hidden when not. Its width is vis-timeline's own
 * estimate (characters × the width it measured for one), as vis-timeline's is for major labels.
 */
function keepAxisLabel(timeline: Timeline): boolean {
  const axis = (timeline as unknown as { timeAxis?: VisTimeAxis }).timeAxis
  if (!axis || typeof axis._repaintLabels !== 'function' || typeof axis._repaintMinorText !== 'function' || !Array.isArray(axis.dom?.minorTexts)) return false
  const repaintLabels = axis._repaintLabels
  const repaintMinorText = axis._repaintMinorText
  // The first minor label of the redraw under way, when its tick is past the edge.
  let cut: CutLabel | null = null
  const takeCut = (): CutLabel | null => {
    const taken = cut
    cut = null
    return taken
  }
  axis._repaintMinorText = function (this: VisTimeAxis, x, text, orientation, className) {
    const isFirst = this.dom.minorTexts.length === 0
    const label = repaintMinorText.call(this, x, text, orientation, className)
    label.style.removeProperty('visibility') // labels are reused from one redraw to the next
    if (isFirst && x < 0) cut = { label, x, text, orientation }
    return label
  }
  axis._repaintLabels = function (this: VisTimeAxis) {
    takeCut()
    repaintLabels.call(this)
    const first = takeCut()
    if (!first) return
    const { label, x, text, orientation } = first
    const shown = x + (Number.parseFloat(label.style.width) || 0)
    const needed = text.length * (this.props.minorCharWidth || 8) + AXIS_LABEL_PADDING_PX
    if (shown < needed) {
      label.style.visibility = 'hidden'
      return
    }
    label.style.transform = `translate(0px, ${orientation === 'top' ? (this.props.majorLabelHeight ?? 0) : 0}px)`
    label.style.width = `${shown}px`
  }
  return true
}

/** vis-timeline's padding either side of an axis label's text. */
const AXIS_LABEL_PADDING_PX = 6

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
