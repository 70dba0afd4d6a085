/**
 * Which stretch of time the figure covers: what the timeline shows now, the whole timeline, or
 * from/to dates typed in EDTF. The main process reads the dates (`previewDate`) as they are typed
 * and says what they mean, so the analyst sees "November 2021" before the figure redraws.
 */
import type { FigureRange } from '../../../main/figure/options'
import { request } from '../../api'
import { el } from '../../dom'

type RangeKind = FigureRange['kind']

export interface RangeField {
  element: HTMLElement
  /** null while a typed date is missing or unreadable: there is nothing to draw yet. */
  get(): FigureRange | null
  /** What is wrong with the range, in words, or null. */
  problem(): string | null
  set(range: FigureRange): void
  /** The timeline's window right now; "current view" means this. */
  setView(window: { start: number; end: number }): void
  onChange(listener: () => void): void
}

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

function dateInput(name: string, placeholder: string): HTMLInputElement {
  return el('input', { attrs: { type: 'text', 'aria-label': name, placeholder, autocomplete: 'off', spellcheck: false } })
}

export function rangeField(): RangeField {
  const listeners: (() => void)[] = []
  const changed = () => listeners.forEach((listener) => listener())
  let view = { start: 0, end: 0 }

  const radios = new Map<RangeKind, HTMLInputElement>()
  const viewWords = el('span', { className: 'choice-detail' })
  const choice = (kind: RangeKind, text: string, detail?: HTMLElement) => {
    const radio = el('input', { attrs: { type: 'radio', name: 'figure-range', value: kind }, on: { change: () => showKind() } })
    radios.set(kind, radio)
    return el('label', { className: 'choice' }, [radio, el('span', { text }), detail])
  }

  // Each typed date is read by the main process; a newer keystroke makes an older answer moot.
  const dates = new Map<HTMLInputElement, { text: string; state: 'reading' | 'ok' | 'unreadable' }>()
  function dateRow(input: HTMLInputElement, label: string): HTMLElement {
    const preview = el('span', { className: 'date-preview', attrs: { 'aria-live': 'polite' } })
    let asked = 0
    input.addEventListener('input', async () => {
      const mine = ++asked
      const text = input.value.trim()
      dates.set(input, { text, state: 'reading' })
      if (!text) {
        preview.textContent = ''
        return changed()
      }
      const answer = await request('previewDate', text).catch(() => null)
      if (mine !== asked || !answer) return
      preview.textContent = answer.error ?? answer.words
      preview.classList.toggle('error', Boolean(answer.error))
      dates.set(input, { text, state: answer.error ? 'unreadable' : 'ok' })
      changed()
    })
    return el('label', { className: 'date-row' }, [el('span', { className: 'date-row-label', text: label }), input, preview])
  }
  const from = dateInput('From (EDTF)', 'e.g. 2021-11')
  const to = dateInput('To (EDTF)', 'e.g. 2022-02')
  const datesBox = el('div', { className: 'range-dates' }, [dateRow(from, 'From'), dateRow(to, 'To')])

  const element = el('fieldset', { className: 'figure-range' }, [
    el('legend', { text: 'Range' }),
    choice('view', 'Current view', viewWords),
    choice('whole', 'Whole timeline'),
    choice('dates', 'Between dates'),
    datesBox,
  ])

  const kind = (): RangeKind => ([...radios].find(([, radio]) => radio.checked)?.[0] ?? 'view')

  function showKind(): void {
    datesBox.hidden = kind() !== 'dates'
    changed()
  }

  function setDate(input: HTMLInputElement, text: string): void {
    input.value = text
    input.dispatchEvent(new Event('input'))
  }

  return {
    element,
    get() {
      switch (kind()) {
        case 'view':
          return { kind: 'view', ...view }
        case 'whole':
          return { kind: 'whole' }
        case 'dates': {
          const a = dates.get(from)
          const b = dates.get(to)
          return a?.state === 'ok' && b?.state === 'ok' ? { kind: 'dates', from: a.text, to: b.text } : null
        }
      }
    },
    problem() {
      if (kind() !== 'dates') return null
      if (!from.value.trim() || !to.value.trim()) return 'Type a start and an end date.'
      const states = [dates.get(from)?.state, dates.get(to)?.state]
      if (states.includes('unreadable')) return 'One of the dates cannot be read; see under it.'
      if (states.includes('reading')) return 'Reading the dates…'
      return null
    },
    set(range) {
      radios.get(range.kind)!.checked = true
      if (range.kind === 'dates') {
        setDate(from, range.from)
        setDate(to, range.to)
      }
      showKind()
    },
    setView(window) {
      view = { start: Math.round(window.start), end: Math.round(window.end) }
      viewWords.textContent = `${day.format(view.start)} – ${day.format(view.end)}`
    },
    onChange: (listener) => void listeners.push(listener),
  }
}
