/** The main window: sandboxed, context-isolated, no Node in the page. */
import { BrowserWindow, screen } from 'electron'
import { APP_ORIGIN } from '../security/appUrl'
import { dataDir, preloadScript } from './paths'
import { MIN_WINDOW_SIZE } from './windowPlacement'
import { rememberWindowPlacement, restoreWindowPlacement } from './windowState'

let mainWindow: BrowserWindow | null = null
let placementSaved: () => Promise<void> = async () => undefined

/** Resolves once the window's last size and position are on disk (the quit guard waits for it). */
export function windowPlacementSaved(): Promise<void> {
  return placementSaved()
}

export function getMainWindow(): BrowserWindow | null {
  return mainWindow
}

/** Opens the main window where the analyst last left it (on a screen that is still there). */
export async function createMainWindow(): Promise<BrowserWindow> {
  const placement = await restoreWindowPlacement(dataDir(), screen)
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Annalist',
    backgroundColor: '#f6f5f1',
    show: false,
    webPreferences: {
      preload: preloadScript(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would ask for a new window; setWindowOpenHandler denies that too, but the page
      // need not even see the event.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  if (placement.maximized) window.maximize()
  const remembered = rememberWindowPlacement(window, dataDir())
  placementSaved = () => remembered.flush()
  window.once('ready-to-show', () => window.show())
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  void window.loadURL(`${APP_ORIGIN}/index.html`)
  mainWindow = window
  return window
}

export function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}
