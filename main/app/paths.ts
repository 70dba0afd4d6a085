/** Where things are on disk when running as the desktop app. */
import { app } from 'electron'
import path from 'node:path'

/** The analyst's data folder; `ANNALIST_DATA_DIR` overrides it (tests give each run its own). */
export function dataDir(): string {
  return process.env.ANNALIST_DATA_DIR || path.join(app.getPath('userData'), 'data')
}

/** The app's bundled `data/` folder (seed timeline, schema). */
export function bundledDataDir(): string {
  return path.join(app.getAppPath(), 'data')
}

export function rendererRoot(): string {
  return path.join(app.getAppPath(), 'dist', 'renderer')
}

export function preloadScript(): string {
  return path.join(app.getAppPath(), 'dist', 'preload', 'index.cjs')
}
