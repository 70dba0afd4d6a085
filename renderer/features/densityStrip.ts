/**
 * The overview strip under the timeline: how many events (and notes) fall in each stretch of the
 * whole timeline, with the visible window marked, and while a search is shown, how many of them it
 * matches (where in thirty years the protests were). Drag the mark to move the window, click
 * elsewhere to jump there, or use the arrow keys when the strip has focus.
 *
 * Drawn on a canvas from the engine's `densityOverview` counts: at 100,000 events the strip is a
 * few hundred numbers, never one element per event. The counts are asked for again after a reload
 * and when the strip changes width; moving the window only redraws the mark.
 */
import type { DensityOverview, ShownSearch } from '../../main/ipc/contract'
import { request } from '../api'
import { el } from '../dom'
import type { AppContext } from '../shell/appContext'
import type { VisibleWindow } from '../timeline/timelineView'
import { FRAME_ROOM, framedWindow } from '../timeline/steps'

const STRIP_HEIGHT = 40
const STRIP_TITLE = 'Overview: drag the mark to move, click to jump, arrow keys to step'
/** One bin per this many CSS pixels: wide enough to read as bars, narrow enough to show crises. */
const PX_PER_BIN = 2
/** Arrow keys move the window by this share of its width (Shift: a whole width). */
const KEY_STEP = 0.25
/** The share of the strip the timeline's dates take (the rest is Fit's room either side). */
const DATA_SHARE = 1 / (1 + FRAME_ROOM.before + FRAME_ROOM.after)

/** The strip's colours follow the page's palette (CSS variables), read when drawing. */
function palette(element: HTMLElement) {
  const style = getComputedStyle(element)
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
  return { events: read('--ink-soft', '#52606d'), notes: read('--lane-3', '#b07d1a'), rule: read('--rule', '#d9d6cc'), accent: read('--accent', '#2f5d8a'), found: read('--found', '#e0a800') }
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10)

export interface DensityStrip {
  element: HTMLElement
  /** Asks for the counts again (after a reload or a change of width). */
  refresh(): Promise<void>
}

export function createDensityStrip(context: AppContext): DensityStrip {
  const { timeline } = context
  const canvas = el('canvas', {
    className: 'density-canvas',
    attrs: {
      role: 'slider',
      'aria-label': 'Overview',
      tabindex: 0,
      title: STRIP_TITLE,
    },
  })
  const element = el('div', { className: 'density-strip' }, [canvas])
  let overview: DensityOverview | null = null
  let search: ShownSearch | null = null
  let asked = 0
  let drawRequested = false

  /**
   * The stretch the strip spans: the whole timeline as Fit frames it, so with the whole timeline
   * shown the window's mark is the strip's edge and the first and last years' bars lie inside it.
   */
  function extent(): { start: number; end: number } {
    return overview?.range ? framedWindow(overview.range.start, overview.range.end) : timeline.visibleWindow()
  }
  const widthPx = () => Math.max(1, canvas.clientWidth)
  const timeAt = (x: number) => {
    const { start, end } = extent()
    return start + (x / widthPx()) * (end - start)
  }
  /** Where a time falls on the strip as it is now; made once per drawing (the width is a layout read). */
  function placing(width: number): (time: number) => number {
    const { start, end } = extent()
    return (time) => ((time - start) / (end - start)) * width
  }

  function draw(): void {
    drawRequested = false
    const ratio = window.devicePixelRatio || 1
    const width = widthPx()
    const xAt = placing(width)
    const height = canvas.clientHeight || STRIP_HEIGHT
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio)
      canvas.height = Math.round(height * ratio)
    }
    const g = canvas.getContext('2d')
    if (!g) return
    const colours = palette(element)
    g.setTransform(ratio, 0, 0, ratio, 0, 0)
    g.clearRect(0, 0, width, height)
    g.fillStyle = colours.rule
    g.fillRect(0, height - 1, width, 1)
    if (overview?.range) drawCounts(g, xAt, overview, height, colours)
    drawWindowMark(g, xAt, width, height, colours.accent)
    describeWindow()
  }

  /**
   * Events as bars rising from the baseline, notes as a thin band along the top. Heights grow with
   * the square root of the count: a crisis with 50 times the usual traffic stays on the strip
   * without flattening every quiet year to nothing. A search's matches are drawn over the events'
   * bars on the same scale, so a stretch where every event matches is a whole bar in its colour.
   */
  function drawCounts(g: CanvasRenderingContext2D, xAt: (time: number) => number, counts: DensityOverview, height: number, colours: ReturnType<typeof palette>): void {
    const from = counts.range!.start
    const binWidth = xAt(from + counts.binMs) - xAt(from)
    const binX = (index: number) => xAt(from + index * counts.binMs)
    const most = Math.sqrt(Math.max(1, ...counts.events))
    const mostNotes = Math.sqrt(Math.max(1, ...counts.annotations))
    const barRoom = height - 8
    const bars = (values: readonly number[]) =>
      values.forEach((count, index) => {
        if (!count) return
        const bar = Math.max(1, (Math.sqrt(count) / most) * barRoom)
        g.fillRect(binX(index), height - 1 - bar, Math.max(1, binWidth - 0.5), bar)
      })
    g.fillStyle = colours.events
    bars(counts.events)
    g.fillStyle = colours.found
    bars(counts.searchMatches ?? [])
    g.fillStyle = colours.notes
    counts.annotations.forEach((count, index) => {
      if (!count) return
      g.globalAlpha = 0.35 + 0.65 * (Math.sqrt(count) / mostNotes)
      g.fillRect(binX(index), 0, Math.max(1, binWidth - 0.5), 4)
    })
    g.globalAlpha = 1
  }

  function drawWindowMark(g: CanvasRenderingContext2D, xAt: (time: number) => number, width: number, height: number, accent: string): void {
    const { start, end } = timeline.visibleWindow()
    const left = Math.max(0, Math.min(width - 3, xAt(start)))
    const right = Math.max(left + 3, Math.min(width, xAt(end)))
    g.fillStyle = accent
    g.globalAlpha = 0.16
    g.fillRect(left, 0, right - left, height)
    g.globalAlpha = 1
    g.strokeStyle = accent
    g.lineWidth = 1.5
    g.strokeRect(left + 0.75, 0.75, right - left - 1.5, height - 1.5)
  }

  /** What a screen reader says for the slider: the window's dates, not a number. */
  function describeWindow(): void {
    const { start, end } = timeline.visibleWindow()
    const whole = extent()
    canvas.setAttribute('aria-valuemin', '0')
    canvas.setAttribute('aria-valuemax', '100')
    const middle = (start + end) / 2
    canvas.setAttribute('aria-valuenow', String(Math.round(Math.max(0, Math.min(100, ((middle - whole.start) / (whole.end - whole.start)) * 100)))))
    canvas.setAttribute('aria-valuetext', `Showing ${isoDay(start)} to ${isoDay(end)}`)
    canvas.dataset.windowStart = new Date(start).toISOString()
    canvas.dataset.windowEnd = new Date(end).toISOString()
  }

  function drawSoon(): void {
    if (drawRequested) return
    drawRequested = true
    requestAnimationFrame(draw)
  }

  async function refresh(): Promise<void> {
    const mine = ++asked
    const bins = Math.max(20, Math.min(2_000, Math.round((widthPx() * DATA_SHARE) / PX_PER_BIN)))
    const answer = await request('densityOverview', bins, search).catch(() => null)
    if (!answer || mine !== asked) return
    overview = answer
    const total = (counts: readonly number[]) => String(counts.reduce((sum, count) => sum + count, 0))
    canvas.dataset.bins = String(answer.events.length)
    canvas.dataset.events = total(answer.events)
    if (answer.searchMatches) canvas.dataset.found = total(answer.searchMatches)
    else delete canvas.dataset.found
    canvas.title = answer.searchMatches ? `${STRIP_TITLE}; in yellow, the events the search matches` : STRIP_TITLE
    drawSoon()
  }

  /** Moves the window so its middle is at `time`, keeping its width. */
  function centreOn(time: number): void {
    const { start, end } = timeline.visibleWindow()
    const half = (end - start) / 2
    moveTo({ start: time - half, end: time + half })
  }
  function moveTo(next: VisibleWindow): void {
    timeline.setWindow(next)
    drawSoon()
  }

  // Pointer: pressing inside the mark grabs it (the window follows, keeping where it was held);
  // pressing elsewhere jumps there and then drags from the middle.
  let grab: { offset: number; pointerId: number } | null = null
  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return
    canvas.focus()
    const x = event.offsetX
    const { start, end } = timeline.visibleWindow()
    const time = timeAt(x)
    if (time < start || time > end) centreOn(time)
    const now = timeline.visibleWindow()
    grab = { offset: time - now.start, pointerId: event.pointerId }
    canvas.setPointerCapture(event.pointerId)
    canvas.classList.add('dragging')
    event.preventDefault()
  })
  canvas.addEventListener('pointermove', (event) => {
    if (!grab || event.pointerId !== grab.pointerId) return
    const { start, end } = timeline.visibleWindow()
    const from = timeAt(event.offsetX) - grab.offset
    moveTo({ start: from, end: from + (end - start) })
  })
  const release = (event: PointerEvent) => {
    if (!grab || event.pointerId !== grab.pointerId) return
    grab = null
    canvas.classList.remove('dragging')
  }
  canvas.addEventListener('pointerup', release)
  canvas.addEventListener('pointercancel', release)

  canvas.addEventListener('keydown', (event) => {
    const { start, end } = timeline.visibleWindow()
    const width = end - start
    const whole = extent()
    const step = width * (event.shiftKey ? 1 : KEY_STEP)
    const moves: Record<string, () => VisibleWindow> = {
      ArrowLeft: () => ({ start: start - step, end: end - step }),
      ArrowRight: () => ({ start: start + step, end: end + step }),
      Home: () => ({ start: whole.start, end: whole.start + width }),
      End: () => ({ start: whole.end - width, end: whole.end }),
    }
    const move = moves[event.key]
    if (!move || event.ctrlKey || event.metaKey || event.altKey) return
    // The window-wide arrow shortcuts pan too; the strip's own step is the one meant here.
    event.preventDefault()
    event.stopPropagation()
    moveTo(move())
  })

  timeline.onRangeChange(drawSoon)
  timeline.onSearchMarked((shown) => {
    search = shown
    if (started) void refresh()
  })
  context.onReload(() => void refresh())
  // First asked once the timeline has drawn (it waits for the window's own drawing), then again
  // whenever the strip changes width.
  let started = false
  void timeline.firstDrawing.then(() => {
    started = true
    void refresh()
  })
  let lastWidth = 0
  new ResizeObserver(() => {
    const width = Math.round(widthPx())
    if (width === lastWidth || !started) {
      lastWidth = width
      return drawSoon()
    }
    lastWidth = width
    void refresh()
  }).observe(canvas)

  return { element, refresh }
}

/** Puts the overview strip under the timeline. */
export function mountDensityStrip(context: AppContext): DensityStrip {
  const strip = createDensityStrip(context)
  context.underTimeline.add(strip.element)
  return strip
}
