/**
 * The analyst's steps around the timeline (zoom buttons and keys, arrow-key pans) and the windows
 * they lead to. One place, so the drawing fetched ahead of a step is for the window it will show.
 */

export const HOUR = 3_600_000
const YEAR = 365.25 * 24 * HOUR
/** The narrowest window: an hour. */
export const ZOOM_MIN = HOUR
/** The widest window: eight decades. */
export const ZOOM_MAX = 80 * YEAR

/** One zoom step doubles or halves the span shown. */
export const ZOOM_STEP = 2
/** One pan step moves the window by a fifth of its width. */
export const PAN_STEP = 0.2

export interface VisibleWindow {
  start: number
  end: number
}

/** `window` zoomed by `factor` (above 1: in) about its middle, within the zoom limits. */
export function zoomedWindow({ start, end }: VisibleWindow, factor: number): VisibleWindow {
  const middle = (start + end) / 2
  const half = Math.min(Math.max((end - start) / factor, ZOOM_MIN), ZOOM_MAX) / 2
  return { start: middle - half, end: middle + half }
}

/** `window` moved by `fraction` of its width (negative: towards the past). */
export function pannedWindow({ start, end }: VisibleWindow, fraction: number): VisibleWindow {
  const shift = (end - start) * fraction
  return { start: start + shift, end: end + shift }
}

/** Room either side of a framed span, in shares of its width: labels run to the right of their date. */
export const FRAME_ROOM = { before: 0.04, after: 0.16 }

/** A span as the timeline frames it (Fit, a search result, go to date): at least a day, with room either side. */
export function framedWindow(start: number, end: number): VisibleWindow {
  const width = Math.max(end - start, 24 * HOUR)
  return { start: start - width * FRAME_ROOM.before, end: end + width * FRAME_ROOM.after }
}

/**
 * The window that brings `span` into view from `window`: framed when it is wider than the window,
 * centred when it lies outside it; null when it is already in view.
 */
export function windowShowing(span: VisibleWindow, window: VisibleWindow): VisibleWindow | null {
  const width = window.end - window.start
  if (span.end - span.start > width) return framedWindow(span.start, span.end)
  if (span.end >= window.start && span.start <= window.end) return null
  const middle = (span.start + span.end) / 2
  return { start: middle - width / 2, end: middle + width / 2 }
}

/** Where each single step from `window` leads: zoom in, zoom out, pan right, pan left. */
export function windowsOneStepAway(window: VisibleWindow): VisibleWindow[] {
  return [zoomedWindow(window, ZOOM_STEP), zoomedWindow(window, 1 / ZOOM_STEP), pannedWindow(window, PAN_STEP), pannedWindow(window, -PAN_STEP)]
}
