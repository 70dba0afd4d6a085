/**
 * What one benchmark run measures, for Annalist and the peer alike, and the bookkeeping both
 * runs share: step samples into figures, and a run cut short by a time limit.
 */
import { median, quantile, StepTimeout, type StepSamples } from './steps'

export interface Limits {
  openMs: number
  stepMs: number
}

export interface RunFigures {
  openMs: number | null
  zoomP50Ms: number | null
  zoomP95Ms: number | null
  panP95Ms: number | null
  searchMs: number | null
  annotationAckMs: number | null
  heapMB: number | null
  /** Figures that are the time limit rather than a measurement (the step never finished). */
  timedOut: string[]
  /**
   * Extra: open timed from the launch (starting the browser and its page included) rather than from
   * the window's start; `openMs` is the latter.
   */
  openWithLaunchMs?: number | null
  /** Extra: the first of the notes added (`annotationAckMs` is their median). */
  firstNoteAckMs?: number | null
  /** Extra: figure preview (SVG) round trip, measured at 10,000 events only. */
  figurePreviewMs?: number | null
}

export function noFigures(): RunFigures {
  return { openMs: null, zoomP50Ms: null, zoomP95Ms: null, panP95Ms: null, searchMs: null, annotationAckMs: null, heapMB: null, timedOut: [] }
}

/** The zoom and pan figures from a run's steps; a kind that hit the limit is marked as a bound. */
export function recordSteps(figures: RunFigures, steps: StepSamples, progress: (line: string) => void): void {
  figures.zoomP50Ms = median(steps.zoom)
  figures.zoomP95Ms = quantile(steps.zoom, 0.95)
  figures.panP95Ms = quantile(steps.pan, 0.95)
  if (steps.timedOut === 'zoom') figures.timedOut.push('zoomP50Ms', 'zoomP95Ms')
  if (steps.timedOut === 'pan') figures.timedOut.push('panP95Ms')
  progress(`    zoom p50 ${formatMs(figures.zoomP50Ms)} p95 ${formatMs(figures.zoomP95Ms)}, pan p95 ${formatMs(figures.panP95Ms)}`)
}

/**
 * A run stopped by a time limit keeps the figures it has; one that never opened counts the limit
 * as its open time (a bound). Any other error is not the benchmark's to absorb.
 */
export function cutShort(error: unknown, figures: RunFigures, limits: Limits, progress: (line: string) => void): RunFigures {
  if (!(error instanceof StepTimeout)) throw error
  progress(`    ${error.message}`)
  if (figures.openMs === null) {
    figures.openMs = limits.openMs
    figures.timedOut.push('openMs')
  }
  return figures
}

export const formatMs = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`)
