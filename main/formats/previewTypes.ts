/**
 * The parts of an import preview the window shows, as plain types with no Node imports, so the IPC
 * contract (which the renderer also compiles) can name them.
 */
import type { CsvMapping } from './csvMapping'

export type ImportFormat = 'annalist-json' | 'csv' | 'timelinejs-json' | 'markwhen' | 'timeline-xml'

export interface ImportIssue {
  /**
   * Where: the row as a spreadsheet shows it for CSV (the header is row 1; GDELT has none), the line
   * for Markwhen, the position in the list for JSON and XML; 0 means the file as a whole.
   */
  row: number
  column?: string
  severity: 'error' | 'warning'
  message: string
}

export interface Duplicate {
  kind: 'event' | 'annotation'
  row: number
  existingId: string
  reason: 'same id' | 'same title and date'
}

/** Day/month order could not be told from the file: the analyst answers with `dayFirst`. */
export interface DateOrderQuestion {
  column: string
  example: string
  /** First row whose date could be read either way. */
  firstRow: number
  /** The example read day-first and month-first, in words. */
  dayFirst: string
  monthFirst: string
  rows: number
}

/** For CSV: which layout was recognised, the columns, and the mapping used (for the mapping step). */
export interface CsvPreviewInfo {
  layout: string
  layoutDescription: string
  columns: string[]
  mapping: CsvMapping | null
  /** No layout recognised and no date/title columns guessed: the analyst must map the columns. */
  needsMapping: boolean
}

export interface PreviewRow {
  row: number
  date: string
  dateInWords: string
  title: string
  lanes: string[]
  tags: string[]
  description: string
}
