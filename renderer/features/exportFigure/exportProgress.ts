/**
 * How an export is going, beside the Export button: the stage the main process reports (the
 * `figureProgress` notice: drawing, converting to PNG or PDF, writing), the seconds so far, then
 * the file saved (name and size), a cancelled save dialog, or the error in words.
 */
import type { FigureProgress } from '../../../main/figure/figureResults'
import type { FigureFormat } from '../../../main/figure/options'
import { notices } from '../../api'
import { el } from '../../dom'
import { FORMAT_NAMES } from './figureForm'
import { countOf } from '../../counts'

export interface ExportProgress {
  element: HTMLElement
  running(): boolean
  start(format: FigureFormat): void
  saved(fileName: string, bytes: number, omissions: string[]): void
  cancelled(): void
  failed(message: string): void
  reset(): void
}

function stageWords({ stage, format, events }: FigureProgress): string {
  const count = events ? ` (${countOf(events, 'event')})` : ''
  switch (stage) {
    case 'drawing':
      return 'Drawing the figure…'
    case 'converting':
      return `Making the ${FORMAT_NAMES[format]}${count}…`
    case 'saving':
      return 'Writing the file…'
  }
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function exportProgress(): ExportProgress {
  // No value: an indeterminate bar until the main process names a stage.
  const bar = el('progress', { attrs: { max: 3, 'aria-label': 'Export progress' } })
  const message = el('span', { className: 'export-message' })
  const elapsed = el('span', { className: 'export-elapsed muted' })
  const element = el('div', { className: 'export-progress', attrs: { role: 'status', 'aria-live': 'polite' } }, [bar, message, elapsed])
  let startedAt = 0
  let ticker: ReturnType<typeof setInterval> | undefined
  let isRunning = false

  const STAGE_STEP: Record<FigureProgress['stage'], number> = { drawing: 1, converting: 2, saving: 3 }
  notices.on('figureProgress', (progress) => {
    if (!isRunning) return
    bar.value = STAGE_STEP[progress.stage]
    message.textContent = stageWords(progress)
  })

  function stop(kind: 'done' | 'error' | 'idle', text: string): void {
    isRunning = false
    clearInterval(ticker)
    bar.hidden = true
    elapsed.textContent = kind === 'idle' || !startedAt ? '' : `${((performance.now() - startedAt) / 1000).toFixed(1)} s`
    message.textContent = text
    element.dataset.state = kind
  }

  const progress: ExportProgress = {
    element,
    running: () => isRunning,
    start(format) {
      isRunning = true
      startedAt = performance.now()
      bar.hidden = false
      bar.removeAttribute('value')
      // The native save dialog comes first; the stages follow once a file is chosen.
      message.textContent = `Exporting ${FORMAT_NAMES[format]}…`
      elapsed.textContent = ''
      element.dataset.state = 'running'
      ticker = setInterval(() => (elapsed.textContent = `${Math.floor((performance.now() - startedAt) / 1000)} s`), 1000)
    },
    saved(fileName, bytes, omissions) {
      stop('done', `Saved ${fileName} (${size(bytes)})${omissions.length ? ` · ${omissions.join(' · ')}` : ''}`)
    },
    cancelled: () => stop('idle', 'Export cancelled; nothing was saved.'),
    failed: (text) => stop('error', text),
    reset() {
      startedAt = 0
      stop('idle', '')
    },
  }
  progress.reset()
  return progress
}
