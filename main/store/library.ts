/**
 * The analyst's data folder: where timeline files live and how the first run is seeded.
 * Layout: `<dataDir>/timelines/<name>.annalist.json`.
 */
import { access, copyFile, mkdir } from 'node:fs/promises'
import path from 'node:path'

export const TIMELINE_EXTENSION = '.annalist.json'
export const DEFAULT_TIMELINE_NAME = 'russia-west-crisis'

export interface LibraryPaths {
  dataDir: string
  /** The folder holding `seed/` (the app's bundled `data/`). */
  bundledDataDir: string
}

export function timelinesDir(dataDir: string): string {
  return path.join(dataDir, 'timelines')
}

export function timelinePath(dataDir: string, name: string): string {
  return path.join(timelinesDir(dataDir), `${name}${TIMELINE_EXTENSION}`)
}

export function seedTimelinePath(bundledDataDir: string): string {
  return path.join(bundledDataDir, 'seed', `${DEFAULT_TIMELINE_NAME}.json`)
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

/**
 * Returns the default timeline's path, copying the bundled seed there on first run only:
 * an existing file is never replaced, whatever state it is in.
 */
export async function ensureDefaultTimeline({ dataDir, bundledDataDir }: LibraryPaths): Promise<string> {
  await mkdir(timelinesDir(dataDir), { recursive: true })
  const file = timelinePath(dataDir, DEFAULT_TIMELINE_NAME)
  if (!(await exists(file))) {
    await copyFile(seedTimelinePath(bundledDataDir), file, 1 /* COPYFILE_EXCL: never overwrite */).catch((error) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    })
  }
  return file
}
