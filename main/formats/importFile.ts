/**
 * One entry for every import: which format a file is (by extension, then by content), reading it
 * through the input guards, and its preview against the open timeline. Used by the CLI and the
 * app's IPC handlers alike.
 */
import path from 'node:path'
import type { TimelineDocument } from '../domain/timeline'
import { finishPreview, type ImportDraft, type ImportFormat, type ImportPreview } from './importPreview'
import { readImportFile, MAX_IMPORT_BYTES } from './inputGuards'
import { readCsvDraft } from './csvImport'
import { readNativeDraft } from './nativeJson'
import { readTimelineJsDraft } from './timelineJsImport'
import { readMarkwhenDraft } from './markwhenImport'
import { readTimelineAppDraft } from './timelineAppImport'
import type { ImportControl } from './chunked'
import type { CsvMapping } from './csvMapping'
import { ImportError } from './importError'

export interface ImportOptions extends ImportControl {
  mapping?: CsvMapping
  dayFirst?: boolean
  /** Overrides detection. */
  format?: ImportFormat
  maxBytes?: number
  /** For repeatable tests. */
  newId?: () => string
  now?: string
}

export const IMPORT_EXTENSIONS = ['json', 'csv', 'tsv', 'txt', 'mw', 'timeline', 'xml'] as const

/** The format, from the extension where it is telling and from the first characters where it is not. */
export function detectFormat(file: string, text: string): ImportFormat | null {
  const ext = path.extname(file).toLowerCase()
  const start = text.trimStart()
  if (ext === '.mw') return 'markwhen'
  if (ext === '.timeline') return 'timeline-xml'
  if (ext === '.csv' || ext === '.tsv') return 'csv'
  if (ext === '.json' || start.startsWith('{')) {
    // TimelineJS and Annalist JSON both have "events"; Annalist's also has "schemaVersion".
    return /"schemaVersion"\s*:/.test(text.slice(0, 4_096)) ? 'annalist-json' : 'timelinejs-json'
  }
  if (start.startsWith('<')) return 'timeline-xml'
  if (start.startsWith('---') || /^-?\d{4}[^\n]*: /m.test(start.slice(0, 2_000))) return 'markwhen'
  if (/[,\t]/.test(start.slice(0, start.indexOf('\n') >>> 0))) return 'csv'
  return null
}

export async function readDraft(text: string, file: string, format: ImportFormat, options: ImportOptions): Promise<ImportDraft> {
  const base = { file, onProgress: options.onProgress, signal: options.signal }
  switch (format) {
    case 'csv':
      return readCsvDraft(text, { ...base, mapping: options.mapping, dayFirst: options.dayFirst })
    case 'annalist-json':
      return readNativeDraft(text, base)
    case 'timelinejs-json':
      return readTimelineJsDraft(text, base)
    case 'markwhen':
      return readMarkwhenDraft(text, { ...base, dayFirst: options.dayFirst })
    case 'timeline-xml':
      return readTimelineAppDraft(text, base)
  }
}

/** Text already in memory (tests, pasted data) → preview. */
export async function previewImportText(text: string, file: string, document: TimelineDocument, options: ImportOptions = {}): Promise<ImportPreview> {
  const format = options.format ?? detectFormat(file, text)
  if (!format) throw new ImportError(file, 'the whole file', 'Annalist cannot tell what format this is; use .json, .csv, .tsv, .mw or .timeline')
  const draft = await readDraft(text, file, format, options)
  return finishPreview(draft, { file, document, newId: options.newId, now: options.now })
}

/** A file on disk → preview: size checked first, then decoded (UTF-16 converted, with a warning). */
export async function previewImportFile(filePath: string, document: TimelineDocument, options: ImportOptions = {}): Promise<ImportPreview> {
  const { text, warnings } = await readImportFile(filePath, options.maxBytes ?? MAX_IMPORT_BYTES)
  const preview = await previewImportText(text, path.basename(filePath), document, options)
  for (const warning of warnings) preview.issues.unshift({ row: 0, severity: 'warning', message: warning })
  preview.counts.warnings += warnings.length
  return preview
}
