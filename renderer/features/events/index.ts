/**
 * Adding, editing and deleting the analyst's own events: the event editor (command "New event…",
 * E on the selected event, Edit in the Details tab) and Delete with a confirmation that says the
 * event's notes go to the trash. Every change is one undoable step in the main process.
 */
import type { EditApplied, EventDetail } from '../../../main/ipc/contract'
import { request } from '../../api'
import { el } from '../../dom'
import { eventTitle } from '../../eventTitles'
import { addEventPanelSection } from '../../panels/eventPanel'
import type { AppContext } from '../../shell/appContext'
import { createEventEditor } from './eventEditor'

const isMac = navigator.platform.toLowerCase().includes('mac')
const UNDO_KEY = isMac ? '⌘Z' : 'Ctrl+Z'

/** A modal question with the safe answer focused, so Enter never deletes by accident. */
function createDeleteConfirm(): { element: HTMLDialogElement; ask(title: string, notes: number): Promise<boolean> } {
  const question = el('p', { className: 'dialog-intro' })
  const consequence = el('p', { className: 'dialog-intro muted-line' })
  let answer: (yes: boolean) => void = () => undefined
  const cancel = el('button', { text: 'Keep event', attrs: { type: 'button' }, on: { click: () => dialog.close('no') } })
  const confirm = el('button', { className: 'danger', text: 'Delete event', attrs: { type: 'button' }, on: { click: () => dialog.close('yes') } })
  const dialog = el('dialog', { className: 'dialog confirm-dialog', attrs: { 'aria-labelledby': 'delete-event-heading' } }, [
    el('h2', { text: 'Delete event?', attrs: { id: 'delete-event-heading' } }),
    question,
    consequence,
    el('div', { className: 'dialog-buttons' }, [cancel, confirm]),
  ])
  dialog.addEventListener('close', () => answer(dialog.returnValue === 'yes'))
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') event.stopPropagation()
  })
  return {
    element: dialog,
    ask(title, notes) {
      question.textContent = `“${title}” will be removed from the timeline.`
      consequence.textContent =
        (notes === 0
          ? 'It has no notes. '
          : `Its ${notes === 1 ? 'note goes' : `${notes} notes go`} to the trash, where ${notes === 1 ? 'it can' : 'they can'} be restored. `) +
        `You can undo this (${UNDO_KEY}).`
      dialog.returnValue = ''
      dialog.showModal()
      cancel.focus()
      return new Promise((resolve) => (answer = resolve))
    },
  }
}

export function mountEventEditing(context: AppContext): void {
  const editor = createEventEditor({
    lanes: () => context.view().lanes,
    save: (id, input) => (id ? request('updateEvent', id, input) : request('addEvent', input)),
    onSaved: (applied) => void afterSave(applied),
  })
  const confirmDelete = createDeleteConfirm()
  context.dialogs.append(editor.element, confirmDelete.element)

  async function afterSave(applied: EditApplied): Promise<void> {
    await context.reload()
    const saved = applied.events[0]
    if (saved) {
      context.timeline.frame(saved.span.start, saved.span.end)
      context.selection.set({ kind: 'event', id: saved.id })
    }
    context.status(applied.label ? `Saved: ${applied.label}` : 'Nothing changed.')
  }

  async function newEvent(): Promise<void> {
    // A new event starts in the lane of the selected event, where the analyst is working.
    const selected = context.selection.current()
    const near = selected?.kind === 'event' ? await eventTitle(selected.id) : null
    editor.open(null, near?.lanes ?? [])
  }

  async function edit(eventId: string): Promise<void> {
    const detail = await request('getEvent', eventId).catch(() => null)
    if (detail) editor.open(detail.event)
  }

  async function remove(eventId: string): Promise<void> {
    const event = await eventTitle(eventId)
    if (!event) return
    const notes = (await request('listAnnotations', { eventId }).catch(() => [])).length
    if (!(await confirmDelete.ask(event.title, notes))) return
    const applied = await request('deleteEvent', eventId).catch(() => null)
    if (!applied) return
    context.selection.set(null)
    await context.reload()
    context.status(`Deleted: ${applied.label}. Undo with ${UNDO_KEY}.`)
  }

  addEventPanelSection((detail: EventDetail) =>
    el('div', { className: 'event-actions', attrs: { role: 'group', 'aria-label': 'Event actions' } }, [
      el('button', {
        className: 'quiet-button',
        text: 'Edit event',
        attrs: { type: 'button', title: 'Edit this event (E)' },
        on: { click: () => void edit(detail.event.id) },
      }),
      el('button', {
        className: 'quiet-button danger-quiet',
        text: 'Delete event…',
        attrs: { type: 'button' },
        on: { click: () => void remove(detail.event.id) },
      }),
    ]),
  )

  const selectedEvent = () => {
    const selected = context.selection.current()
    return selected?.kind === 'event' ? selected.id : null
  }
  context.shortcuts.add({
    keys: ['e'],
    label: 'Edit the selected event',
    run: () => {
      const id = selectedEvent()
      if (id) void edit(id)
      else context.status('Select an event to edit it (or use New event… in Commands).')
    },
  })
  context.addCommand('new-event', 'New event…', newEvent)
}
