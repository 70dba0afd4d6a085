/**
 * The event editor: add or edit one of the analyst's own events — title, EDTF date (with what it
 * means, read by the main process as it is typed), lanes, tags, place, description and graded
 * sources. The dialog only gathers what was typed; the main process checks it on save, and its
 * answer — the saved event, or what is wrong in words — decides whether the dialog closes.
 */
import type { Lane, TimelineEvent } from '../../../main/domain/timeline'
import type { EditApplied, EventInput } from '../../../main/ipc/contract'
import { request } from '../../api'
import { el } from '../../dom'
import { wireEditorForm } from '../../controls/editorForm'
import { sourcesField } from './sourcesField'

export interface EventEditorDeps {
  lanes(): readonly Lane[]
  /** Saves through the main process; throws with its message if it refuses (nothing is then saved). */
  save(id: string | null, input: EventInput): Promise<EditApplied>
  onSaved(applied: EditApplied): void
}

export interface EventEditor {
  element: HTMLDialogElement
  /** Opens for a new event (null) or to edit a stored one. `lanes` preselects lanes for a new event. */
  open(event: TimelineEvent | null, lanes?: readonly string[]): void
}

const DATE_PREVIEW_DELAY_MS = 120

export function createEventEditor(deps: EventEditorDeps): EventEditor {
  let editing: TimelineEvent | null = null

  const heading = el('h2', { attrs: { id: 'event-editor-heading' } })
  const title = el('input', { attrs: { type: 'text', 'aria-label': 'Title', maxlength: 1_000, autocomplete: 'off', placeholder: 'What happened' } })
  const date = el('input', {
    attrs: { type: 'text', 'aria-label': 'Date (EDTF)', maxlength: 200, autocomplete: 'off', spellcheck: false, placeholder: 'e.g. 2022-01-10, 2022-01, [2022-01-06,2022-01-07]' },
  })
  const datePreview = el('p', { className: 'date-preview', attrs: { role: 'status', 'aria-live': 'polite', 'aria-label': 'What the date means' } })
  const laneBoxes = el('div', { className: 'lane-choices' })
  const tags = el('input', { attrs: { type: 'text', 'aria-label': 'Tags', autocomplete: 'off', placeholder: 'comma separated, e.g. diplomacy, arms-control' } })
  const place = el('input', { attrs: { type: 'text', 'aria-label': 'Place', maxlength: 1_000, autocomplete: 'off', placeholder: 'e.g. Geneva' } })
  const description = el('textarea', { attrs: { 'aria-label': 'Description', rows: 4, maxlength: 200_000 } })
  const sources = sourcesField()
  const error = el('p', { className: 'form-error', attrs: { role: 'alert' } })
  const saveButton = el('button', { className: 'primary', text: 'Save', attrs: { type: 'submit', title: 'Save (Ctrl+Enter)' } })

  let previewSequence = 0
  let previewTimer: ReturnType<typeof setTimeout> | undefined
  /** What the main process reads the date as; a newer keystroke makes older answers moot. */
  async function updatePreview(): Promise<void> {
    const mine = ++previewSequence
    const text = date.value.trim()
    if (!text) {
      datePreview.textContent = ''
      datePreview.classList.remove('error')
      return
    }
    const answer = await request('previewDate', text).catch(() => null)
    if (mine !== previewSequence || !answer) return
    datePreview.textContent = answer.error ?? answer.words
    datePreview.classList.toggle('error', Boolean(answer.error))
  }
  date.addEventListener('input', () => {
    clearTimeout(previewTimer)
    previewTimer = setTimeout(() => void updatePreview(), DATE_PREVIEW_DELAY_MS)
  })

  function showLanes(chosen: readonly string[]): void {
    const lanes = deps.lanes()
    laneBoxes.replaceChildren(
      ...(lanes.length
        ? lanes.map((lane) =>
            el('label', { className: 'check' }, [
              el('input', { attrs: { type: 'checkbox', value: lane.id, checked: chosen.includes(lane.id) } }),
              el('span', { text: lane.hidden ? `${lane.name} (hidden)` : lane.name }),
            ]),
          )
        : [el('span', { className: 'hint', text: 'No lanes yet: add them with Lanes in the toolbar.' })]),
    )
  }

  function input(): EventInput {
    const chosenLanes = [...laneBoxes.querySelectorAll<HTMLInputElement>('input:checked')].map((box) => box.value)
    const placeName = place.value.trim()
    const old = editing?.location
    // A place typed over keeps any coordinates an import gave it; an emptied one without coordinates goes.
    const location = placeName || old?.latitude !== undefined ? { ...old, name: placeName } : undefined
    return {
      title: title.value.trim(),
      date: date.value.trim(),
      description: description.value,
      lanes: chosenLanes,
      tags: [...new Set(tags.value.split(',').map((tag) => tag.trim()).filter(Boolean))],
      ...(location ? { location } : {}),
      sources: sources.get(),
    }
  }

  /** What must be fixed before the main process is even asked; the date is its call. */
  function problem(): string | null {
    if (!title.value.trim()) return 'Give the event a title.'
    if (!date.value.trim()) return 'Give the event a date.'
    return sources.problem()
  }

  const form = el('form', { className: 'note-form event-form', attrs: { method: 'dialog' } }, [
    heading,
    el('label', { className: 'form-row' }, [el('span', { text: 'Title' }), title]),
    el('label', { className: 'form-row event-date' }, [el('span', { text: 'Date (EDTF)' }), date]),
    datePreview,
    el('fieldset', { className: 'lanes-field' }, [el('legend', { text: 'Lanes' }), laneBoxes]),
    el('div', { className: 'field-pair' }, [
      el('label', { className: 'form-row' }, [el('span', { text: 'Tags' }), tags]),
      el('label', { className: 'form-row' }, [el('span', { text: 'Place' }), place]),
    ]),
    el('label', { className: 'form-row' }, [el('span', { text: 'Description' }), description]),
    sources.element,
    el('div', { className: 'dialog-buttons' }, [
      error,
      el('span', { className: 'hint dialog-hint', text: 'Ctrl+Enter saves · Esc cancels' }),
      el('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: () => dialog.close() } }),
      saveButton,
    ]),
  ])

  const dialog = el('dialog', { className: 'dialog event-editor', attrs: { 'aria-labelledby': 'event-editor-heading' } }, [form])
  wireEditorForm({ form, dialog, saveButton, error, problem, save: () => deps.save(editing?.id ?? null, input()), onSaved: deps.onSaved })

  return {
    element: dialog,
    open(event, lanes = []) {
      editing = event
      heading.textContent = event ? 'Edit event' : 'New event'
      title.value = event?.title ?? ''
      date.value = event?.date ?? ''
      showLanes(event?.lanes ?? lanes)
      tags.value = (event?.tags ?? []).join(', ')
      place.value = event?.location?.name ?? ''
      description.value = event?.description ?? ''
      sources.set(event?.sources ?? [])
      error.textContent = ''
      void updatePreview()
      dialog.showModal()
      title.focus()
    },
  }
}
