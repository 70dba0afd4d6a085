/**
 * The parts of an import preview as the analyst reads them: what was found, the first rows as they
 * will appear, every problem with its row number, and the duplicates. Text only; nothing is parsed.
 */
import type { ImportPreviewView } from '../../../main/ipc/contract'
import { el } from '../../dom'
import { countOf, formatCount } from '../../counts'

const FORMAT_NAMES: Record<ImportPreviewView['format'], string> = {
  'annalist-json': 'Annalist timeline (JSON)',
  csv: 'CSV spreadsheet',
  'timelinejs-json': 'TimelineJS (JSON)',
  markwhen: 'Markwhen',
  'timeline-xml': '“Timeline” app file',
}

/** "CSV spreadsheet, ACLED export (31 columns): 1,204 rows → 1,198 events, 3 new lanes; 6 errors, 2 warnings, 4 duplicates". */
export function previewSummary(preview: ImportPreviewView): HTMLElement {
  const { counts } = preview
  const what = preview.csv ? `${FORMAT_NAMES[preview.format]}, ${preview.csv.layoutDescription}` : FORMAT_NAMES[preview.format]
  const found = [countOf(counts.events, 'event'), counts.annotations ? countOf(counts.annotations, 'note') : '', counts.newLanes ? countOf(counts.newLanes, 'new lane') : '']
    .filter(Boolean)
    .join(', ')
  const problems = [countOf(counts.errors, 'error'), countOf(counts.warnings, 'warning'), countOf(counts.duplicates, 'duplicate')].join(', ')
  return el('div', { className: 'import-summary' }, [
    el('p', {}, [el('strong', { text: preview.file }), ` — ${what}`]),
    el('p', { attrs: { 'aria-label': 'What the import will add' }, text: `${countOf(counts.rows, 'row')} read → ${found}; ${problems}.` }),
    preview.newLanes.length ? el('p', { className: 'muted', text: `New lanes: ${preview.newLanes.join(', ')}` }) : null,
    ...preview.notes.map((note) => el('p', { className: 'muted', text: note })),
  ])
}

/** The first rows exactly as they will appear: date in words, title, lanes, tags. */
export function previewRows(preview: ImportPreviewView): HTMLElement {
  if (preview.rows.length === 0) return el('p', { className: 'muted', text: 'No rows can be imported as things stand.' })
  return el('table', { className: 'data-table import-rows', attrs: { 'aria-label': 'First rows as they will appear' } }, [
    el('thead', {}, [el('tr', {}, ['Row', 'Date', 'Title', 'Lanes', 'Tags'].map((h) => el('th', { text: h })))]),
    el(
      'tbody',
      {},
      preview.rows.map((row) =>
        el('tr', {}, [
          el('td', { text: String(row.row) }),
          el('td', { text: row.dateInWords, attrs: { title: row.date } }),
          el('td', {}, [el('span', { text: row.title }), row.description ? el('span', { className: 'muted import-description', text: row.description }) : null]),
          el('td', { text: row.lanes.join(', ') }),
          el('td', { text: row.tags.join(', ') }),
        ]),
      ),
    ),
  ])
}

/** Each error and warning with where it is ("Row 14, event_date: …"); row 0 is the file as a whole. */
export function previewIssues(preview: ImportPreviewView): HTMLElement | null {
  if (preview.issues.length === 0) return null
  const shown = preview.counts.errors + preview.counts.warnings
  return el('section', { className: 'import-issues', attrs: { 'aria-label': 'Problems found' } }, [
    el('h3', { text: shown > preview.issues.length ? `Problems (first ${preview.issues.length} of ${formatCount(shown)})` : 'Problems' }),
    el(
      'ul',
      {},
      preview.issues.map((issue) =>
        el('li', { className: `issue-${issue.severity}` }, [
          el('strong', { text: issue.severity === 'error' ? 'Error' : 'Warning' }),
          ` ${issue.row > 0 ? `row ${issue.row}` : 'whole file'}${issue.column ? `, ${issue.column}` : ''}: ${issue.message}`,
        ]),
      ),
    ),
  ])
}

export function previewDuplicates(preview: ImportPreviewView): HTMLElement | null {
  if (preview.duplicates.length === 0) return null
  return el('section', { className: 'import-duplicates', attrs: { 'aria-label': 'Already in this timeline' } }, [
    el('h3', { text: 'Already in this timeline' }),
    el(
      'ul',
      {},
      preview.duplicates.map((d) => el('li', { text: `Row ${d.row}: the ${d.kind === 'event' ? 'event' : 'note'} “${d.existingId}” (${d.reason})` })),
    ),
  ])
}
