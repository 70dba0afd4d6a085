/**
 * The event editor's sources: a list of cited sources, each with title, publisher, URL, date and
 * its Admiralty grade chosen as the two independent marks (reliability A–F, credibility 1–6).
 * A source keeps its id through an edit, so notes that cite it still point at it.
 */
import type { TimelineEvent } from '../../../main/domain/timeline'
import type { EventInput } from '../../../main/ipc/contract'
import { CREDIBILITY_DIGITS, RELIABILITY_LETTERS, describeGrade } from '../../../main/domain/sourceGrade'
import { el } from '../../dom'

type SourceInput = NonNullable<EventInput['sources']>[number]
type StoredSource = TimelineEvent['sources'][number]

/** Grade words come from the one definition (describeGrade: "source usually reliable; information probably true"). */
function markWords(grade: string): { reliability: string; credibility: string } {
  const [reliability = '', credibility = ''] = describeGrade(grade).split('; ')
  return { reliability: reliability.replace(/^source /, ''), credibility: credibility.replace(/^information /, '') }
}

/** A new source starts ungraded in spirit: F6, "cannot be judged" on both marks, until the analyst says otherwise. */
const NEW_SOURCE_GRADE = 'F6'

interface SourceRow {
  element: HTMLElement
  value(): SourceInput
  /** Numbered so each row's fields and Remove button have their own accessible names. */
  number(n: number): void
  focus(): void
}

function textInput(name: string, value: string, placeholder = '', maxlength = 1_000): HTMLInputElement {
  const input = el('input', { attrs: { type: 'text', 'aria-label': name, placeholder, autocomplete: 'off', maxlength } })
  input.value = value
  return input
}

function sourceRow(source: StoredSource | null, onRemove: (row: SourceRow) => void): SourceRow {
  const grade = source?.grade ?? NEW_SOURCE_GRADE
  const title = textInput('title', source?.title ?? '')
  const publisher = textInput('publisher', source?.publisher ?? '', 'e.g. Reuters')
  const date = textInput('date (EDTF)', source?.date ?? '', 'e.g. 2022-01-10', 200)
  const url = textInput('URL', source?.url ?? '', 'https://…', 4_000)

  const reliability = el(
    'select',
    { attrs: { 'aria-label': 'reliability' } },
    RELIABILITY_LETTERS.map((letter) => el('option', { text: `${letter} — ${markWords(`${letter}1`).reliability}`, attrs: { value: letter } })),
  )
  const credibility = el(
    'select',
    { attrs: { 'aria-label': 'credibility' } },
    CREDIBILITY_DIGITS.map((digit) => el('option', { text: `${digit} — ${markWords(`A${digit}`).credibility}`, attrs: { value: digit } })),
  )
  reliability.value = grade[0] ?? 'F'
  credibility.value = grade[1] ?? '6'

  const heading = el('span', { className: 'source-number' })
  const remove = el('button', { className: 'text-button', text: 'Remove', attrs: { type: 'button' }, on: { click: () => onRemove(row) } })
  const row: SourceRow = {
    element: el('li', { className: 'source-editor' }, [
      el('div', { className: 'source-editor-head' }, [heading, remove]),
      el('label', { className: 'form-row' }, [el('span', { text: 'Title' }), title]),
      el('div', { className: 'field-pair' }, [
        el('label', { className: 'form-row' }, [el('span', { text: 'Publisher' }), publisher]),
        el('label', { className: 'form-row' }, [el('span', { text: 'Date' }), date]),
      ]),
      el('label', { className: 'form-row' }, [el('span', { text: 'URL' }), url]),
      el('div', { className: 'field-pair' }, [
        el('label', { className: 'form-row' }, [el('span', { text: 'Reliability' }), reliability]),
        el('label', { className: 'form-row' }, [el('span', { text: 'Credibility' }), credibility]),
      ]),
    ]),
    value: () => ({
      ...(source ? { id: source.id } : {}),
      title: title.value.trim(),
      publisher: publisher.value.trim(),
      url: url.value.trim(),
      ...(date.value.trim() ? { date: date.value.trim() } : {}),
      grade: `${reliability.value}${credibility.value}`,
    }),
    number: (n) => {
      heading.textContent = `Source ${n}`
      remove.setAttribute('aria-label', `Remove source ${n}`)
      for (const [field, words] of [[title, 'title'], [publisher, 'publisher'], [date, 'date (EDTF)'], [url, 'URL'], [reliability, 'reliability'], [credibility, 'credibility']] as const) {
        field.setAttribute('aria-label', `Source ${n} ${words}`)
      }
    },
    focus: () => title.focus(),
  }
  return row
}

export interface SourcesField {
  element: HTMLElement
  set(sources: readonly StoredSource[]): void
  get(): SourceInput[]
  /** A source without a title cannot be kept; said before the main process is asked. */
  problem(): string | null
}

export function sourcesField(): SourcesField {
  let rows: SourceRow[] = []
  const list = el('ol', { className: 'source-editors', attrs: { 'aria-label': 'Sources' } })
  const empty = el('p', { className: 'hint', text: 'No sources yet. Cite where this comes from and grade it.' })

  function redraw(): void {
    list.replaceChildren(...rows.map((row) => row.element))
    empty.hidden = rows.length > 0
    rows.forEach((row, i) => row.number(i + 1))
  }

  function add(source: StoredSource | null): SourceRow {
    const row = sourceRow(source, (gone) => {
      rows = rows.filter((r) => r !== gone)
      redraw()
      addButton.focus()
    })
    rows.push(row)
    return row
  }

  const addButton = el('button', {
    className: 'quiet-button',
    text: 'Add source',
    attrs: { type: 'button' },
    on: {
      click: () => {
        const row = add(null)
        redraw()
        row.focus()
      },
    },
  })

  return {
    element: el('fieldset', { className: 'sources-field' }, [el('legend', { text: 'Sources' }), empty, list, addButton]),
    set(sources) {
      rows = []
      for (const source of sources) add(source)
      redraw()
    },
    get: () => rows.map((row) => row.value()),
    problem: () => {
      const untitled = rows.findIndex((row) => row.value().title === '')
      return untitled === -1 ? null : `Source ${untitled + 1} needs a title (or remove it).`
    },
  }
}
