/** The Annalist window: asks the main process for the open timeline and lays out the views. */
import 'vis-timeline/styles/vis-timeline-graph2d.css'
import './styles.css'
import { notices, onRequestError, request } from './api'
import { el } from './dom'
import { mountTimeline, type TimelineHandle } from './timeline/timelineView'
import { createEventPanel } from './panels/eventPanel'
import { createToolbar } from './controls/toolbar'
import { createGoToDateDialog } from './controls/goToDate'
import { createShortcutSheet, installShortcuts, type Shortcut } from './controls/shortcuts'
import type { MenuCommand } from '../main/ipc/contract'

const ZOOM_STEP = 2

async function start(root: HTMLElement): Promise<void> {
  const view = await request('loadTimeline')
  document.title = `${view.meta.title} — Annalist`

  let timeline: TimelineHandle
  let selected: string | null = null

  const panel = createEventPanel(() => select(null))
  const goToDate = createGoToDateDialog((span) => timeline.frame(span.start, span.end))

  async function select(eventId: string | null): Promise<void> {
    selected = eventId
    timeline.select(eventId)
    if (!eventId) {
      panel.close()
      return
    }
    panel.show(await request('getEvent', eventId))
  }

  function step(direction: 1 | -1): void {
    const order = timeline.eventOrder()
    const index = selected ? order.indexOf(selected) : direction === 1 ? -1 : order.length
    const next = order[Math.min(order.length - 1, Math.max(0, index + direction))]
    if (next) void select(next)
  }

  const shortcuts: Shortcut[] = [
    { keys: ['+', '='], label: 'Zoom in', run: () => timeline.zoom(ZOOM_STEP) },
    { keys: ['-', '_'], label: 'Zoom out', run: () => timeline.zoom(1 / ZOOM_STEP) },
    { keys: ['0'], label: 'Fit whole timeline', run: () => timeline.fit() },
    { keys: ['ArrowLeft'], label: 'Pan left', run: () => timeline.pan(-0.2) },
    { keys: ['ArrowRight'], label: 'Pan right', run: () => timeline.pan(0.2) },
    { keys: ['j', 'ArrowDown'], label: 'Next event', run: () => step(1) },
    { keys: ['k', 'ArrowUp'], label: 'Previous event', run: () => step(-1) },
    { keys: ['g', 'Mod+g'], label: 'Go to date', run: () => goToDate.open() },
    { keys: ['?'], label: 'Show keyboard shortcuts', run: () => sheet.open() },
  ]
  const sheet = createShortcutSheet(shortcuts)
  const toolbar = createToolbar(view.meta.title, {
    zoomIn: () => timeline.zoom(ZOOM_STEP),
    zoomOut: () => timeline.zoom(1 / ZOOM_STEP),
    fit: () => timeline.fit(),
    goToDate: () => goToDate.open(),
    showShortcuts: () => sheet.open(),
  })
  onRequestError((message) => {
    toolbar.status.textContent = message
    toolbar.status.classList.add('error')
  })

  const timelineContainer = el('div', { className: 'timeline', attrs: { role: 'region', 'aria-label': 'Timeline' } })
  const banner = view.notices.length
    ? el('div', { className: 'notice-banner', attrs: { role: 'alert' } }, view.notices.map((n) => el('p', { text: n })))
    : null
  root.replaceChildren(
    toolbar.element,
    ...(banner ? [banner] : []),
    el('main', { className: 'workspace' }, [timelineContainer, panel.element]),
    goToDate.element,
    sheet.element,
  )
  timeline = mountTimeline(timelineContainer, view)
  timeline.onSelect((id) => void select(id))
  // The visible window, exposed on the region for assistive tech and tests ("1 Dec 2021 – 31 Jan 2022").
  const showWindow = ({ start, end }: { start: number; end: number }) => {
    timelineContainer.dataset.windowStart = new Date(start).toISOString()
    timelineContainer.dataset.windowEnd = new Date(end).toISOString()
  }
  showWindow(timeline.visibleWindow())
  timeline.onRangeChange(showWindow)
  installShortcuts(shortcuts, () => {
    if (panel.isOpen()) void select(null)
  })

  const menuActions: Record<MenuCommand, () => void> = {
    'zoom-in': () => timeline.zoom(ZOOM_STEP),
    'zoom-out': () => timeline.zoom(1 / ZOOM_STEP),
    'zoom-fit': () => timeline.fit(),
    'go-to-date': () => goToDate.open(),
    find: () => undefined,
    'show-shortcuts': () => sheet.open(),
  }
  notices.on('menuCommand', (command) => menuActions[command]?.())

  root.setAttribute('aria-busy', 'false')
  root.dataset.ready = 'true'
}

const root = document.getElementById('app')!
start(root).catch((error: unknown) => {
  root.replaceChildren(
    el('div', { className: 'fatal', attrs: { role: 'alert' } }, [
      el('h1', { text: 'Annalist could not open the timeline' }),
      el('p', { text: error instanceof Error ? error.message : String(error) }),
    ]),
  )
})
