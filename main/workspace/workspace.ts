/**
 * Several timelines, one open at a time: File ▸ New, Open (the library, the recent list, or any
 * file), Save a Copy As, Rename and Close. The one TimelineSession every handler holds switches
 * files (TimelineSession.switchTo), so the rest of the app needs no change; the window reloads.
 * Paths never come from the window: it names a library timeline or a recent entry, and anything
 * else arrives through a native dialog or the operating system (file association, command line).
 */
import { access } from 'node:fs/promises'
import path from 'node:path'
import type { TimelineSession } from '../timelineSession'
import type { EditResult } from '../edits/timelineEditor'
import { listBackups } from '../store/backups'
import { writeFileDurably } from '../store/durableWrite'
import { DEFAULT_TIMELINE_NAME, ensureDefaultTimeline, TIMELINE_EXTENSION, timelinePath } from '../store/library'
import { readTimelineFile, serializeTimeline } from '../store/timelineFile'
import { RecentTimelines } from './recentTimelines'
import { createLibraryTimeline, libraryNameOf, listLibrary, storePlaceFor, type LibraryPaths } from './timelineLibrary'
import type { CurrentTimeline, RecentEntry, TimelineClosed, TimelineListing } from './workspacePayloads'

/** A library name as the window sends it: no separators, no dots at the start. */
const LIBRARY_NAME = /^[^/\\:]{1,200}$/

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

export class Workspace {
  /** Switches one after another: a second Open while the first is still saving waits its turn. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly session: TimelineSession,
    private readonly paths: LibraryPaths,
    readonly recent: RecentTimelines = new RecentTimelines(paths.dataDir),
  ) {}

  current(): CurrentTimeline {
    const name = libraryNameOf(this.paths.dataDir, this.session.file)
    return { title: this.session.document.meta.title, name, location: name === null ? this.session.file : path.basename(this.session.file), readOnly: this.session.readOnly }
  }

  async listing(): Promise<TimelineListing> {
    const current = this.current()
    const { events, annotations } = this.session.document
    const known = current.name === null ? undefined : { name: current.name, title: current.title, events: events.length, annotations: annotations.length }
    const library = (await listLibrary(this.paths.dataDir, known)).map((t) => ({ ...t, current: t.name === current.name }))
    const recent: RecentEntry[] = []
    for (const entry of await this.recent.list()) {
      const isCurrent = path.resolve(entry.file) === path.resolve(this.session.file)
      recent.push({ ...entry, title: isCurrent ? current.title : entry.title, missing: !isCurrent && !(await exists(entry.file)), current: isCurrent, inLibrary: libraryNameOf(this.paths.dataDir, entry.file) !== null })
    }
    return { current, library, recent }
  }

  /** File ▸ New: an empty timeline with this title, in the library, opened. */
  newTimeline(title: string): Promise<CurrentTimeline> {
    return this.serially(async () => {
      const clean = title.replace(/\s+/g, ' ').trim()
      if (!clean) throw new Error('give the new timeline a title')
      return this.switchTo(await createLibraryTimeline(this.paths.dataDir, clean, new Date()))
    })
  }

  /** Opens a timeline of the library by name. */
  openLibraryTimeline(name: string): Promise<CurrentTimeline> {
    return this.serially(async () => {
      if (!LIBRARY_NAME.test(name) || name.startsWith('.')) throw new Error(`"${name}" is not a timeline name`)
      const file = timelinePath(this.paths.dataDir, name)
      if (!(await exists(file))) throw new Error(`there is no timeline “${name}” in the library any more`)
      return this.switchTo(file)
    })
  }

  /** Opens an entry of the recent list (only those: the window cannot name other paths). */
  async openRecent(file: string): Promise<CurrentTimeline> {
    if (!(await this.recent.includes(file))) throw new Error('that timeline is not on the recent list')
    return this.openFile(file)
  }

  /**
   * Opens any timeline file: from the open dialog, the command line or a double-click. A file from
   * elsewhere is checked first: a file that is not a timeline is refused with the reason (opening
   * would otherwise "recover" it by moving it aside), unless Annalist has backups of it — then it
   * was a timeline opened here before, and recovery restores the newest backup as for any other.
   * A missing file is likewise restored from its backups, or refused when it has none.
   */
  openFile(file: string): Promise<CurrentTimeline> {
    return this.serially(async () => {
      const resolved = path.resolve(file)
      const shown = path.basename(resolved)
      const hasBackups = async () => {
        const place = storePlaceFor(this.paths, resolved)
        return (await listBackups(place.dataDir, path.basename(resolved, TIMELINE_EXTENSION))).length > 0
      }
      const inLibrary = libraryNameOf(this.paths.dataDir, resolved) !== null
      const read = await readTimelineFile(resolved).catch((error: NodeJS.ErrnoException) => {
        // Unreadable library files are for recovery to handle; a file from elsewhere is not ours to touch.
        if (inLibrary) return 'recover' as const
        throw new Error(`${shown} could not be read (${error.code ?? error.message})`)
      })
      // A missing file with backups is restored (and the analyst told); without any, there is nothing to open.
      if (read === null && !(await hasBackups())) throw new Error(`${shown} is not there any more (moved, deleted, or on a disk that is not plugged in)`)
      if (!inLibrary && read && read !== 'recover' && read.loaded.kind === 'unreadable' && !(await hasBackups())) {
        throw new Error(`${shown} is not an Annalist timeline (${read.loaded.reason}); to bring in events from other formats, use Import`)
      }
      return this.switchTo(resolved)
    })
  }

  /** File ▸ Close: back to the default timeline (the example one, unless the analyst changed it). */
  close(): Promise<TimelineClosed> {
    return this.serially(async () => {
      if (libraryNameOf(this.paths.dataDir, this.session.file) === DEFAULT_TIMELINE_NAME) return { closed: false, current: this.current() }
      if (!this.paths.bundledDataDir) throw new Error('the default timeline is not available here')
      const file = await ensureDefaultTimeline({ dataDir: this.paths.dataDir, bundledDataDir: this.paths.bundledDataDir })
      return { closed: true, current: await this.switchTo(file) }
    })
  }

  /** File ▸ Save a Copy As…: the timeline as it is now, written durably; the open timeline stays open. */
  async saveCopy(target: string): Promise<{ file: string; events: number; annotations: number }> {
    const resolved = path.resolve(target)
    if (resolved === path.resolve(this.session.file)) throw new Error('that is this timeline’s own file; choose another name or folder for the copy')
    // No waiting for pending saves: the copy is written from memory, so it also rescues the latest
    // changes when the timeline's own disk is full.
    const document = this.session.document
    await writeFileDurably(resolved, serializeTimeline(document))
    return { file: resolved, events: document.events.length, annotations: document.annotations.length }
  }

  /**
   * File ▸ Rename: a new title, as one undoable step. The file keeps its name: backups and figure
   * settings are filed under it, and a file from elsewhere is named by its owner, not by Annalist.
   */
  async rename(title: string): Promise<EditResult> {
    const clean = title.replace(/\s+/g, ' ').trim()
    if (!clean) throw new Error('a timeline needs a title')
    const document = this.session.document
    const result = await this.session.applyEdit({
      kind: 'replaceDocument',
      label: `rename the timeline to “${clean}”`,
      document: { ...document, meta: { ...document.meta, title: clean, updated: new Date().toISOString() } },
    })
    await this.recent.retitle(this.session.file, clean).catch(() => undefined)
    return result
  }

  /** Remembers the timeline open at start, so it heads the recent list. */
  rememberCurrent(): Promise<void> {
    return this.recent.remember(this.session.file, this.session.document.meta.title)
  }

  private async switchTo(file: string): Promise<CurrentTimeline> {
    if (path.resolve(file) !== path.resolve(this.session.file)) await this.session.switchTo(file, storePlaceFor(this.paths, file))
    // The list is a convenience: failing to save it must not undo a successful open.
    await this.rememberCurrent().catch(() => undefined)
    return this.current()
  }

  private serially<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step)
    this.queue = run.catch(() => undefined)
    return run
  }
}

/**
 * The timeline to open when Annalist starts: the one open when it last closed, if it is still
 * there, else the default timeline (seeded on the very first run).
 */
export async function timelineToOpenAtStart(paths: Required<LibraryPaths>): Promise<{ file: string; place: LibraryPaths }> {
  const [last] = await new RecentTimelines(paths.dataDir).list()
  const file = last && (await exists(last.file)) ? last.file : await ensureDefaultTimeline(paths)
  return { file, place: storePlaceFor(paths, file) }
}
