/**
 * The benchmark's peer: plain vis-timeline fed every item at once, the way an app without level of
 * detail would use it. Same lanes, same stacking and axis options as Annalist's timeline, built in
 * a hidden container and then shown (given a visible container, vis-timeline measures each item as
 * it is added: ten times slower to open). bench/run.ts serves this page and its data itself.
 */
// The same builds of vis-timeline and vis-data as Annalist's window (renderer/timeline/timelineView.ts),
// so the two differ in how they use the library, not in which build of it they load.
import { Timeline } from 'vis-timeline/esnext'
import type { DataGroup, DataItem, TimelineOptions } from 'vis-timeline'
import { DataSet } from 'vis-data/esnext'
import 'vis-timeline/styles/vis-timeline-graph2d.css'

/** What bench/run.ts serves as /items.json: one entry per event and lane, like Annalist draws. */
export interface PeerData {
  groups: { id: string; content: string }[]
  items: { id: string; group: string; content: string; start: number; end?: number }[]
}

// `window.peer` is declared in ./steps.ts, which drives it.
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
let timeline: Timeline | null = null

/**
 * Loads the data, builds the timeline and resolves once it has painted, with that moment on the
 * page's clock (which starts when the page starts loading). It starts as the page's script runs,
 * as an app's own start would, not when the benchmark asks.
 */
async function openTimeline(): Promise<number> {
  const data = (await (await fetch('/items.json')).json()) as PeerData
  const container = document.getElementById('timeline')!
  const items = new DataSet<DataItem>(
    data.items.map((item) => ({
      id: item.id,
      group: item.group,
      content: item.content,
      start: new Date(item.start),
      ...(item.end === undefined ? { type: 'point' } : { end: new Date(item.end), type: 'range' }),
    })),
  )
  const groups = new DataSet<DataGroup>(data.groups)
  const options: TimelineOptions = {
    height: '100%',
    orientation: { axis: 'top', item: 'top' },
    stack: true,
    showCurrentTime: false,
    zoomMin: 3_600_000,
    selectable: true,
    verticalScroll: true,
    horizontalScroll: false,
    margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
  }
  container.hidden = true
  timeline = new Timeline(container, items, groups, options)
  container.hidden = false
  timeline.redraw()
  timeline.fit({ animation: false })
  await nextFrame()
  await nextFrame()
  return performance.now()
}

const opened = openTimeline()

window.peer = {
  open: () => opened,
  zoom(factor) {
    if (factor > 1) timeline!.zoomIn(factor - 1, { animation: false })
    else timeline!.zoomOut(1 / factor - 1, { animation: false })
  },
  pan(fraction) {
    const range = timeline!.getWindow()
    const shift = (range.end.valueOf() - range.start.valueOf()) * fraction
    timeline!.setWindow(range.start.valueOf() + shift, range.end.valueOf() + shift, { animation: false })
  },
  fit() {
    timeline!.fit({ animation: false })
  },
}
