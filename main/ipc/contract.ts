/**
 * The IPC contract: every channel between the window and the main process, with its arguments
 * and result. This file is type-only plus the list of names, so the renderer (which must not see
 * Node types) and the sandboxed preload can import it. The main process's handler map must satisfy
 * `AnnalistContract` and its argument schemas must cover it, so a renamed or retyped handler fails
 * the build rather than the app.
 */
import type { Lane, TimelineEvent, TimelineMeta } from '../domain/timeline'
import type { TimeSpan } from '../domain/dates'
import type { EventTitle } from '../domain/eventTitles'
export type { EventTitle }
import type { AnnotationInput, EventInput } from '../edits/inputs'
import type { AnnotationDetail, AnnotationFilter, AnnotationSummary, EditApplied, ListedAnnotation, Preferences, PreferencesInput } from '../edits/editingPayloads'
import type { UndoState } from '../edits/undoHistory'
import type { MarkdownBlock } from '../markdown/markdownTree'

export type { AnnotationDetail, AnnotationFilter, AnnotationInput, AnnotationSummary, EditApplied, EventInput, ListedAnnotation, Preferences, PreferencesInput, UndoState }
import type { SaveState } from '../store/saveQueue'
import type { FigureFormat, FigureOptionsInput, RememberedOptions } from '../figure/options'
import type { FigureExportResult, FigurePreview, FigureProgress } from '../figure/figureResults'
import type { ApplyImportRequest, ConflictChoice, DataExportResult, ExportFormat, ImportApplied, ImportPreviewView, ImportRequest, MergePreviewView } from '../formats/transferPayloads'
import type { DensityOverview, SearchQuery, SearchResults, ShownSearch, ViewportDrawing, ViewportQuery, ViewportSlice } from '../timelineIndex/viewportTypes'
import type { CurrentTimeline, OpenTimelineChoice, TimelineClosed, TimelineCopyResult, TimelineListing } from '../workspace/workspacePayloads'

export type { CurrentTimeline, OpenTimelineChoice, TimelineClosed, TimelineCopyResult, TimelineListing }

export type { DensityOverview, SearchQuery, SearchResults, ShownSearch, ViewportDrawing, ViewportQuery, ViewportSlice }

export type { ApplyImportRequest, ConflictChoice, DataExportResult, ExportFormat, ImportApplied, ImportPreviewView, ImportRequest, MergePreviewView }

export type { SaveState }

/** Every handler answers with data, never a thrown error across the process boundary. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string }

/** An event as the timeline draws it: the stored event plus the span its date covers. */
export interface PlacedEvent {
  id: string
  title: string
  date: string
  lanes: string[]
  tags: string[]
  span: TimeSpan
  /** Best (most reliable, most credible) grade among its sources, e.g. `B2`; '' when unsourced. */
  bestGrade: string
}

/** Everything the window needs to draw the open timeline. */
export interface TimelineView {
  meta: TimelineMeta
  lanes: Lane[]
  /** From the earliest event's start to the latest event's end; null for an empty timeline. */
  range: { start: number; end: number } | null
  eventCount: number
  /** Some events are in no lane (they get a row of their own). */
  hasEventsWithoutLane: boolean
  /** Notes, the trash included. The notes themselves are asked for where they are shown. */
  annotationCount: number
  /** True when the file came from a newer Annalist and must not be written. */
  readOnly: boolean
  /** Plain-words messages about what happened while opening (e.g. a backup was restored). */
  notices: string[]
}

/** A source as the detail panel shows it, with its grade spelled out. */
export interface GradedSource {
  title: string
  publisher: string
  url: string
  date: string
  dateInWords: string
  grade: string
  gradeInWords: string
}

/** One event, fully, for the detail panel. */
export interface EventDetail {
  event: TimelineEvent
  dateInWords: string
  laneNames: string[]
  sources: GradedSource[]
}

export interface DatePreview {
  words: string
  span: TimeSpan | null
  error: string | null
}

/** A snapshot as File ▸ Restore from backup… lists it. */
export interface BackupSummary {
  id: string
  /** ISO 8601 UTC time the snapshot was taken. */
  time: string
  events: number
  annotations: number
}

/** Channel name → argument tuple and result. */
export interface AnnalistContract {
  loadTimeline: { args: []; result: TimelineView }
  getEvent: { args: [id: string]; result: EventDetail }
  previewDate: { args: [text: string]; result: DatePreview }
  /** The title and lanes of each event named (a deleted one is left out), in the order asked. */
  eventTitles: { args: [ids: string[]]; result: EventTitle[] }
  /** Events whose titles contain what was typed, best first, at most a picker's worth (main/domain/eventTitles.ts). */
  eventsTitled: { args: [typed: string]; result: EventTitle[] }
  /** Every tag used on an event, sorted, for filter suggestions. */
  tagsInUse: { args: []; result: string[] }
  /** The next (1) or previous (-1) event in time order from `fromId` (from nothing: the first or last). */
  stepEvent: { args: [fromId: string | null, direction: 1 | -1]; result: { id: string; span: TimeSpan } | null }
  openExternal: { args: [url: string]; result: void }
  /** Whether every change is on disk ('saved'), being written, or failed and being retried. */
  getSaveState: { args: []; result: SaveState }
  /** While saving is failing, tries again now rather than after the pause (the analyst freed space). */
  retrySaving: { args: []; result: SaveState }
  /** Snapshots of the open timeline, newest first. */
  listBackups: { args: []; result: BackupSummary[] }
  /** Replaces the open timeline with a snapshot (the current state is backed up first). */
  restoreBackup: { args: [id: string]; result: TimelineView }
  // Notes (annotations), events, lanes, undo and preferences: main/ipc/handlers/editing.ts.
  // Every edit answers with EditApplied (what changed) once durably saved, or an error in words.
  addAnnotation: { args: [content: AnnotationInput]; result: EditApplied }
  /** Replaces the note's content; the previous version joins its history. */
  updateAnnotation: { args: [id: string, content: AnnotationInput]; result: EditApplied }
  /** Moves the note to the trash (kept, restorable). */
  deleteAnnotation: { args: [id: string]; result: EditApplied }
  restoreAnnotation: { args: [id: string]; result: EditApplied }
  /** Makes history[index] the current version again (as a new version). */
  restoreAnnotationVersion: { args: [id: string, index: number]; result: EditApplied }
  /** Notes in time order, filtered; the trash only when asked. */
  listAnnotations: { args: [filter?: AnnotationFilter]; result: ListedAnnotation[] }
  /** How many notes match the filter, and every author and tag (the Notes tab's choices). */
  annotationSummary: { args: [filter?: AnnotationFilter]; result: AnnotationSummary }
  /** One note with its text read as safe Markdown and its history. */
  getAnnotation: { args: [id: string]; result: AnnotationDetail }
  /** Unsaved note text read as the same safe Markdown, for the note editor's live preview. */
  previewNoteText: { args: [text: string]; result: MarkdownBlock[] }
  addEvent: { args: [input: EventInput]; result: EditApplied }
  updateEvent: { args: [id: string, input: EventInput]; result: EditApplied }
  /** Deletes the event; its notes go to the trash in the same step. */
  deleteEvent: { args: [id: string]; result: EditApplied }
  addLane: { args: [name: string]; result: EditApplied }
  renameLane: { args: [id: string, name: string]; result: EditApplied }
  /** `order`: every lane id once, top to bottom. */
  reorderLanes: { args: [order: string[]]; result: EditApplied }
  setLaneHidden: { args: [id: string, hidden: boolean]; result: EditApplied }
  /** null when there is nothing to undo / redo. */
  undo: { args: []; result: EditApplied | null }
  redo: { args: []; result: EditApplied | null }
  getUndoState: { args: []; result: UndoState }
  getPreferences: { args: []; result: Preferences }
  setPreferences: { args: [preferences: PreferencesInput]; result: Preferences }
  // File ▸ Export figure…: main/ipc/handlers/figures.ts.
  /** The figure as SVG for the dialog's live preview, with the labels that had no room. */
  previewFigure: { args: [options: FigureOptionsInput]; result: FigurePreview }
  /** Asks where to save (native dialog), then writes the SVG, PNG or PDF; remembers the options. */
  exportFigure: { args: [options: FigureOptionsInput, format: FigureFormat]; result: FigureExportResult }
  /** The options of this timeline's last export, or null. */
  getFigureOptions: { args: []; result: RememberedOptions | null }
  // File ▸ Import…, Export data…, Merge…: main/ipc/handlers/transfer.ts. Paths come from native dialogs.
  /** Opens a file dialog (or re-reads an earlier preview's file with a new mapping / day-first answer); null if cancelled. */
  previewImport: { args: [request: ImportRequest]; result: ImportPreviewView | null }
  /** Stops a preview that is still reading; it then fails with "the import was cancelled". */
  cancelImport: { args: []; result: void }
  /** Applies a preview whole (one undoable step), or into a new timeline file chosen in a save dialog. */
  applyImport: { args: [previewId: string, request: ApplyImportRequest]; result: ImportApplied }
  /** Asks where to save, then writes the open timeline as Annalist JSON, CSV, TimelineJS JSON or Markwhen. */
  exportData: { args: [format: ExportFormat]; result: DataExportResult }
  /** Opens a colleague's timeline (file dialog) and compares it with the open one; null if cancelled. */
  previewMerge: { args: []; result: MergePreviewView | null }
  /** Merges with a choice per conflict (`otherwise` for the rest), as one undoable step. */
  applyMerge: { args: [mergeId: string, choices: ConflictChoice[], otherwise?: 'mine' | 'theirs']; result: EditApplied }
  // The timeline engine (level of detail, overview strip, search): main/ipc/handlers/viewport.ts.
  /** What to draw for a window: events as items and dense stretches as count clusters, per lane. */
  viewportItems: { args: [query: ViewportQuery]; result: ViewportDrawing }
  /** The cluster counting the event in the drawing for `query`, or null when it is drawn as itself (or not at all). */
  clusterHolding: { args: [eventId: string, query: ViewportQuery]; result: string | null }
  /** Event and annotation counts in `bins` equal stretches of the whole timeline; with a search (or null), of its matches too. */
  densityOverview: { args: [bins: number, search: ShownSearch | null]; result: DensityOverview }
  /** Events and notes matching the words, best first, with the span of all matches. */
  search: { args: [query: SearchQuery]; result: SearchResults }
  // File ▸ New, Open…, Open Recent, Save a Copy As…, Rename, Close: main/ipc/handlers/timelines.ts.
  // Each answer that switches the timeline is followed by the window's reload().
  /** The open timeline, the library (titles, counts, last change) and the recent list. */
  listTimelines: { args: []; result: TimelineListing }
  /** Creates an empty timeline with this title in the library and opens it. */
  newTimeline: { args: [title: string]; result: CurrentTimeline }
  /** Opens a library timeline, a recent entry, or a file chosen in the open dialog (null if cancelled). */
  openTimeline: { args: [choice: OpenTimelineChoice]; result: CurrentTimeline | null }
  /** Asks where (save dialog), then writes the timeline as it is now; the open timeline stays open. */
  saveTimelineCopy: { args: []; result: TimelineCopyResult }
  /** A new title for the open timeline, as one undoable step. */
  renameTimeline: { args: [title: string]; result: EditApplied }
  /** Goes back to the default timeline (closed: false when it is already open). */
  closeTimeline: { args: []; result: TimelineClosed }
}

export type Channel = keyof AnnalistContract

/** Listed once here; `satisfies` keeps the list and the contract the same set of names. */
export const CHANNELS = [
  'loadTimeline', 'getEvent', 'previewDate', 'stepEvent', 'eventTitles', 'eventsTitled', 'tagsInUse', 'openExternal', 'getSaveState', 'retrySaving', 'listBackups', 'restoreBackup',
  'addAnnotation', 'updateAnnotation', 'deleteAnnotation', 'restoreAnnotation', 'restoreAnnotationVersion', 'listAnnotations', 'annotationSummary', 'getAnnotation', 'previewNoteText',
  'addEvent', 'updateEvent', 'deleteEvent', 'addLane', 'renameLane', 'reorderLanes', 'setLaneHidden',
  'undo', 'redo', 'getUndoState', 'getPreferences', 'setPreferences',
  'previewFigure', 'exportFigure', 'getFigureOptions',
  'previewImport', 'cancelImport', 'applyImport', 'exportData', 'previewMerge', 'applyMerge',
  'viewportItems', 'clusterHolding', 'densityOverview', 'search',
  'listTimelines', 'newTimeline', 'openTimeline', 'saveTimelineCopy', 'renameTimeline', 'closeTimeline',
] as const satisfies readonly Channel[]
type Missing = Exclude<Channel, (typeof CHANNELS)[number]>
const allChannelsListed: [Missing] extends [never] ? true : Missing = true
void allChannelsListed

/** The Electron IPC channel string for a contract name, kept in one place. */
export function ipcChannel(name: Channel): string {
  return `annalist:${name}`
}

/** The API the preload exposes on `window.annalist`, derived from the contract. */
export type AnnalistApi = {
  [K in Channel]: (...args: AnnalistContract[K]['args']) => Promise<Outcome<AnnalistContract[K]['result']>>
} & AnnalistEvents

/** Messages the main process pushes to the window (menu commands, save state). */
/**
 * Commands the native menu sends to the window. The window's own command menu offers the same
 * list, so every menu action also works where there is no native menu (the Chromium e2e target).
 */
export const MENU_COMMANDS = [
  'new-timeline',
  'open-timeline',
  'save-copy',
  'rename-timeline',
  'close-timeline',
  'import',
  'export-data',
  'export-figure',
  'merge',
  'restore-backup',
  'undo',
  'redo',
  'new-note',
  'new-span-note',
  'new-moment-note',
  'new-event',
  'find',
  'preferences',
  'zoom-in',
  'zoom-out',
  'zoom-fit',
  'go-to-date',
  'fold-notes-lane',
  'show-shortcuts',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export interface AnnalistNotices {
  menuCommand: MenuCommand
  /** Pushed whenever the save state changes, so the window can show "not saved — retrying". */
  saveState: SaveState
  /** Rows read so far by a long import preview (HandlerDeps.reportImportProgress feeds it). */
  importProgress: { done: number; total: number }
  /** Where a figure export has got to (HandlerDeps.reportFigureProgress feeds it). */
  figureProgress: FigureProgress
  /** The operating system asked to open a timeline file (double-click, command line): opened, or why not. */
  timelineOpened: { title: string } | { error: string }
}

export const NOTICE_CHANNELS = ['menuCommand', 'saveState', 'importProgress', 'figureProgress', 'timelineOpened'] as const satisfies readonly (keyof AnnalistNotices)[]

export function noticeChannel(name: keyof AnnalistNotices): string {
  return `annalist-notice:${name}`
}

export type AnnalistEvents = {
  onNotice<K extends keyof AnnalistNotices>(name: K, listener: (payload: AnnalistNotices[K]) => void): () => void
}
