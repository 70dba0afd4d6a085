/**
 * The note editor's choosers: colour from the fixed palette, an optional ICD 203 judgement, links
 * to events picked by title, and links to the sources of those events. Each is a small widget with
 * get/set, so the editor stays a form.
 */
import { ANNOTATION_COLOURS, CONFIDENCES, LIKELIHOODS } from '../../../main/domain/vocabulary'
import type { AnnotationColour, Judgement } from '../../../main/domain/timeline'
import type { AnnotationDetail } from '../../../main/ipc/contract'
import { el } from '../../dom'
import { colourName, gradeMark } from './noteWords'

export interface Field<T> {
  element: HTMLElement
  get(): T
  set(value: T): void
}

let groupCount = 0

/** Radio buttons, one per palette colour, each named ("Amber") so it can be chosen by keyboard and screen reader. */
export function colourField(): Field<AnnotationColour> {
  const name = `note-colour-${++groupCount}`
  const radios = ANNOTATION_COLOURS.map((colour) =>
    el('input', { attrs: { type: 'radio', name, value: colour, 'aria-label': colourName(colour) } }),
  )
  const element = el('fieldset', { className: 'colour-field' }, [
    el('legend', { text: 'Colour' }),
    ...radios.map((radio) =>
      el('label', { className: 'swatch', attrs: { title: colourName(radio.value as AnnotationColour) } }, [
        radio,
        el('span', { className: `swatch-colour note-colour-${radio.value}`, attrs: { 'aria-hidden': 'true' } }),
      ]),
    ),
  ])
  return {
    element,
    get: () => (radios.find((radio) => radio.checked)?.value ?? 'amber') as AnnotationColour,
    set: (colour) => radios.forEach((radio) => (radio.checked = radio.value === colour)),
  }
}

function select(name: string, options: [value: string, text: string][]): HTMLSelectElement {
  return el('select', { attrs: { 'aria-label': name } }, options.map(([value, text]) => el('option', { text, attrs: { value } })))
}

/**
 * Likelihood and confidence, chosen separately as ICD 203 asks. Both or neither: a half-given
 * judgement is reported by `problem()` rather than saved.
 */
export function judgementField(): Field<Judgement | undefined> & { problem(): string | null } {
  const likelihood = select('Likelihood', [['', 'No judgement'], ...LIKELIHOODS.map((term): [string, string] => [term, term])])
  const confidence = select('Confidence', [['', '—'], ...CONFIDENCES.map((term): [string, string] => [term, `${term} confidence`])])
  const element = el('fieldset', { className: 'judgement-field' }, [
    el('legend', { text: 'Judgement (ICD 203), optional' }),
    el('div', { className: 'field-pair' }, [likelihood, confidence]),
  ])
  return {
    element,
    get: () => (likelihood.value && confidence.value ? ({ likelihood: likelihood.value, confidence: confidence.value } as Judgement) : undefined),
    set: (judgement) => {
      likelihood.value = judgement?.likelihood ?? ''
      confidence.value = judgement?.confidence ?? ''
    },
    problem: () =>
      Boolean(likelihood.value) === Boolean(confidence.value)
        ? null
        : 'A judgement needs both a likelihood and a confidence (or neither).',
  }
}

export interface PickableEvent {
  id: string
  title: string
}

const SUGGESTIONS = 30

/**
 * Links to events: type part of a title, pick it from the suggestions, press Enter or "Link".
 * Suggestions are capped so a timeline of 100,000 events still answers at once.
 */
export function eventLinksField(events: () => readonly PickableEvent[], onChange: () => void = () => {}): Field<string[]> {
  const listId = `note-link-options-${++groupCount}`
  const options = el('datalist', { attrs: { id: listId } })
  const input = el('input', { attrs: { type: 'text', list: listId, 'aria-label': 'Event to link', placeholder: 'Type an event title', autocomplete: 'off' } })
  const message = el('span', { className: 'hint', attrs: { role: 'status' } })
  const chips = el('ul', { className: 'chips link-chips', attrs: { 'aria-label': 'Linked events' } })
  let linked: string[] = []

  function draw(): void {
    const titles = new Map(events().map((event) => [event.id, event.title]))
    chips.replaceChildren(
      ...linked.map((id) => {
        const title = titles.get(id) ?? 'a deleted event'
        return el('li', { className: 'chip' }, [
          el('span', { text: title }),
          el('button', {
            className: 'chip-remove',
            text: '×',
            attrs: { type: 'button', 'aria-label': `Remove link to ${title}` },
            on: { click: () => ((linked = linked.filter((other) => other !== id)), draw(), onChange()) },
          }),
        ])
      }),
    )
  }

  function suggest(): void {
    const typed = input.value.trim().toLocaleLowerCase()
    const matches: HTMLOptionElement[] = []
    for (const event of events()) {
      if (matches.length >= SUGGESTIONS) break
      if (!typed || event.title.toLocaleLowerCase().includes(typed)) matches.push(el('option', { attrs: { value: event.title } }))
    }
    options.replaceChildren(...matches)
  }

  function link(): void {
    const typed = input.value.trim()
    if (!typed) return
    const event = events().find((e) => e.title === typed) ?? events().find((e) => e.title.toLocaleLowerCase() === typed.toLocaleLowerCase())
    if (!event) {
      message.textContent = `No event is called “${typed}”.`
      return
    }
    if (!linked.includes(event.id)) linked = [...linked, event.id]
    input.value = ''
    message.textContent = ''
    draw()
    onChange()
  }

  input.addEventListener('input', suggest)
  input.addEventListener('keydown', (event) => {
    // Enter here links the event rather than saving the whole note.
    if (event.key === 'Enter' && input.value.trim()) {
      event.preventDefault()
      link()
    }
  })
  const element = el('fieldset', { className: 'links-field' }, [
    el('legend', { text: 'Linked events, optional' }),
    el('div', { className: 'field-pair' }, [input, el('button', { text: 'Link', attrs: { type: 'button' }, on: { click: link } })]),
    options,
    message,
    chips,
  ])
  return {
    element,
    get: () => [...linked],
    set: (ids) => {
      linked = [...ids]
      input.value = ''
      message.textContent = ''
      suggest()
      draw()
    },
  }
}

/** A source a note may link to, and the event it belongs to. */
export interface PickableSource {
  id: string
  title: string
  grade: string
  eventTitle: string
}

/** A source the note already links to, as the main process names it (title null: it was removed). */
export type LinkedSource = AnnotationDetail['linkedSources'][number]

/**
 * Links to sources, offered as checkboxes: the sources of the note's event and of the events it
 * links to (`offer`). A source already linked stays listed, and chosen, when its event is no
 * longer among them; one removed from the timeline is listed unchosen, since the link cannot be kept.
 */
export function sourceLinksField(): Field<string[]> & { offer(sources: readonly PickableSource[]): void; know(linked: readonly LinkedSource[]): void } {
  const list = el('ul', { className: 'note-links source-links', attrs: { 'aria-label': 'Sources to link' } })
  const empty = el('p', { className: 'hint', text: 'Link the note to an event to choose among its sources.' })
  const element = el('fieldset', { className: 'links-field' }, [el('legend', { text: 'Linked sources, optional' }), empty, list])
  let chosen = new Set<string>()
  let offered: readonly PickableSource[] = []
  let known = new Map<string, LinkedSource>()
  /** Linked sources no longer in the timeline: listed, unchosen, so saving drops the link. */
  let removed: string[] = []

  function row(id: string, title: string, where: string, grade: string | null): HTMLElement {
    const box = el('input', { attrs: { type: 'checkbox', value: id } })
    box.checked = chosen.has(id)
    box.addEventListener('change', () => (box.checked ? chosen.add(id) : chosen.delete(id)))
    return el('li', {}, [el('label', { className: 'source-choice' }, [box, gradeMark(grade), el('span', {}, [title, el('span', { className: 'muted', text: ` — ${where}` })])])])
  }

  function draw(): void {
    const offeredIds = new Set(offered.map((source) => source.id))
    const earlier = [...chosen].filter((id) => !offeredIds.has(id))
    list.replaceChildren(
      ...offered.map((source) => row(source.id, source.title, source.eventTitle, source.grade)),
      ...earlier.map((id) => row(id, known.get(id)?.title ?? id, 'linked earlier', known.get(id)?.grade ?? null)),
      ...removed.filter((id) => !chosen.has(id)).map((id) => row(id, 'A source removed from the timeline', 'the link is dropped on saving', null)),
    )
    empty.hidden = list.childElementCount > 0
  }

  return {
    element,
    get: () => [...chosen],
    set: (ids) => {
      chosen = new Set(ids)
      draw()
    },
    know: (linked) => {
      known = new Map(linked.map((source) => [source.id, source]))
      removed = linked.filter((source) => source.title === null).map((source) => source.id)
      for (const id of removed) chosen.delete(id)
      draw()
    },
    offer: (sources) => {
      offered = sources
      draw()
    },
  }
}
