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

/** Where the links field finds events: the main process, which holds them all. */
export interface EventFinder {
  /** Events whose titles contain `typed`, best first (the title itself first), a picker's worth. */
  titled(typed: string): Promise<readonly PickableEvent[]>
  /** These events' titles; a deleted event is left out. */
  titlesOf(ids: readonly string[]): Promise<readonly PickableEvent[]>
}

/**
 * Links to events: type part of a title, pick it from the suggestions, press Enter or "Link".
 * Suggestions are asked for as the analyst types, so a timeline of 100,000 events is never sent
 * whole to the window.
 */
export function eventLinksField(find: EventFinder, onChange: () => void = () => {}): Field<string[]> {
  const listId = `note-link-options-${++groupCount}`
  const options = el('datalist', { attrs: { id: listId } })
  const input = el('input', { attrs: { type: 'text', list: listId, 'aria-label': 'Event to link', placeholder: 'Type an event title', autocomplete: 'off' } })
  const message = el('span', { className: 'hint', attrs: { role: 'status' } })
  const chips = el('ul', { className: 'chips link-chips', attrs: { 'aria-label': 'Linked events' } })
  let linked: string[] = []
  /** Titles of the linked events, as far as they are known yet. */
  const titles = new Map<string, string>()
  let titlesAsked = 0
  /** A linked event with no title known: deleted, or — when the main process could not be asked — unnamed. */
  let untitled = 'a deleted event'

  function draw(): void {
    chips.replaceChildren(
      ...linked.map((id) => {
        const title = titles.get(id) ?? untitled
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

  let suggestAsked = 0
  async function suggest(): Promise<void> {
    const mine = ++suggestAsked
    const matches = await find.titled(input.value).catch(() => [])
    // An answer overtaken by further typing is dropped.
    if (mine === suggestAsked) options.replaceChildren(...matches.map((event) => el('option', { attrs: { value: event.title } })))
  }

  async function link(): Promise<void> {
    const typed = input.value.trim()
    if (!typed) return
    const found = await find.titled(typed).catch(() => [])
    const event = found.find((e) => e.title === typed) ?? found.find((e) => e.title.toLocaleLowerCase() === typed.toLocaleLowerCase())
    // Typing on while the answer came: the words are the analyst's new ones, not this answer's.
    if (input.value.trim() !== typed) return
    if (!event) {
      message.textContent = `No event is called “${typed}”.`
      return
    }
    titles.set(event.id, event.title)
    if (!linked.includes(event.id)) linked = [...linked, event.id]
    input.value = ''
    message.textContent = ''
    draw()
    onChange()
  }

  input.addEventListener('input', () => void suggest())
  input.addEventListener('keydown', (event) => {
    // Enter here links the event rather than saving the whole note.
    if (event.key === 'Enter' && input.value.trim()) {
      event.preventDefault()
      void link()
    }
  })
  const element = el('fieldset', { className: 'links-field' }, [
    el('legend', { text: 'Linked events, optional' }),
    el('div', { className: 'field-pair' }, [input, el('button', { text: 'Link', attrs: { type: 'button' }, on: { click: () => void link() } })]),
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
      titles.clear()
      chips.replaceChildren()
      void suggest()
      const mine = ++titlesAsked
      const named = (events: readonly PickableEvent[], missing: string) => {
        // Set again before the answer came (the editor reopened): that later ask draws.
        if (mine !== titlesAsked) return
        untitled = missing
        for (const event of events) titles.set(event.id, event.title)
        draw()
      }
      void find.titlesOf(linked).then(
        (events) => named(events, 'a deleted event'),
        () => named([], 'an event'),
      )
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
