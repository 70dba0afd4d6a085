/** The main window: sandboxed, context-isolated, no Node in the page. */
import { BrowserWindow, screen } from 'electron'
import { APP_ORIGIN } from '../security/appUrl'
import { dataDir, preloadScript } from './paths'
import { MIN_WINDOW_SIZE } from './windowPlacement'
import { rememberWindowPlacement, restoreWindowPlacement } from './windowState'

let mainWindow: BrowserWindow | null = null

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
    },
  })
  if (placement.maximized) window.maximize()
  rememberWindowPlacement(window, dataDir())
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
