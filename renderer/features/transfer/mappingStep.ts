/**
 * The CSV mapping step: which column holds the date, end date, title, description, lane, tags,
 * source and location. Annalist's guess (or its recognised layout: ACLED, TimelineJS sheet, GDELT)
 * comes preselected; the analyst confirms or changes it, and the file is read again.
 */
import type { ImportRequest } from '../../../main/ipc/contract'
import type { CsvPreviewInfo } from '../../../main/formats/previewTypes'
import { el } from '../../dom'

type Mapping = NonNullable<ImportRequest['mapping']>
type Field = Exclude<keyof Mapping, 'dayFirst'>

const FIELDS: { field: Field; label: string; required?: boolean }[] = [
  { field: 'date', label: 'Date', required: true },
  { field: 'endDate', label: 'End date' },
  { field: 'title', label: 'Title', required: true },
  { field: 'description', label: 'Description' },
  { field: 'lane', label: 'Lane' },
  { field: 'tags', label: 'Tags' },
  { field: 'source', label: 'Source' },
  { field: 'location', label: 'Location' },
]

/** `onRead` re-reads the file with the chosen columns. */
export function mappingStep(csv: CsvPreviewInfo, onRead: (mapping: Mapping) => void): HTMLElement {
  const recognised = !csv.needsMapping && csv.mapping === null
  const selects = new Map<Field, HTMLSelectElement>()
  const message = el('p', { className: 'date-preview error', attrs: { role: 'status' } })
  const grid = el(
    'div',
    { className: 'mapping-grid' },
    FIELDS.map(({ field, label, required }) => {
      const select = el('select', { attrs: { 'aria-label': `${label} column` } }, [
        el('option', { text: required ? '— choose —' : '(none)', attrs: { value: '' } }),
        ...csv.columns.map((column) => el('option', { text: column, attrs: { value: column } })),
      ])
      select.value = csv.mapping?.[field] ?? ''
      selects.set(field, select)
      return el('label', {}, [`${label}${required ? ' *' : ''}`, select])
    }),
  )
  const read = el('button', {
    text: 'Read again with these columns',
    attrs: { type: 'button' },
    on: {
      click: () => {
        const mapping: Partial<Mapping> = {}
        for (const { field } of FIELDS) {
          const value = selects.get(field)!.value
          if (value) mapping[field] = value
        }
        if (!mapping.date || !mapping.title) {
          message.textContent = 'Choose at least the date and title columns.'
          return
        }
        message.textContent = ''
        onRead(mapping as Mapping)
      },
    },
  })
  const body = el('div', { className: 'mapping-body', attrs: { hidden: recognised } }, [grid, message, el('div', { className: 'dialog-buttons' }, [read])])
  const intro = recognised
    ? el('p', {}, [
        `Annalist recognised this file: ${csv.layoutDescription}. `,
        el('button', { className: 'link-button', text: 'Choose the columns myself', attrs: { type: 'button' }, on: { click: () => (body.hidden = false) } }),
      ])
    : el('p', {
        text: csv.needsMapping
          ? 'Annalist does not recognise these columns. Say which column holds what, then read the file again.'
          : 'Annalist guessed which column holds what from their names. Check the guess; change it and read again if it is wrong.',
      })
  return el('section', { className: 'mapping-step', attrs: { 'aria-label': 'Columns' } }, [el('h3', { text: 'Columns' }), intro, body])
}
