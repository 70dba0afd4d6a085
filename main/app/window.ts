/** The main window: sandboxed, context-isolated, no Node in the page. */
import { BrowserWindow } from 'electron'
import { APP_ORIGIN } from '../security/appUrl'
import { preloadScript } from './paths'

let mainWindow: BrowserWindow | null = null

export function getMainWindow(): BrowserWindow | null {
  return mainWindow
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
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
