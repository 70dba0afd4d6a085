/**
 * The analyst's data folder: where timeline files live and how the first run is seeded.
 * Layout: `<dataDir>/timelines/<name>.annalist.json`; snapshots in `<dataDir>/backups/<name>/`
 * (main/store/backups.ts); a broken file is kept beside the timeline as `<file>.corrupt-<time>`.
 */
import { access, mkdir, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { writeFileDurably } from './durableWrite'

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
 * Returns the default timeline's path, copying the bundled seed there on the very first run only:
 * an existing file is never replaced, whatever state it is in, and a missing file that has backups
 * is left for opening to restore (and report), not quietly replaced by the seed.
 */
export async function ensureDefaultTimeline({ dataDir, bundledDataDir }: LibraryPaths): Promise<string> {
  await mkdir(timelinesDir(dataDir), { recursive: true })
  const file = timelinePath(dataDir, DEFAULT_TIMELINE_NAME)
  const hasBackups = (await readdir(path.join(dataDir, 'backups', DEFAULT_TIMELINE_NAME)).catch(() => [])).length > 0
  if (!(await exists(file)) && !hasBackups) {
    await writeFileDurably(file, await readFile(seedTimelinePath(bundledDataDir), 'utf8'))
  }
  return file
}
