/**
 * Remembering the main window's size and position in `<dataDir>/preferences/window.json`.
 *
 * Wiring (main/app/window.ts):
 *   const placement = await restoreWindowPlacement(dataDir(), screen)
 *   const window = new BrowserWindow({ ...placement.bounds, ... })
 *   if (placement.maximized) window.maximize()
 *   const remembered = rememberWindowPlacement(window, dataDir())
 *   // before quitting: await remembered.flush()
 *
 * Electron objects are passed in rather than imported, so Node tests drive this with stand-ins.
 */
import type { Rectangle, Screen } from 'electron'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { writeFileDurably } from '../store/durableWrite'
import {
  parseWindowPlacement,
  placeOnScreens,
  serializeWindowPlacement,
  windowPlacementFile,
  type WindowPlacement,
} from './windowPlacement'

/** The parts of a BrowserWindow this module uses. */
export interface PlacedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown
  getNormalBounds(): Rectangle
  isMaximized(): boolean
  isDestroyed(): boolean
}

/** Moving or resizing fires many events a second; save once the window has been still this long. */
export const SAVE_DELAY_MS = 750

export async function restoreWindowPlacement(
  dataDir: string,
  screen: Pick<Screen, 'getPrimaryDisplay' | 'getAllDisplays'>,
): Promise<WindowPlacement> {
  const text = await readFile(windowPlacementFile(dataDir), 'utf8').catch(() => null)
  const saved = text === null ? null : parseWindowPlacement(text)
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id)
  return placeOnScreens(saved, [primary, ...others].map((display) => display.workArea))
}

export async function saveWindowPlacement(dataDir: string, placement: WindowPlacement): Promise<void> {
  const file = windowPlacementFile(dataDir)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFileDurably(file, serializeWindowPlacement(placement))
}

export interface RememberedWindow {
  /** Writes any placement still waiting for its delay; resolves when every write has finished. */
  flush(): Promise<void>
}

export function rememberWindowPlacement(window: PlacedWindow, dataDir: string): RememberedWindow {
  let timer: NodeJS.Timeout | null = null
  let pending: WindowPlacement | null = null
  // Writes run one after another so an older placement never lands after a newer one.
  let writes: Promise<void> = Promise.resolve()

  const current = (): WindowPlacement => ({ bounds: window.getNormalBounds(), maximized: window.isMaximized() })

  const writePending = (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = null
    const placement = pending
    pending = null
    if (placement) {
      writes = writes
        .then(() => saveWindowPlacement(dataDir, placement))
        // A window position is a convenience, not the analyst's work: a failed write is only logged.
        .catch((error: unknown) => console.warn('Could not remember the window position:', error))
    }
    return writes
  }

  const noteChange = (): void => {
    if (window.isDestroyed()) return
    pending = current()
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void writePending(), SAVE_DELAY_MS)
  }

  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, noteChange)
  // The last chance to read the bounds: after 'close' the window is gone.
  window.on('close', () => {
    if (!window.isDestroyed()) pending = current()
    void writePending()
  })

  return { flush: writePending }
}
