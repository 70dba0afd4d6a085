/**
 * Where the main window goes when Annalist starts: where the analyst left it, unless that spot is
 * no longer on any screen (a monitor unplugged, a laptop off its dock), in which case it is moved
 * onto the nearest screen and shrunk to fit. Plain TypeScript, no Electron, so Node tests cover it.
 */
import { z } from 'zod'
import path from 'node:path'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowPlacement {
  bounds: Rect
  maximized: boolean
}

/** The window's smallest usable size (the same as its `minWidth` / `minHeight`). */
export const MIN_WINDOW_SIZE = { width: 800, height: 500 } as const

export const DEFAULT_WINDOW_SIZE = { width: 1400, height: 900 } as const

const SavedPlacement = z.strictObject({
  bounds: z.strictObject({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  maximized: z.boolean(),
})

export function windowPlacementFile(dataDir: string): string {
  return path.join(dataDir, 'preferences', 'window.json')
}

/** A missing, unreadable or hand-mangled file means "no saved placement", never an error. */
export function parseWindowPlacement(text: string): WindowPlacement | null {
  try {
    const result = SavedPlacement.safeParse(JSON.parse(text))
    return result.success ? result.data : null
  } catch {
    return null
  }
}

export function serializeWindowPlacement(placement: WindowPlacement): string {
  const { x, y, width, height } = placement.bounds
  const rounded = { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }
  return `${JSON.stringify({ bounds: rounded, maximized: placement.maximized }, null, 2)}\n`
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high))
}

/** Fits `size` inside `area`: never larger than the area, never smaller than the window allows. */
function fitSize(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return {
    width: Math.min(Math.max(size.width, MIN_WINDOW_SIZE.width), area.width),
    height: Math.min(Math.max(size.height, MIN_WINDOW_SIZE.height), area.height),
  }
}

function centredIn(area: Rect, size: { width: number; height: number }): Rect {
  const fitted = fitSize(size, area)
  return {
    x: Math.round(area.x + (area.width - fitted.width) / 2),
    y: Math.round(area.y + (area.height - fitted.height) / 2),
    ...fitted,
  }
}

/**
 * Places the window wholly on one screen's work area (the screen minus task bar and menu bar).
 * `workAreas[0]` is the primary screen. The saved window keeps its spot on the screen it overlaps
 * most; if it overlaps none, it is centred on the primary screen at its saved size.
 */
export function placeOnScreens(saved: WindowPlacement | null, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0]
  if (!primary) throw new Error('placeOnScreens needs at least one screen')
  if (!saved) return { bounds: centredIn(primary, DEFAULT_WINDOW_SIZE), maximized: false }

  let best: Rect | null = null
  let bestOverlap = 0
  for (const area of workAreas) {
    const overlap = overlapArea(saved.bounds, area)
    if (overlap > bestOverlap) {
      best = area
      bestOverlap = overlap
    }
  }
  if (!best) return { bounds: centredIn(primary, saved.bounds), maximized: saved.maximized }

  const size = fitSize(saved.bounds, best)
  return {
    bounds: {
      x: clamp(saved.bounds.x, best.x, best.x + best.width - size.width),
      y: clamp(saved.bounds.y, best.y, best.y + best.height - size.height),
      ...size,
    },
    maximized: saved.maximized,
  }
}
