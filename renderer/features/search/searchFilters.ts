/**
 * Filters for the timeline and the search: which lanes are drawn, tags, the minimum source grade
 * (reliability and credibility chosen separately, as the Admiralty code judges them) and a date
 * window typed as EDTF. What a date means is the main process's reading (previewDate), not ours.
 */
import type { TimelineView } from '../../../main/ipc/contract'
import type { EventFilter } from '../../../main/timelineIndex/viewportTypes'
import { CREDIBILITY_DIGITS, RELIABILITY_LETTERS } from '../../../main/domain/sourceGrade'
import { NO_LANE } from '../../../main/timelineIndex/viewportRules'
import { request } from '../../api'
import { el } from '../../dom'

export interface ChosenFilters {
  /** null: every lane not hidden (nothing narrowed). */
  lanes: string[] | null
  events: EventFilter
  /** The date window in epoch ms, when one was typed and understood. */
  from?: number
  to?: number
}

export interface SearchFilters {
  element: HTMLElement
  current(): ChosenFilters
  /** Lanes and tags to offer, from a newly loaded view (choices the view still has are kept). */
  offer(view: TimelineView): void
  clear(): void
  /** Anything narrowed at all, for the tab to say so. */
  active(): boolean
}

const DATE_DELAY_MS = 150

function dateField(name: string, onChange: () => void): { element: HTMLElement; input: HTMLInputElement; span(): { start: number; end: number } | null; clear(): void } {
  const input = el('input', { attrs: { type: 'text', 'aria-label': name, autocomplete: 'off', spellcheck: false, placeholder: 'EDTF, e.g. 2022-01' } })
  const preview = el('span', { className: 'filter-date-preview hint', attrs: { 'aria-live': 'polite' } })
  let span: { start: number; end: number } | null = null
  let sequence = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  async function read(): Promise<void> {
    const mine = ++sequence
    const text = input.value.trim()
    const answer = text ? await request('previewDate', text).catch(() => null) : null
    if (mine !== sequence) return
    span = answer?.span ?? null
    preview.textContent = text ? (answer?.error ?? answer?.words ?? '') : ''
    preview.classList.toggle('error', Boolean(answer?.error))
    onChange()
  }
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(() => void read(), DATE_DELAY_MS)
  })
  return {
    element: el('label', { className: 'filter-date' }, [el('span', { className: 'filter-label', text: name }), input, preview]),
    input,
    span: () => span,
    clear: () => {
      sequence++
      input.value = ''
      preview.textContent = ''
      span = null
    },
  }
}

export function createSearchFilters(onFiltersChange: () => void): SearchFilters {
  const summary = el('summary', { text: 'Filters' })
  // The summary says how many filters narrow the view, so a folded panel never hides that something is left out.
  const onChange = () => {
    const chosen = current()
    const parts = [chosen.lanes !== null, Boolean(chosen.events.tags), Boolean(chosen.events.minGrade), chosen.from !== undefined || chosen.to !== undefined].filter(Boolean).length
    summary.textContent = parts ? `Filters (${parts} on)` : 'Filters'
    onFiltersChange()
  }
  const laneBoxes = el('div', { className: 'filter-lanes', attrs: { role: 'group', 'aria-label': 'Lanes to show' } })
  const tags = el('input', { attrs: { type: 'text', 'aria-label': 'Tags', autocomplete: 'off', placeholder: 'any tag; comma separated', list: 'search-tag-options' } })
  const tagOptions = el('datalist', { attrs: { id: 'search-tag-options' } })
  const reliability = el('select', { attrs: { 'aria-label': 'Source reliability at least' } }, [
    el('option', { text: 'Any reliability', attrs: { value: '' } }),
    ...RELIABILITY_LETTERS.map((letter) => el('option', { text: `${letter} or better`, attrs: { value: letter } })),
  ])
  const credibility = el('select', { attrs: { 'aria-label': 'Information credibility at least' } }, [
    el('option', { text: 'Any credibility', attrs: { value: '' } }),
    ...CREDIBILITY_DIGITS.map((digit) => el('option', { text: `${digit} or better`, attrs: { value: digit } })),
  ])
  const from = dateField('From', onChange)
  const to = dateField('To', onChange)
  let tagTimer: ReturnType<typeof setTimeout> | undefined
  tags.addEventListener('input', () => {
    clearTimeout(tagTimer)
    tagTimer = setTimeout(onChange, DATE_DELAY_MS)
  })
  reliability.addEventListener('change', onChange)
  credibility.addEventListener('change', onChange)

  const boxes = () => [...laneBoxes.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')]

  function current(): ChosenFilters {
    const all = boxes()
    const chosen = all.filter((box) => box.checked).map((box) => box.value)
    const tagList = [...new Set(tags.value.split(',').map((tag) => tag.trim()).filter(Boolean))]
    // Only one mark chosen: the other is at its loosest ("cannot be judged"), so it narrows nothing.
    const minGrade = reliability.value || credibility.value ? `${reliability.value || 'F'}${credibility.value || '6'}` : undefined
    const fromSpan = from.span()
    const toSpan = to.span()
    return {
      lanes: chosen.length === all.length ? null : chosen,
      events: { ...(tagList.length ? { tags: tagList } : {}), ...(minGrade ? { minGrade } : {}) },
      ...(fromSpan ? { from: fromSpan.start } : {}),
      ...(toSpan ? { to: toSpan.end } : {}),
    }
  }

  const clearButton = el('button', {
    className: 'text-button',
    text: 'Clear filters',
    attrs: { type: 'button' },
    on: {
      click: () => {
        for (const box of boxes()) box.checked = true
        tags.value = ''
        reliability.value = ''
        credibility.value = ''
        from.clear()
        to.clear()
        onChange()
      },
    },
  })

  const element = el('details', { className: 'search-filters' }, [
    summary,
    el('div', { className: 'filter-body' }, [
      el('fieldset', { className: 'filter-group' }, [el('legend', { text: 'Lanes' }), laneBoxes]),
      el('label', { className: 'filter-row' }, [el('span', { className: 'filter-label', text: 'Tags' }), tags, tagOptions]),
      el('fieldset', { className: 'filter-group' }, [el('legend', { text: 'Minimum source grade' }), el('div', { className: 'field-pair' }, [reliability, credibility])]),
      el('fieldset', { className: 'filter-group' }, [el('legend', { text: 'Date window' }), el('div', { className: 'field-pair' }, [from.element, to.element])]),
      el('div', { className: 'filter-actions' }, [clearButton]),
    ]),
  ])

  return {
    element,
    current,
    active: () => {
      const chosen = current()
      return chosen.lanes !== null || Object.keys(chosen.events).length > 0 || chosen.from !== undefined || chosen.to !== undefined
    },
    clear: () => clearButton.click(),
    offer(view) {
      const unticked = new Set(boxes().filter((box) => !box.checked).map((box) => box.value))
      const lanes = view.lanes.filter((lane) => !lane.hidden).map((lane) => ({ id: lane.id, name: lane.name }))
      if (view.hasEventsWithoutLane) lanes.push({ id: NO_LANE, name: 'No lane' })
      laneBoxes.replaceChildren(
        ...lanes.map((lane) =>
          el('label', { className: 'check' }, [
            el('input', { attrs: { type: 'checkbox', value: lane.id, checked: !unticked.has(lane.id) }, on: { change: onChange } }),
            el('span', { text: lane.name }),
          ]),
        ),
      )
      // Tags offered as suggestions; a timeline of 100,000 events has far fewer distinct tags.
      void request('tagsInUse').then(
        (tags) => tagOptions.replaceChildren(...tags.map((tag) => el('option', { attrs: { value: tag } }))),
        () => undefined,
      )
    },
  }
}
