/**
 * The note editor: one dialog for all three kinds of note (on an event, on a span of time, on a
 * moment). It only gathers what the analyst typed; the main process checks it on save, and its
 * answer — a saved note, or what is wrong in words — decides whether the dialog closes.
 */
import type { AnnotationInput, EditApplied } from '../../../main/ipc/contract'
import { request } from '../../api'
import { el } from '../../dom'
import { wireEditorForm } from '../../controls/editorForm'
import { createAnchorDates, type DatedKind } from './anchorDates'
import { colourField, eventLinksField, judgementField, sourceLinksField, type EventFinder, type LinkedSource, type PickableEvent, type PickableSource } from './editorFields'
import { markdownView } from './markdownView'
import type { NoteKind } from './noteWords'

export interface NoteDraft {
  /** The note being edited; null for a new note. */
  id: string | null
  content: AnnotationInput
  /** The event "on the event" refers to: the note's own event, or the one selected when it was started. */
  event: PickableEvent | null
  /** The sources the note links to, as the main process names them (an edited note). */
  linkedSources?: readonly LinkedSource[]
}

export interface NoteEditorDeps {
  /** Finds events to link to (the main process holds them). */
  events: EventFinder
  /** Saves through the main process; throws with the main process's message if it refuses. */
  save(id: string | null, content: AnnotationInput): Promise<EditApplied>
  onSaved(applied: EditApplied): void
}

export interface NoteEditor {
  element: HTMLDialogElement
  open(draft: NoteDraft): void
}

const TEXT_PREVIEW_DELAY_MS = 150

export function createNoteEditor(deps: NoteEditorDeps): NoteEditor {
  let draft: NoteDraft = { id: null, content: { anchor: { kind: 'moment', date: '' }, text: '' }, event: null }

  const heading = el('h2')
  const kindName = `note-kind-${Math.random().toString(36).slice(2)}`
  const kindRadio = (kind: NoteKind, text: string) => {
    const radio = el('input', { attrs: { type: 'radio', name: kindName, value: kind }, on: { change: () => (showKind(), void offerSources()) } })
    const words = el('span', { text })
    return { radio, words, label: el('label', { className: 'kind-choice' }, [radio, words]) }
  }
  const kinds = {
    event: kindRadio('event', 'On the event'),
    span: kindRadio('span', 'On a span of time'),
    moment: kindRadio('moment', 'On a moment'),
  }
  const dates = createAnchorDates()
  const label = el('input', { attrs: { type: 'text', 'aria-label': 'Label', placeholder: 'A short title, optional', maxlength: 1_000, autocomplete: 'off' } })
  const text = el('textarea', { attrs: { 'aria-label': 'Text', rows: 6, maxlength: 200_000, placeholder: 'Your note. *emphasis*, **strong**, - lists, [links](https://…)' } })
  const textPreview = el('div', { className: 'text-preview', attrs: { 'aria-label': 'Text preview', role: 'region' } })
  const tags = el('input', { attrs: { type: 'text', 'aria-label': 'Tags', placeholder: 'comma separated, e.g. escalation, diplomacy', autocomplete: 'off' } })
  const colour = colourField()
  const judgement = judgementField()
  const links = eventLinksField(deps.events, () => void offerSources())
  const sourceLinks = sourceLinksField()
  const error = el('p', { className: 'form-error', attrs: { role: 'alert' } })
  const saveButton = el('button', { className: 'primary', text: 'Save', attrs: { type: 'submit', title: 'Save (Ctrl+Enter)' } })

  function chosenKind(): NoteKind {
    return (Object.keys(kinds) as NoteKind[]).find((kind) => kinds[kind].radio.checked) ?? 'moment'
  }

  function showKind(): void {
    const kind = chosenKind()
    dates.show(kind === 'event' ? null : kind)
  }

  /** Each event's sources, fetched once per opening of the editor. */
  let sourcesByEvent = new Map<string, Promise<PickableSource[]>>()
  let offerSequence = 0
  /** Offers the sources of the note's event (when it is on one) and of the events it links to. */
  async function offerSources(): Promise<void> {
    const mine = ++offerSequence
    const eventIds = [...new Set([...(chosenKind() === 'event' && draft.event ? [draft.event.id] : []), ...links.get()])]
    const lists = await Promise.all(
      eventIds.map((id) => {
        let sources = sourcesByEvent.get(id)
        if (!sources) {
          sources = request('getEvent', id).then(
            ({ event }) => event.sources.map((source) => ({ id: source.id, title: source.title, grade: source.grade, eventTitle: event.title })),
            () => [], // a deleted event has no sources to offer
          )
          sourcesByEvent.set(id, sources)
        }
        return sources
      }),
    )
    if (mine === offerSequence) sourceLinks.offer(lists.flat())
  }

  let previewSequence = 0
  let previewTimer: ReturnType<typeof setTimeout> | undefined
  /** The preview is the main process's own reading of the text, so it shows exactly what will be kept as a link. */
  async function updateTextPreview(): Promise<void> {
    const mine = ++previewSequence
    const blocks = text.value.trim() ? await request('previewNoteText', text.value).catch(() => null) : []
    if (mine !== previewSequence || !blocks) return
    textPreview.replaceChildren(markdownView(blocks))
  }
  text.addEventListener('input', () => {
    clearTimeout(previewTimer)
    previewTimer = setTimeout(() => void updateTextPreview(), TEXT_PREVIEW_DELAY_MS)
  })

  function content(): AnnotationInput {
    const kind = chosenKind()
    const tagList = [...new Set(tags.value.split(',').map((tag) => tag.trim()).filter(Boolean))]
    return {
      anchor: kind === 'event' ? { kind, eventId: draft.event?.id ?? '' } : { kind, date: dates.date(kind as DatedKind) },
      label: label.value.trim(),
      text: text.value,
      tags: tagList,
      colour: colour.get(),
      judgement: judgement.get(),
      links: { events: links.get(), sources: sourceLinks.get() },
    }
  }

  /** What must be fixed before the main process is even asked; everything else is its call. */
  function problem(): string | null {
    const kind = chosenKind()
    if (kind !== 'event' && !dates.date(kind)) return kind === 'span' ? 'Give the span a start and an end.' : 'Give the moment a date.'
    return judgement.problem()
  }

  const form = el('form', { className: 'note-form', attrs: { method: 'dialog' } }, [
    heading,
    el('fieldset', { className: 'kind-field' }, [el('legend', { text: 'Attached to' }), kinds.event.label, kinds.span.label, kinds.moment.label]),
    dates.element,
    el('label', { className: 'form-row' }, [el('span', { text: 'Label' }), label]),
    el('div', { className: 'text-field' }, [
      el('label', { className: 'form-row' }, [el('span', { text: 'Text' }), text]),
      el('div', { className: 'form-row' }, [el('span', { className: 'hint', text: 'Preview' }), textPreview]),
    ]),
    el('label', { className: 'form-row' }, [el('span', { text: 'Tags' }), tags]),
    colour.element,
    judgement.element,
    links.element,
    sourceLinks.element,
    error,
    el('div', { className: 'dialog-buttons' }, [
      el('span', { className: 'hint dialog-hint', text: 'Ctrl+Enter saves · Esc cancels' }),
      el('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: () => dialog.close() } }),
      saveButton,
    ]),
  ])

  const dialog = el('dialog', { className: 'dialog note-editor', attrs: { 'aria-labelledby': 'note-editor-heading' } }, [form])
  wireEditorForm({ form, dialog, saveButton, error, problem, save: () => deps.save(draft.id, content()), onSaved: deps.onSaved })
  heading.id = 'note-editor-heading'

  return {
    element: dialog,
    open(next) {
      draft = next
      const { anchor } = next.content
      heading.textContent = next.id ? 'Edit note' : 'New note'
      kinds.event.label.hidden = next.event === null
      kinds.event.words.textContent = next.event ? `On the event “${next.event.title}”` : 'On the event'
      for (const kind of Object.keys(kinds) as NoteKind[]) kinds[kind].radio.checked = kind === anchor.kind
      dates.set('span', anchor.kind === 'span' ? anchor.date : '')
      dates.set('moment', anchor.kind === 'moment' ? anchor.date : '')
      showKind()
      label.value = next.content.label ?? ''
      text.value = next.content.text
      tags.value = (next.content.tags ?? []).join(', ')
      colour.set(next.content.colour ?? 'amber')
      judgement.set(next.content.judgement)
      links.set(next.content.links?.events ?? [])
      sourcesByEvent = new Map()
      sourceLinks.set(next.content.links?.sources ?? [])
      sourceLinks.know(next.linkedSources ?? [])
      sourceLinks.offer([])
      void offerSources()
      error.textContent = ''
      void updateTextPreview()
      dialog.showModal()
      if (anchor.kind !== 'event' && !anchor.date) dates.focus(anchor.kind)
      else text.focus()
    },
  }
}
