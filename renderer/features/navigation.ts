/** Moving around the timeline: zoom, fit, pan, go to date, next/previous event. */
import type { AppContext } from '../shell/appContext'
import { toolButton, toolGroup } from '../controls/toolbar'
import { createGoToDateDialog } from '../controls/goToDate'
import { request } from '../api'
import { PAN_STEP, ZOOM_STEP } from '../timeline/steps'

export function mountNavigation(context: AppContext): void {
  const { timeline } = context
  const goToDate = createGoToDateDialog((span) => timeline.frame(span.start, span.end))
  context.dialogs.append(goToDate.element)

  const zoomIn = () => timeline.zoom(ZOOM_STEP)
  const zoomOut = () => timeline.zoom(1 / ZOOM_STEP)
  const fit = () => timeline.fit()

  /** Next / previous event in time order, asked of the main process (it holds every event). */
  async function step(direction: 1 | -1): Promise<void> {
    const selected = context.selection.current()
    const next = await request('stepEvent', selected?.kind === 'event' ? selected.id : null, direction)
    if (next) context.selection.set({ kind: 'event', id: next.id }, next.span)
  }

  context.toolbar.add(
    toolGroup('Zoom', [
      toolButton('Zoom out', '−', '−', zoomOut),
      toolButton('Zoom in', '+', '+', zoomIn),
      toolButton('Fit whole timeline', 'Fit', '0', fit),
      toolButton('Go to date', 'Go to date…', 'G', () => goToDate.open()),
    ]),
  )
  for (const shortcut of [
    { keys: ['+', '='], label: 'Zoom in', run: zoomIn },
    { keys: ['-', '_'], label: 'Zoom out', run: zoomOut },
    { keys: ['0'], label: 'Fit whole timeline', run: fit },
    { keys: ['ArrowLeft'], label: 'Pan left', run: () => timeline.pan(-PAN_STEP) },
    { keys: ['ArrowRight'], label: 'Pan right', run: () => timeline.pan(PAN_STEP) },
    { keys: ['j', 'ArrowDown'], label: 'Next event', run: () => void step(1) },
    { keys: ['k', 'ArrowUp'], label: 'Previous event', run: () => void step(-1) },
    { keys: ['g', 'Mod+g'], label: 'Go to date', run: () => goToDate.open() },
  ]) {
    context.shortcuts.add(shortcut)
  }
  context.addCommand('zoom-in', 'Zoom in', zoomIn)
  context.addCommand('zoom-out', 'Zoom out', zoomOut)
  context.addCommand('zoom-fit', 'Fit whole timeline', fit)
  context.addCommand('go-to-date', 'Go to date…', () => goToDate.open())
}
