/**
 * CSV and TSV text → rows of cells, with every problem kept against its row. Uses csv-parse with
 * the settings SECURITY.md asks for: BOM stripped, no type casting (a cell is text until a format
 * says otherwise), ragged rows allowed but reported, a cap on the size of one record, and records
 * with broken quoting skipped and reported rather than ending the import.
 */
import { parse as parseAll } from 'csv-parse/sync'
import { parse as parseStream, type Options } from 'csv-parse'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { throwIfCancelled, type ImportControl } from './chunked'
import type { ImportIssue } from './importPreview'
import { ImportCancelled, ImportError } from './importError'

/** One record may not be larger than this: a stray quote can otherwise swallow the whole file. */
export const MAX_RECORD_BYTES = 1_000_000

export interface CsvRow {
  /** Row number as a spreadsheet shows it (a cell with a line break still counts one row). */
  row: number
  /** Line in the file where the row ends, for text editors. */
  line: number
  cells: string[]
}

export interface CsvTable {
  rows: CsvRow[]
  issues: ImportIssue[]
}

interface CsvErrorLike {
  code?: string
  message: string
  lines?: number
  records?: number
}

function plainReason(error: CsvErrorLike): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed (a missing " somewhere above the end of the file)'
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote " inside a cell is not doubled, so the row cannot be read'
    case 'CSV_MAX_RECORD_SIZE':
      return `the row is longer than ${MAX_RECORD_BYTES.toLocaleString('en')} characters (often a stray quote)`
    default:
      return error.message.split('\n')[0] ?? 'the row cannot be read'
  }
}

function csvOptions(delimiter: ',' | '\t' | ';', issues: ImportIssue[]): Options {
  return {
    bom: true,
    cast: false,
    delimiter,
    relax_column_count: true,
    // Real exports write 5" or {"a":1} in unquoted cells; such quotes are data, not CSV quoting.
    relax_quotes: true,
    max_record_size: MAX_RECORD_BYTES,
    skip_records_with_error: true,
    skip_empty_lines: true,
    // TSV (GDELT) never quotes; a lone " is data there.
    quote: delimiter === '\t' ? false : '"',
    // One small object per row instead of csv-parse's `info` (fewer allocations on 100,000 rows).
    on_record: ((cells: string[], context: { records: number; lines: number }): CsvRow => ({ row: context.records, line: context.lines, cells })) as never,
    on_skip: (error: CsvErrorLike | undefined) => {
      if (error) issues.push({ row: (error.records ?? 0) + 1, severity: 'error', message: `line ${error.lines ?? '?'}: ${plainReason(error)}; the row was not read` })
      return undefined
    },
  }
}

function fatal(file: string, error: unknown): ImportError {
  const e = error as CsvErrorLike
  return new ImportError(file, `line ${e.lines ?? 1}`, `the file cannot be read as CSV: ${plainReason(e)}`)
}

/** Whole text at once (small files, tests). */
export function readCsv(text: string, file: string, delimiter: ',' | '\t' | ';' = ','): CsvTable {
  const issues: ImportIssue[] = []
  try {
    const rows = parseAll(text, csvOptions(delimiter, issues)) as unknown as CsvRow[]
    return { rows, issues }
  } catch (error) {
    throw fatal(file, error)
  }
}

/** A megabyte of text at a time, yielding between pieces so a long parse shows progress and can be cancelled. */
export const CSV_CHUNK_CHARS = 1_000_000

/** Progress here counts characters parsed; the rows are counted afterwards as they are read. */
export async function readCsvInChunks(text: string, file: string, delimiter: ',' | '\t' | ';', control: ImportControl = {}): Promise<CsvTable> {
  const issues: ImportIssue[] = []
  const rows: CsvRow[] = []
  const parser = parseStream(csvOptions(delimiter, issues))
  let failure: unknown = null
  parser.on('data', (row: CsvRow) => rows.push(row))
  parser.on('error', (error) => {
    failure = error
  })
  const ended = new Promise<void>((resolve) => parser.on('end', resolve).on('error', () => resolve()))
  throwIfCancelled(control.signal)
  for (let start = 0; start < text.length && !failure; ) {
    let end = Math.min(text.length, start + CSV_CHUNK_CHARS)
    // Never split a surrogate pair: each piece becomes bytes on its own.
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1]!)) end--
    parser.write(text.slice(start, end))
    start = end
    control.onProgress?.(start, text.length)
    await yieldToEventLoop()
    if (control.signal?.aborted) {
      parser.destroy()
      throw new ImportCancelled()
    }
  }
  parser.end()
  await ended
  if (failure) throw fatal(file, failure)
  return { rows, issues }
}

/** Guesses the delimiter from the first line: tabs (GDELT), semicolons (European spreadsheets) or commas. */
export function guessDelimiter(text: string): ',' | '\t' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const count = (c: string) => firstLine.split(c).length - 1
  const tabs = count('\t')
  const commas = count(',')
  const semis = count(';')
  if (tabs > 0 && tabs >= commas) return '\t'
  if (semis > commas) return ';'
  return ','
}
