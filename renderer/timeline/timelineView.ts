/**
 * The zoomable timeline (vis-timeline with one row per lane, and a Notes lane on top). Built inside
 * a hidden container and shown once filled: vis-timeline measures every item as it is added when
 * its container is visible.
 */
// esnext builds (no core-js stand-ins): a 552 KB window script, not 735; 1,000 events drawn ~130 ms sooner.
import { Timeline } from 'vis-timeline/esnext'
import type { DataGroup, DataItem, TimelineItem as VisItem, TimelineOptions } from 'vis-timeline'
import { DataSet } from 'vis-data/esnext'
import moment from 'moment'
import type { TimelineView } from '../../main/ipc/contract'
import type { EventFilter, ShownSearch, ViewportDrawing, ViewportQuery } from '../../main/timelineIndex/viewportTypes'
import { NO_LANE, sliceStillFits } from '../../main/timelineIndex/viewportRules'
import { el } from '../dom'
import { batchItemLayout, inOneLayout } from './batchedItemLayout'
import { keepLabelsAtLeftEdge } from './labelsAtLeftEdge'
import { revealLane } from './revealInLanes'
import { markChosen, isNoteItem, type TimelineItem, type TimelineSelection } from './chosenOnTimeline'
import { syncDataSet } from './syncDataSet'
import { DrawingsAhead, marksAlike, showsChosenNote, type ShownMarks } from './drawingsAhead'
import { framedWindow, pannedWindow, windowShowing, windowsOneStepAway, ZOOM_MAX, ZOOM_MIN, zoomedWindow, type VisibleWindow } from './steps'
import { renderClusterLabel, renderEventLabel, renderLaneLabel, toClusterItem, toEventItem, toLaneGroups } from './eventItems'
import {
  annotationIdOf,
  annotationIdOfMoment,
  edtfForDrag,
  MORE_NOTES_ID,
  NOTES_LANE,
  renderNoteLabel,
} from './noteItems'
import { createNotesLane } from './notesLane'
import { followContainerSize } from './containerSize'

export type { VisibleWindow, TimelineSelection }

/** Quiet time after a move before the drawings one step away are fetched. */
const FETCH_AHEAD_AFTER_MS = 50

export interface TimelineHandle {
  /** Shows the whole timeline. */
  fit(): void
  /** Shows a span with room either side for labels, which run to the right of their date. */
  frame(start: number, end: number): void
  zoom(factor: number): void
  pan(fraction: number): void
  setWindow(window: VisibleWindow): void
  visibleWindow(): VisibleWindow
  /**
   * Marks the selection (or the cluster counting it) and, once it is drawn, scrolls the lanes to it
   * if it is out of sight; with `span`, first moves the window to it when it lies outside.
   */
  select(selection: TimelineSelection | null, span?: { start: number; end: number } | null): void
  onSelect(listener: (selection: TimelineSelection | null) => void): void
  onRangeChange(listener: (window: VisibleWindow) => void): void
  /** Redraws from a newly loaded view, changing only what differs. */
  update(view: TimelineView): void
  /** Notes were added, changed or removed: draws them again (bands, moment lines, event badges). */
  notesChanged(): void
  /** Marks the events this search matches, drawn or counted in clusters (null: no search shown). */
  markSearch(search: ShownSearch | null): void
  /** Called with the search marked whenever it changes (the overview strip marks it too). */
  onSearchMarked(listener: (search: ShownSearch | null) => void): void
  /** Folds the Notes lane to one row counting its notes, or unfolds it. */
  foldNotes(folded: boolean): void
  /** Whether the Notes lane is folded. */
  notesFolded(): boolean
  /** Called whenever the Notes lane is folded or unfolded, from here or from the lane itself. */
  onNotesFolded(listener: (folded: boolean) => void): void
  /** Shows only events that pass the filter (tags, minimum grade); lanes are chosen with `showLanes`. */
  setFilter(filter: EventFilter): void
  /** Lanes to draw (null: every lane not hidden). */
  showLanes(laneIds: readonly string[] | null): void
  /** What `showLanes` and `setFilter` chose, so an export can draw what the window shows. */
  shownLanesAndFilter(): { laneIds: readonly string[] | null; filter: EventFilter }
  /** The analyst dragged a note to new dates (EDTF). Resolve true to keep the move, false to undo it. */
  onNoteMoved(listener: (annotationId: string, date: string) => Promise<boolean>): void
  /**
   * Settles once the first drawing is shown (or could not be had). The main process answers one
   * request at a time, so requests that can wait (the overview's counts, tag suggestions) are sent
   * after it: at 100,000 events they came first and held the first drawing back ~0.25 s.
   */
  firstDrawing: Promise<void>
}

/** Where the drawn events and notes come from: the main process's timeline engine. */
export type ViewportSource = (query: ViewportQuery) => Promise<ViewportDrawing>
/** Which cluster counts an event in the drawing for a window (null: none does). */
export type ClusterFinder = (eventId: string, query: ViewportQuery) => Promise<string | null>

/** What makes an item look different: where it is, its classes, and what its label shows. */
function itemSignature(item: TimelineItem, noteCount: (eventId: string) => number): string {
  const base = `${item.group}|${item.type}|${String(item.start.valueOf())}|${String(item.end?.valueOf())}|${item.className}`
  if (isNoteItem(item)) return `${base}|${item.note.updated}|${item.note.label}`
  if (item.kind === 'cluster') return `${base}|${item.cluster.count}|${item.cluster.searchMatches ?? 0}`
  return `${base}|${item.event.title}|${item.event.bestGrade}|${noteCount(item.event.eventId)}`
}

export function mountTimeline(container: HTMLElement, initialView: TimelineView, source: ViewportSource, clusterHolding: ClusterFinder): TimelineHandle {
  let view = initialView
  let noteCounts: Readonly<Record<string, number>> = {}
  let search: ShownSearch | null = null
  const searchListeners: ((search: ShownSearch | null) => void)[] = []
  let filter: EventFilter = {}
  let laneChoice: readonly string[] | null = null
  /** The note on a span or moment the analyst has chosen, drawn even where more notes crowd it out. */
  let chosenNote: string | null = null
  let moveListener: (annotationId: string, date: string) => Promise<boolean> = async () => false
  const itemSet = new DataSet<TimelineItem>()
  const groupSet = new DataSet<DataGroup>()
  /** The engine's last answer, and a counter so a slow answer never overwrites a newer one. */
  let slice: ViewportDrawing | null = null
  let asked = 0
  let frameRequested = false
  /** Changes to what is drawn so far (events, notes, lanes, filter). */
  let changes = 0
  let firstDrawn!: () => void
  const firstDrawing = new Promise<void>((resolve) => (firstDrawn = resolve))

  function drawnLanes() {
    return view.lanes.filter((lane) => !lane.hidden && (!laneChoice || laneChoice.includes(lane.id)))
  }

  function drawLanes(): void {
    syncDataSet(groupSet, [
      notesLane.group(),
      ...toLaneGroups(drawnLanes(), view.hasEventsWithoutLane),
    ])
  }

  /** Turns the engine's answer into items: events as themselves, crowded stretches as clusters. */
  function drawSlice(answer: ViewportDrawing): void {
    slice = answer
    noteCounts = answer.noteCounts
    const laneIndex = new Map(view.lanes.filter((lane) => !lane.hidden).map((lane, index) => [lane.id, index]))
    const { start, end, widthPx } = ahead.askedFor(answer) ?? queryFor(handle.visibleWindow())
    const items: TimelineItem[] = [
      ...answer.items.map((event) => toEventItem(event, laneIndex.get(event.lane) ?? 7, event.matchesSearch === true)),
      ...answer.clusters.map((cluster) => toClusterItem(cluster, laneIndex.get(cluster.lane) ?? 7, (end - start) / widthPx)),
    ]
    inOneLayout(timeline, () => syncDataSet<TimelineItem>(itemSet, items, (item) => !isNoteItem(item), signatureOf))
    container.dataset.drawnItems = String(items.length)
    notesLane.draw(slice)
    firstDrawn()
  }

  const signatureOf = (item: TimelineItem) => itemSignature(item, (eventId) => noteCounts[eventId] ?? 0)

  const notesLane = createNotesLane({ timeline: () => timeline, items: itemSet, signatureOf, onFold: (folded) => foldNotes(folded) })
  const foldListeners: ((folded: boolean) => void)[] = []
  function foldNotes(folded: boolean): void {
    if (folded === notesLane.folded) return
    notesLane.fold(folded)
    drawLanes()
    // vis-timeline finds the lanes in view from where they were at its last redraw, so lanes that
    // come into view as the Notes lane folds are drawn at the redraw after (none came by itself).
    void redrawAll().then(() => requestAnimationFrame(() => timeline.redraw()))
    for (const listener of foldListeners) listener(folded)
  }

  function drawingWidth(): number {
    return container.querySelector<HTMLElement>('.vis-panel.vis-center')?.clientWidth || container.clientWidth || 1
  }

  function queryFor(window: VisibleWindow): ViewportQuery {
    const laneIds = drawnLanes().map((lane) => lane.id)
    if (view.hasEventsWithoutLane) laneIds.push(NO_LANE)
    return { ...window, widthPx: drawingWidth(), laneIds, filter, ...(chosenNote ? { chosenNote } : {}), ...shownMarks() }
  }

  const shownMarks = (): ShownMarks => ({ ...(search ? { search } : {}), ...(notesLane.folded ? { notesFolded: true } : {}) })

  /** The drawing shown can draw the window: it covers it at its level of detail, marks what the window shows (search, Notes lane), and shows the chosen note (or none). */
  function slicedFor(window: VisibleWindow): boolean {
    if (!slice || !sliceStillFits(slice, window, drawingWidth())) return false
    const asked = ahead.askedFor(slice)
    return !asked || (marksAlike(asked, shownMarks()) && showsChosenNote(asked, slice, chosenNote ?? undefined))
  }

  /** Asks the engine for the window when the last answer no longer covers it (or `force`). */
  async function refreshItems(force = false): Promise<void> {
    const window = handle.visibleWindow()
    if (!force && slicedFor(window)) return
    const mine = ++asked
    const answer = await ahead.drawing(queryFor(window))
    if (answer && mine === asked) drawSlice(answer)
    // Also when the engine failed to answer: what waits for the first drawing must not wait forever.
    firstDrawn()
    fetchAheadSoon()
  }

  /** Where the last move asked for is going (it is shown once its drawing arrives). */
  let pendingWindow: VisibleWindow | null = null
  let moves = 0
  /** The last move asked for; settles once its window is shown (a selection is revealed after it). */
  let lastMove: Promise<void> = Promise.resolve()
  function moveTo(next: VisibleWindow): void {
    lastMove = move(next)
  }
  /**
   * A move in one step (a button, a key, the overview strip, go to date): the drawing for the new
   * window is fetched first and shown together with it, so vis-timeline redraws once rather than
   * for the move and again for the new items. A newer move supersedes one still waiting.
   */
  async function move(next: VisibleWindow): Promise<void> {
    pendingWindow = next
    const mine = ++moves
    const needed = !slicedFor(next)
    const changesBefore = changes
    const answer = needed ? await ahead.drawing(queryFor(next)) : null
    if (mine !== moves) return
    pendingWindow = null
    // What is drawn changed while the drawing was on its way: it may show the old state, so ask again.
    const outdated = changes !== changesBefore
    if (answer && !outdated) {
      asked++ // an answer for an older window, still on its way, must not replace this one
      drawSlice(answer)
    }
    timeline.setWindow(next.start, next.end, { animation: false })
    if (answer && outdated) void refreshItems(true)
    fetchAheadSoon()
  }

  const ahead = new DrawingsAhead(source)
  let aheadTimer: ReturnType<typeof setTimeout> | undefined
  /**
   * Once the window has stopped moving, fetches the drawings one step away that the last answer
   * cannot draw; waits a few frames so a drag or a run of steps asks only where it ends.
   */
  function fetchAheadSoon(): void {
    clearTimeout(aheadTimer)
    aheadTimer = setTimeout(() => {
      if (pendingWindow) return
      for (const window of windowsOneStepAway(handle.visibleWindow())) if (!slicedFor(window)) ahead.fetch(queryFor(window))
    }, FETCH_AHEAD_AFTER_MS)
  }

  /** What is drawn changed: draw the window again, and ask afresh for the drawings ahead. */
  function redrawAll(): Promise<void> {
    changes++
    ahead.forget()
    return refreshItems(true)
  }

  /** The window after the moves asked for so far: steps in quick succession add up. */
  const targetWindow = () => pendingWindow ?? handle.visibleWindow()

  const rangeListeners: ((window: VisibleWindow) => void)[] = []
  /**
   * Range changes arrive many times a frame while dragging; ask and tell listeners at most once per
   * frame. vis-timeline's own 'rangechanged' comes 200 ms after a change stops, too late to follow.
   */
  function refreshSoon(): void {
    if (frameRequested) return
    frameRequested = true
    requestAnimationFrame(() => {
      frameRequested = false
      void refreshItems()
      const window = handle.visibleWindow()
      for (const listener of rangeListeners) listener(window)
    })
  }

  // vis-timeline logs "WARNING: infinite loop in redraw?" on many steps: it counts the redraws it skips
  // while hidden (it is built hidden), so it is past its limit of five when shown, and until a redraw
  // changes no size it skips the second pass after one that does. Measured: lanes and labels agree.
  const options: TimelineOptions = {
    height: '100%',
    orientation: { axis: 'top', item: 'top' },
    stack: true,
    showCurrentTime: false,
    // vis-timeline's own watch polls the container's size every second and redraws whole when it
    // finds it changed, which it did in the middle of zoom steps: see containerSize.ts.
    autoResize: false,
    zoomMin: ZOOM_MIN,
    zoomMax: ZOOM_MAX,
    zoomFriction: 8,
    selectable: true,
    multiselect: false,
    verticalScroll: true,
    horizontalScroll: false,
    margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
    // Only notes may be dragged (each note item says so); events are facts and are edited in a form.
    editable: { add: false, remove: false, updateGroup: false, updateTime: false, overrideItems: false },
    // Analysts' dates are UTC (EDTF without offset); the axis says so and never shifts a day.
    moment: (date: moment.MomentInput) => moment(date).utc(),
    template: (item?: TimelineItem) => {
      if (!item) return el('span')
      // A note's band across the lanes stays unlabelled; its bar in the Notes lane carries the label.
      if (isNoteItem(item)) return item.type === 'background' ? el('span') : renderNoteLabel(item)
      if (item.kind === 'cluster') return renderClusterLabel(item)
      return renderEventLabel(item, noteCounts[item.event.eventId] ?? 0)
    },
    groupTemplate: (group) => (group?.id === NOTES_LANE ? notesLane.label() : renderLaneLabel(group)),
    // Defence in depth: templates already return Elements; allow no tags at all if HTML ever gets through.
    xss: { disabled: false, filterOptions: { whiteList: {} } },
    onMove: (item: VisItem, callback: (item: VisItem | null) => void) => {
      const note = drawnNote(annotationIdOf(String(item.id)))
      if (!note || !item.end) return callback(null)
      const { start, end } = handle.visibleWindow()
      const date = edtfForDrag(new Date(item.start).valueOf(), new Date(item.end).valueOf() - 1, end - start)
      void moveListener(note.id, date).then((keep) => callback(keep ? item : null))
    },
  }

  drawLanes()
  container.hidden = true
  const timeline = new Timeline(container, itemSet as DataSet<DataItem>, groupSet, options)
  container.hidden = false
  if (!batchItemLayout(timeline)) console.warn('Annalist: vis-timeline changed; new items are laid out one by one (slower zoom steps)')
  const leftEdge = keepLabelsAtLeftEdge(timeline)
  if (leftEdge !== 'events and axis') console.warn(`Annalist: vis-timeline changed; labels cut by the window's left edge are kept in view only for ${leftEdge}`)

  const frame = (start: number, end: number) => moveTo(framedWindow(start, end))
  const fit = () => (view.range ? frame(view.range.start, view.range.end) : timeline.fit({ animation: false }))
  const fitNow = () => {
    if (!view.range) return timeline.fit({ animation: false })
    const { start, end } = framedWindow(view.range.start, view.range.end)
    timeline.setWindow(start, end, { animation: false })
  }
  fitNow()
  // After the window is set: the first drawing is asked for the window shown.
  followContainerSize(timeline, container, { onFirstDrawn: () => void refreshItems(true), onResized: refreshSoon })
  timeline.on('rangechange', ({ byUser }: { byUser?: boolean }) => {
    // A drag or the wheel wins over a step still waiting for its drawing.
    if (byUser && pendingWindow) {
      moves++
      pendingWindow = null
    }
    refreshSoon()
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

  // The folded Notes lane's one bar unfolds it (it cannot be selected: it is not a note).
  timeline.on('click', ({ item }: { item: string | null }) => item === MORE_NOTES_ID && notesLane.folded && foldNotes(false))

  // A moment note is a vertical line the analyst can drag; its label sits in the Notes lane.
  timeline.on('timechanged', ({ id, time }: { id: string; time: Date }) => {
    const note = drawnNote(annotationIdOfMoment(String(id)))
    if (!note) return
    const { start, end } = handle.visibleWindow()
    void moveListener(note.id, edtfForDrag(time.valueOf(), time.valueOf(), end - start)).then((keep) => {
      if (!keep) handle.notesChanged()
    })
  })

  const drawnNote = notesLane.drawnNote

  const chosen = markChosen({
    timeline,
    items: itemSet,
    lanes: groupSet,
    afterMoves: () => lastMove,
    // Asked of the window the drawing shown was made for, so the cluster found is the one drawn.
    clusterHolding: (eventId) => clusterHolding(eventId, (slice && ahead.askedFor(slice)) ?? queryFor(handle.visibleWindow())),
  })

  /** Moves the window to `span` when it lies outside it, framing it when it is wider than the window. */
  function bringIntoWindow(span: VisibleWindow): void {
    const next = windowShowing(span, targetWindow())
    if (next) moveTo(next)
  }

  const handle: TimelineHandle = {
    firstDrawing,
    fit,
    frame,
    // Within vis-timeline's own zoom limits, so the drawing fetched is for the window it will show.
    zoom: (factor) => moveTo(zoomedWindow(targetWindow(), factor)),
    pan: (fraction) => moveTo(pannedWindow(targetWindow(), fraction)),
    setWindow: (window) => moveTo(window),
    visibleWindow: () => {
      const range = timeline.getWindow()
      return { start: range.start.valueOf(), end: range.end.valueOf() }
    },
    select: (selection, span) => {
      // A note on an event is shown by its event's badge; only notes on spans and moments have bars.
      chosenNote = selection?.kind === 'annotation' && !selection.eventId ? selection.id : null
      const movesBefore = moves
      if (selection && span) bringIntoWindow(span)
      // Where the Notes lane is full the chosen note's bar may not be drawn: ask for it (or, once
      // it is no longer chosen, for the drawing without it).
      if (moves === movesBefore && !slicedFor(targetWindow())) moveTo(targetWindow())
      chosen.choose(selection)
    },
    onSelect: (listener) =>
      timeline.on('select', ({ items: picked }: { items: string[] }) => {
        const item = picked[0] === undefined ? undefined : itemSet.get(picked[0])
        if (!item) return listener(null)
        if (item.id === MORE_NOTES_ID) return listener(null)
        if (isNoteItem(item)) return listener({ kind: 'annotation', id: item.note.id })
        if (item.kind === 'event') return listener({ kind: 'event', id: item.event.eventId })
        // A cluster is not a thing to select: clicking it zooms in until it splits, its lane in view.
        timeline.setSelection([])
        handle.frame(item.cluster.start, Math.max(item.cluster.end, item.cluster.start + 3_600_000))
        const mine = moves
        void lastMove.then(() => revealLane(timeline, String(item.group), () => moves === mine))
      }),
    onRangeChange: (listener) => void rangeListeners.push(listener),
    update: (next) => {
      view = next
      drawLanes()
      redrawAll()
    },
    notesChanged: redrawAll,
    foldNotes,
    notesFolded: () => notesLane.folded,
    onNotesFolded: (listener) => void foldListeners.push(listener),
    markSearch: (next) => {
      if (JSON.stringify(next) === JSON.stringify(search)) return
      search = next
      void redrawAll()
      for (const listener of searchListeners) listener(search)
    },
    onSearchMarked: (listener) => void searchListeners.push(listener),
    setFilter: (next) => {
      filter = next
      redrawAll()
    },
    showLanes: (laneIds) => {
      laneChoice = laneIds
      drawLanes()
      redrawAll()
    },
    shownLanesAndFilter: () => ({ laneIds: laneChoice, filter }),
    onNoteMoved: (listener) => {
      moveListener = listener
    },
  }
  return handle
}
