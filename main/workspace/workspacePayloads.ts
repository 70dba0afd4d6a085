/**
 * What the timeline channels (File ▸ New, Open, Open Recent, Save a Copy As, Rename, Close) send to
 * the window: plain types with no Node imports, as the renderer compiles the IPC contract too.
 */

/** One timeline of the library as File ▸ Open lists it. */
export interface LibraryTimeline {
  /** The file name without `.annalist.json`: how the window names a library timeline. */
  name: string
  title: string
  events: number
  annotations: number
  /** ISO time the file last changed. */
  modified: string
  /** Why it cannot be read as it is (opening it recovers it from a backup), or null. */
  problem: string | null
}

/** The open timeline. */
export interface CurrentTimeline {
  title: string
  /** The library name, or null for a file opened from elsewhere. */
  name: string | null
  /** Where the file is, for the analyst to read (library timelines: just the file name). */
  location: string
  readOnly: boolean
}

export interface RecentEntry {
  file: string
  title: string
  openedAt: string
  /** The file is no longer where it was (unplugged USB stick, moved, deleted). */
  missing: boolean
  current: boolean
  /** In the library (the window then need not show the folder). */
  inLibrary: boolean
}

export interface TimelineListing {
  current: CurrentTimeline
  library: (LibraryTimeline & { current: boolean })[]
  recent: RecentEntry[]
}

/** What File ▸ Open asks for: a library timeline, a recent entry, or a file chosen in the open dialog. */
export type OpenTimelineChoice = { library: string } | { recent: string } | { browse: true }

export type TimelineCopyResult = { saved: false } | { saved: true; file: string; events: number; annotations: number }

export interface TimelineClosed {
  /** False when the default timeline was already open (there is nothing to go back to). */
  closed: boolean
  current: CurrentTimeline
}
