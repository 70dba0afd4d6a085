/**
 * What the import, export and merge channels send to the window: plain types with no Node imports
 * (the renderer compiles the IPC contract too). Previews are trimmed for the window: counts, the
 * first rows, issues and conflicts, never the 100,000 events themselves.
 */
import type { CsvMapping } from './csvMapping'
import type { CsvPreviewInfo, DateOrderQuestion, Duplicate, ImportFormat, ImportIssue, PreviewRow } from './previewTypes'
import type { EditApplied } from '../edits/editingPayloads'

export const EXPORT_FORMATS = ['json', 'csv', 'timelinejs', 'markwhen'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** File ▸ Import…: a new file (a dialog opens) or the same file again with a changed mapping or day/month answer. */
export interface ImportRequest {
  /** Re-reads the file of this earlier preview instead of asking for a file. */
  previewId?: string
  mapping?: CsvMapping
  /** The answer to the preview's day/month question. */
  dayFirst?: boolean
}

/** At most this many issues and duplicates travel to the window; counts say how many there are. */
export const PREVIEW_LIST_LIMIT = 500

export interface ImportPreviewView {
  previewId: string
  file: string
  format: ImportFormat
  title?: string
  csv?: CsvPreviewInfo
  counts: { rows: number; events: number; annotations: number; newLanes: number; errors: number; warnings: number; duplicates: number }
  /** Names of the lanes the import will create. */
  newLanes: string[]
  rows: PreviewRow[]
  issues: ImportIssue[]
  duplicates: Duplicate[]
  questions: DateOrderQuestion[]
  notes: string[]
  /** Whether applyImport would go ahead as things stand (no unanswered question; errors need skipRowsWithErrors). */
  canApply: boolean
}

export interface ApplyImportRequest {
  mode: 'merge-into' | 'new'
  skipRowsWithErrors?: boolean
  duplicates?: 'skip' | 'import-as-new'
}

export type ImportApplied =
  /** Into the open timeline, as one undoable step. */
  | { mode: 'merge-into'; edit: EditApplied; events: number; annotations: number }
  /** A new timeline file (saved where the analyst chose); null file when the dialog was cancelled. */
  | { mode: 'new'; file: string | null; events: number; annotations: number }

export type DataExportResult = { saved: false } | { saved: true; file: string; format: ExportFormat; events: number; annotations: number }

/** One conflict, with what the review list needs to name it. */
export interface MergeConflictView {
  kind: 'event' | 'annotation'
  id: string
  /** The event's title or the note's label / first words, so the list is readable. */
  name: string
  field: string
  mine: unknown
  theirs: unknown
}

export interface MergePreviewView {
  mergeId: string
  file: string
  added: { events: number; annotations: number; lanes: number }
  historiesJoined: number
  conflicts: MergeConflictView[]
}

export interface ConflictChoice {
  kind: 'event' | 'annotation'
  id: string
  field: string
  take: 'mine' | 'theirs'
}
