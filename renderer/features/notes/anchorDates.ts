/**
 * The date fields of the note editor: a start and an end for a span (or one EDTF interval typed in
 * Start), one date for a moment. As the analyst types, the main process says what the date means
 * ("8 January 2022 – 13 January 2022") or what is wrong with it; the window never reads dates itself.
 */
import { request } from '../../api'
import { el } from '../../dom'

export type DatedKind = 'span' | 'moment'

export interface AnchorDates {
  element: HTMLElement
  /** Shows the fields for `kind` (or none, for a note on an event). */
  show(kind: DatedKind | null): void
  /** Fills the fields from a stored EDTF date. */
  set(kind: DatedKind, date: string): void
  /** The EDTF date the fields spell for `kind`. */
  date(kind: DatedKind): string
  focus(kind: DatedKind): void
}

/** A span stored as one interval is shown as its two ends; anything else stays whole in Start. */
function splitInterval(date: string): [string, string] {
  const parts = date.split('/')
  return parts.length === 2 ? [parts[0]!, parts[1]!] : [date, '']
}

function dateInput(name: string, placeholder: string): HTMLInputElement {
  return el('input', { className: 'date-input', attrs: { type: 'text', 'aria-label': name, placeholder, autocomplete: 'off', spellcheck: false, maxlength: 200 } })
}

export function createAnchorDates(): AnchorDates {
  const start = dateInput('Start (EDTF)', 'e.g. 2022-01-08')
  const end = dateInput('End (EDTF)', 'e.g. 2022-01-13')
  const moment = dateInput('Date (EDTF)', 'e.g. 2022-01-10 or 2022-01-10T14:00Z')
  const preview = el('p', { className: 'date-preview', attrs: { role: 'status', 'aria-live': 'polite', 'aria-label': 'What the date means' } })
  const spanFields = el('div', { className: 'span-dates' }, [
    el('label', { className: 'form-row' }, [el('span', { text: 'Start' }), start]),
    el('label', { className: 'form-row' }, [el('span', { text: 'End' }), end]),
    el('p', { className: 'hint', text: 'Leave End empty to type one EDTF interval in Start, e.g. 2021-11-10/2022-02-24. Open ends: “..”.' }),
  ])
  const momentFields = el('div', { className: 'moment-date' }, [el('label', { className: 'form-row' }, [el('span', { text: 'Date' }), moment])])
  const element = el('div', { className: 'anchor-dates' }, [spanFields, momentFields, preview])
  let shown: DatedKind | null = null
  let sequence = 0

  const date = (kind: DatedKind) => {
    if (kind === 'moment') return moment.value.trim()
    const from = start.value.trim()
    const to = end.value.trim()
    return to ? `${from || '..'}/${to}` : from
  }

  /** A newer keystroke makes older answers moot, so only the latest is shown. */
  async function updatePreview(): Promise<void> {
    const mine = ++sequence
    const text = shown ? date(shown) : ''
    if (!text) {
      preview.textContent = ''
      return
    }
    const answer = await request('previewDate', text).catch(() => null)
    if (mine !== sequence || !answer) return
    preview.textContent = answer.error ?? answer.words
    preview.classList.toggle('error', Boolean(answer.error))
  }
  for (const input of [start, end, moment]) input.addEventListener('input', () => void updatePreview())

  return {
    element,
    show(kind) {
      shown = kind
      spanFields.hidden = kind !== 'span'
      momentFields.hidden = kind !== 'moment'
      preview.hidden = kind === null
      void updatePreview()
    },
    set(kind, value) {
      if (kind === 'moment') moment.value = value
      else [start.value, end.value] = splitInterval(value)
    },
    date,
    focus: (kind) => (kind === 'moment' ? moment : start).focus(),
  }
}
