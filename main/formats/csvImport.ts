/**
 * CSV (and GDELT's TSV) → an import draft. Finds the layout (GDELT by shape, ACLED / TimelineJS
 * sheet / Annalist by header, else the analyst's mapping or a guessed one), settles day/month order
 * per date column from the file's own evidence or the analyst's answer, then reads the rows in
 * chunks. Row numbers are spreadsheet rows: the header is row 1.
 */
import { readCsvInChunks, guessDelimiter, type CsvRow } from './csvRead'
import { recordFrom } from './inputGuards'
import { inChunks, type ImportControl } from './chunked'
import { emptyDraft, type ImportDraft } from './importPreview'
import { guessMapping, missingColumns, type CsvMapping } from './csvMapping'
import { mappedLayout, recogniseGdelt, recogniseHeader, type CsvLayout, type RowContext } from './csvLayouts'
import { describeReadings, numericDateOrder, readDateStyle } from './dateStyles'
import { GDELT1_COLUMNS, GDELT2_COLUMNS } from './gdeltColumns'
import { ImportError } from './importError'

export interface CsvImportOptions extends ImportControl {
  file: string
  mapping?: CsvMapping
  /** Answer to the day/month question; overrides the mapping's own `dayFirst`. */
  dayFirst?: boolean
}

interface DateOrder {
  dayFirst?: boolean
  ambiguousRows: number
  example?: { row: number; text: string; dayFirst: string; monthFirst: string }
}

/** Day/month order per column: the analyst's answer, else the file's evidence, else the layout's documentation. */
function decideDateOrders(layout: CsvLayout, columns: string[], rows: CsvRow[], answer: boolean | undefined, draft: ImportDraft): Map<string, DateOrder> {
  const orders = new Map<string, DateOrder>()
  for (const column of layout.dateColumns) {
    const at = columns.indexOf(column)
    let dayFirstRow = 0
    let monthFirstRow = 0
    for (const { row, cells } of rows) {
      const order = numericDateOrder(cells[at] ?? '')
      if (order === 'day-first' && !dayFirstRow) dayFirstRow = row
      if (order === 'month-first' && !monthFirstRow) monthFirstRow = row
      if (dayFirstRow && monthFirstRow) break
    }
    let dayFirst = answer
    if (dayFirst === undefined && dayFirstRow && !monthFirstRow) {
      dayFirst = true
      draft.notes.push(`dates in "${column}" are read day-first (row ${dayFirstRow} can only be day-first)`)
    } else if (dayFirst === undefined && monthFirstRow && !dayFirstRow) {
      dayFirst = false
      draft.notes.push(`dates in "${column}" are read month-first (row ${monthFirstRow} can only be month-first)`)
    } else if (dayFirst === undefined && !(dayFirstRow && monthFirstRow)) {
      dayFirst = layout.dayFirst
    }
    orders.set(column, { dayFirst, ambiguousRows: 0 })
  }
  return orders
}

function pickLayout(header: string[], firstRow: string[], options: CsvImportOptions, draft: ImportDraft): { layout: CsvLayout | null; hasHeader: boolean; mapping: CsvMapping | null } {
  const gdelt = recogniseGdelt(firstRow)
  if (gdelt) return { layout: gdelt, hasHeader: false, mapping: null }
  if (options.mapping) {
    const missing = missingColumns(options.mapping, header)
    if (missing.length > 0) {
      throw new ImportError(options.file, 'row 1', `the mapping names column(s) the file does not have: ${missing.map((m) => `"${m}"`).join(', ')}`)
    }
    return { layout: mappedLayout(options.mapping), hasHeader: true, mapping: options.mapping }
  }
  const known = recogniseHeader(header)
  if (known) return { layout: known, hasHeader: true, mapping: null }
  const guessed = guessMapping(header)
  if (guessed) {
    draft.notes.push(`columns guessed from their names (date: "${guessed.date}", title: "${guessed.title}"); change the mapping if this is wrong`)
    return { layout: mappedLayout(guessed), hasHeader: true, mapping: guessed }
  }
  return { layout: null, hasHeader: true, mapping: null }
}

export async function readCsvDraft(text: string, options: CsvImportOptions): Promise<ImportDraft> {
  const draft = emptyDraft('csv')
  const table = await readCsvInChunks(text, options.file, guessDelimiter(text), options)
  draft.issues.push(...table.issues)
  if (table.rows.length === 0) throw new ImportError(options.file, 'row 1', 'the file has no rows')
  const header = table.rows[0]!.cells.map((h) => h.trim())
  const { layout, hasHeader, mapping } = pickLayout(header, table.rows[0]!.cells, options, draft)
  const columns = layout?.name === 'gdelt-2' ? GDELT2_COLUMNS : layout?.name === 'gdelt-1' ? GDELT1_COLUMNS : header
  draft.csv = { layout: layout?.name ?? 'unknown', layoutDescription: layout?.description ?? 'not recognised', columns, mapping, needsMapping: !layout }
  if (!layout) {
    draft.issues.push({ row: 1, severity: 'error', message: 'Annalist does not know these columns: choose which hold the date and the title (and optionally end date, description, lane, tags, source, location)' })
    return draft
  }
  draft.notes.push(`recognised: ${layout.description}`)
  const dataRows = hasHeader ? table.rows.slice(1) : table.rows
  draft.totalRows = dataRows.length
  const orders = decideDateOrders(layout, columns, dataRows, options.dayFirst ?? mapping?.dayFirst, draft)

  await inChunks(
    dataRows.length,
    (index) => {
      const { row, cells } = dataRows[index]!
      const record = recordFrom(columns, cells)
      if (cells.length !== columns.length) {
        const missing = columns.slice(cells.length)
        draft.issues.push({
          row,
          severity: 'warning',
          message: cells.length < columns.length
            ? `the row has ${cells.length} of ${columns.length} cells; missing: ${missing.slice(0, 5).map((m) => `"${m}"`).join(', ')}${missing.length > 5 ? '…' : ''}`
            : `the row has ${cells.length} cells but the header has ${columns.length}; the extra cells were ignored`,
        })
      }
      const context: RowContext = {
        row,
        issue: (severity, message, column) => draft.issues.push({ row, severity, message, ...(column ? { column } : {}) }),
        date: (column, value) => {
          const order = orders.get(column)
          const reading = readDateStyle(value ?? '', { dayFirst: order?.dayFirst })
          if (reading.kind === 'date') return reading.edtf
          if (reading.kind === 'error') {
            context.issue('error', reading.message, column)
            return null
          }
          // Ambiguous and unanswered: read day-first for the preview, and ask.
          if (order) {
            order.ambiguousRows++
            order.example ??= { row, text: (value ?? '').trim(), ...reading }
          }
          return reading.dayFirst
        },
      }
      const result = layout.read(record, context)
      if (result.title) draft.title = result.title
      if (result.event) draft.events.push(result.event)
      if (result.annotation) draft.annotations.push(result.annotation)
    },
    options,
  )

  for (const [column, order] of orders) {
    if (order.ambiguousRows > 0 && order.example) {
      draft.questions.push({ column, example: order.example.text, firstRow: order.example.row, ...describeReadings(order.example), rows: order.ambiguousRows })
    }
  }
  return draft
}
