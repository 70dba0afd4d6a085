/**
 * The analyst's timelines: every file in `<dataDir>/timelines/` is one timeline (layout in
 * main/store/library.ts). Files opened from elsewhere (a USB stick, a mail attachment saved to
 * Documents) stay where they are and are written in place, as desktop apps do; their backups live in
 * the data folder under `elsewhere/<name>-<hash of the path>/`, so two outside files with the same
 * name never share (or restore) each other's snapshots.
 */
import { createHash } from 'node:crypto'
import { access, mkdir, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { TimelineDocument } from '../domain/timeline'
import { backupsDir } from '../store/backups'
import { writeFileDurably } from '../store/durableWrite'
import { DEFAULT_TIMELINE_NAME, TIMELINE_EXTENSION, timelinePath, timelinesDir } from '../store/library'
import { emptyTimeline } from '../store/openTimeline'
import { readTimelineFile, serializeTimeline } from '../store/timelineFile'
import type { LibraryTimeline } from './workspacePayloads'

export interface LibraryPaths {
  dataDir: string
  /** The app's bundled `data/` (the seed), used only for the default timeline. */
  bundledDataDir?: string
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

/** "Sahel coups, 2020–23" → "sahel-coups-2020-23": letters of any script stay; punctuation does not. */
export function timelineNameFor(title: string): string {
  const slug = title
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'timeline'
}

/** The library name of a file directly in the timelines folder, or null for a file from elsewhere. */
export function libraryNameOf(dataDir: string, file: string): string | null {
  const resolved = path.resolve(file)
  if (path.dirname(resolved) !== path.resolve(timelinesDir(dataDir))) return null
  const base = path.basename(resolved)
  return base.endsWith(TIMELINE_EXTENSION) && base.length > TIMELINE_EXTENSION.length ? base.slice(0, -TIMELINE_EXTENSION.length) : null
}

/** Where the store keeps this file's backups (its `dataDir`), and the seed for the default timeline. */
export function storePlaceFor(paths: LibraryPaths, file: string): LibraryPaths {
  const name = libraryNameOf(paths.dataDir, file)
  if (name !== null) return name === DEFAULT_TIMELINE_NAME ? paths : { dataDir: paths.dataDir }
  const resolved = path.resolve(file)
  const hash = createHash('sha256').update(resolved).digest('hex').slice(0, 10)
  return { dataDir: path.join(paths.dataDir, 'elsewhere', `${timelineNameFor(path.basename(resolved))}-${hash}`) }
}

/**
 * Every timeline in the library, newest change first; unreadable files are listed with the reason.
 * `known` answers for a timeline already in memory (the open one), so its file is not read again.
 */
export async function listLibrary(dataDir: string, known?: { name: string; title: string; events: number; annotations: number }): Promise<LibraryTimeline[]> {
  const folder = timelinesDir(dataDir)
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith(TIMELINE_EXTENSION) && n.length > TIMELINE_EXTENSION.length)
  const listed: LibraryTimeline[] = []
  for (const fileName of names) {
    const file = path.join(folder, fileName)
    const name = fileName.slice(0, -TIMELINE_EXTENSION.length)
    const modified = await stat(file).then((s) => s.mtime.toISOString(), () => null)
    if (modified === null) continue // removed while listing
    if (known && known.name === name) {
      listed.push({ ...known, modified, problem: null })
      continue
    }
    const read = await readTimelineFile(file).catch((error: Error) => error)
    if (read instanceof Error || read === null) {
      listed.push({ name, title: name, events: 0, annotations: 0, modified, problem: read ? read.message : 'the file is missing' })
      continue
    }
    const { loaded } = read
    if (loaded.kind === 'unreadable') {
      listed.push({ name, title: name, events: 0, annotations: 0, modified, problem: loaded.reason })
      continue
    }
    if (loaded.kind === 'newer') {
      const document = loaded.document
      listed.push({ name, title: document?.meta.title ?? name, events: document?.events.length ?? 0, annotations: document?.annotations.length ?? 0, modified, problem: 'it is from a newer Annalist (opens read-only)' })
      continue
    }
    const { meta, events, annotations } = loaded.document
    listed.push({ name, title: meta.title, events: events.length, annotations: annotations.length, modified, problem: null })
  }
  return listed.sort((a, b) => b.modified.localeCompare(a.modified) || a.name.localeCompare(b.name))
}

/**
 * A library name for this title that no file and no backup folder uses yet: an existing timeline
 * is never overwritten, and a new one never inherits the snapshots of a deleted one.
 */
export async function freeTimelineName(dataDir: string, title: string): Promise<string> {
  const base = timelineNameFor(title)
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`
    if (!(await exists(timelinePath(dataDir, name))) && !(await exists(backupsDir(dataDir, name)))) return name
  }
}

/** Writes a document as a new library timeline (durably) and returns its file. */
export async function addToLibrary(dataDir: string, document: TimelineDocument): Promise<string> {
  await mkdir(timelinesDir(dataDir), { recursive: true })
  const file = timelinePath(dataDir, await freeTimelineName(dataDir, document.meta.title))
  await writeFileDurably(file, serializeTimeline(document))
  return file
}

/** File ▸ New: an empty timeline with this title, saved in the library. */
export function createLibraryTimeline(dataDir: string, title: string, now: Date): Promise<string> {
  return addToLibrary(dataDir, emptyTimeline(title, now))
}
