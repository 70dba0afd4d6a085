/**
 * The zoomable timeline (vis-timeline with one row per lane). Built inside a hidden container and
 * shown once filled: vis-timeline measures every item as it is added when its container is visible.
 */
import { Timeline, type TimelineOptions } from 'vis-timeline'
import { DataSet } from 'vis-data'
import moment from 'moment'
import type { TimelineView } from '../../main/ipc/contract'
import { renderEventLabel, renderLaneLabel, toEventItem, toLaneGroups, UNASSIGNED_LANE, type EventItem } from './eventItems'

const HOUR = 3_600_000
const YEAR = 365.25 * 24 * HOUR

export interface VisibleWindow {
  start: number
  end: number
}

export interface TimelineHandle {
  /** Shows the whole timeline. */
  fit(): void
  /** Shows a span with room either side for labels, which run to the right of their date. */
  frame(start: number, end: number): void
  zoom(factor: number): void
  pan(fraction: number): void
  moveTo(ms: number, widthMs?: number): void
  setWindow(window: VisibleWindow): void
  visibleWindow(): VisibleWindow
  select(eventId: string | null): void
  onSelect(listener: (eventId: string | null) => void): void
  onRangeChange(listener: (window: VisibleWindow) => void): void
  /** Event ids in time order, for next/previous navigation. */
  eventOrder(): string[]
  /** Redraws from a newly loaded view, changing only what differs. */
  update(view: TimelineView): void
}

function itemsAndGroups(view: TimelineView) {
  const laneIndexById = new Map(view.lanes.filter((l) => !l.hidden).map((lane, index) => [lane.id, index]))
  const items = view.events.map((event) => toEventItem(event, laneIndexById))
  const groups = toLaneGroups(view.lanes, items.some((item) => item.group === UNASSIGNED_LANE))
  const order = [...view.events].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end).map((e) => e.id)
  return { items, groups, order }
}

/** Puts `next` into `dataSet`, touching only entries that were added, removed or changed. */
function syncDataSet<T extends { id: string | number }>(dataSet: DataSet<T>, next: T[]): void {
  const keep = new Set(next.map((entry) => entry.id))
  dataSet.remove(dataSet.getIds().filter((id) => !keep.has(id as T['id'])))
  dataSet.update(next as never)
}

export function mountTimeline(container: HTMLElement, initialView: TimelineView): TimelineHandle {
  let view = initialView
  let { items, groups, order } = itemsAndGroups(view)
  const itemSet = new DataSet<EventItem>(items)
  const groupSet = new DataSet(groups)

  const options: TimelineOptions = {
    height: '100%',
    orientation: { axis: 'top', item: 'top' },
    stack: true,
    showCurrentTime: false,
    zoomMin: HOUR,
    zoomMax: 80 * YEAR,
    zoomFriction: 8,
    selectable: true,
    multiselect: false,
    verticalScroll: true,
    horizontalScroll: false,
    margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
    // Analysts' dates are UTC (EDTF without offset); the axis says so and never shifts a day.
    moment: (date: moment.MomentInput) => moment(date).utc(),
    template: (item?: EventItem) => renderEventLabel(item),
    groupTemplate: (group) => renderLaneLabel(group),
    // Defence in depth: templates already return Elements; allow no tags at all if HTML ever gets through.
    xss: { disabled: false, filterOptions: { whiteList: {} } },
    tooltip: { followMouse: false, overflowMethod: 'cap' },
  }

  const frame = (start: number, end: number) => {
    const width = Math.max(end - start, 86_400_000)
    timeline.setWindow(start - width * 0.04, end + width * 0.16, { animation: false })
  }
  const fit = () => {
    if (view.events.length === 0) return timeline.fit({ animation: false })
    let first = Infinity
    let last = -Infinity
    for (const { span } of view.events) {
      first = Math.min(first, span.start)
      last = Math.max(last, span.end)
    }
    frame(first, last)
  }

  container.hidden = true
  const timeline = new Timeline(container, itemSet, groupSet, options)
  container.hidden = false
  fit()
  // vis-timeline measured nothing while hidden; once the browser has laid the container out,
  // redraw and fit again so lanes, labels and the axis take their real sizes.
  requestAnimationFrame(() => {
    timeline.redraw()
    fit()
  })

  // vis-timeline positions items itself inside overflow-hidden panels. The browser can still scroll
  // those panels natively (scrollIntoView, focus, a drag-select past the edge), after which every
  // item is drawn off its date. vis never uses native horizontal scrolling, so undo any at once.
  container.addEventListener(
    'scroll',
    (event) => {
      const panel = event.target as HTMLElement
      if (panel.scrollLeft !== 0) panel.scrollLeft = 0
    },
    { capture: true },
  )

  const handle: TimelineHandle = {
    fit,
    frame,
    zoom: (factor) => (factor > 1 ? timeline.zoomIn(factor - 1, { animation: false }) : timeline.zoomOut(1 / factor - 1, { animation: false })),
    pan: (fraction) => {
      const { start, end } = handle.visibleWindow()
      const shift = (end - start) * fraction
      timeline.setWindow(start + shift, end + shift, { animation: false })
    },
    moveTo: (ms, widthMs) => {
      if (widthMs) timeline.setWindow(ms - widthMs / 2, ms + widthMs / 2, { animation: false })
      else timeline.moveTo(ms, { animation: false })
    },
    setWindow: ({ start, end }) => timeline.setWindow(start, end, { animation: false }),
    visibleWindow: () => {
      const range = timeline.getWindow()
      return { start: range.start.valueOf(), end: range.end.valueOf() }
    },
    select: (eventId) => {
      timeline.setSelection(eventId ? [eventId] : [], { focus: false, animation: { animation: false } })
      if (eventId) {
        const { start, end } = handle.visibleWindow()
        const event = view.events.find((e) => e.id === eventId)
        if (event && (event.span.end < start || event.span.start > end)) timeline.focus(eventId, { animation: false })
      }
    },
    onSelect: (listener) => timeline.on('select', ({ items: selected }: { items: string[] }) => listener(selected[0] ?? null)),
    onRangeChange: (listener) => timeline.on('rangechanged', () => listener(handle.visibleWindow())),
    eventOrder: () => order,
    update: (next) => {
      view = next
      ;({ items, groups, order } = itemsAndGroups(view))
      syncDataSet(groupSet, groups)
      syncDataSet(itemSet, items)
    },
  }
  return handle
}
