/**
 * Cell-level rules shared by Annalist's CSV export and its re-import: the documented column list,
 * lists written one item per line inside a cell, and the formula-injection guard.
 */

/**
 * Annalist's CSV columns, in order. Lists (lanes, tags, each source field) hold one item per line
 * inside the cell; the n-th line of each `source_*` column describes the n-th source.
 */
export const ANNALIST_CSV_COLUMNS = [
  'id', 'date', 'title', 'description', 'lanes', 'tags', 'location', 'latitude', 'longitude',
  'source_ids', 'source_titles', 'source_publishers', 'source_urls', 'source_dates', 'source_grades',
] as const

/**
 * Spreadsheets run a cell that starts with = + - @ tab or CR as a formula (OWASP ASVS 5.0 §1.2.10),
 * so such cells are written with a leading `'`. A cell that already starts with `'` followed by one
 * of those also gets one more `'`, so import can remove exactly one and get the text back.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/

export function escapeFormulaCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

export function unescapeFormulaCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text
}

export function joinList(items: readonly string[]): string {
  return items.join('\n')
}

export function splitList(cell: string | undefined): string[] {
  return (cell ?? '').split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== '')
}

/** One CSV field, quoted when it must be (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Positional lines (the n-th source's field is line n), empties kept so the columns stay aligned. */
export function splitLines(cell: string | undefined): string[] {
  return cell ? cell.split(/\r?\n/) : []
}
