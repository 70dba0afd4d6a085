/**
 * The notes on one event, for the event's Details tab: each note (click to read it in full) and
 * "Add note". The section stays live: when notes change it redraws itself for the same event.
 */
import type { ListedAnnotation } from '../../../main/ipc/contract'
import { request } from '../../api'
import { el } from '../../dom'
import type { NotesOnTimeline } from '../notesOnTimeline'
import { colourMark, judgementInWords, listedNoteTitle } from './noteWords'

export interface EventNotesActions {
  open(note: ListedAnnotation['annotation']): void
  add(eventId: string): void
}

/** Returns a builder for the section under an event's details; only the latest section is kept live. */
export function eventNotesSection(notes: NotesOnTimeline, actions: EventNotesActions): (eventId: string) => HTMLElement {
  let live: { eventId: string; element: HTMLElement } | null = null

  async function fill(element: HTMLElement, eventId: string): Promise<void> {
    const mine = await request('listAnnotations', { eventId }).catch(() => null)
    // A newer fill (another event, or the notes changed again) may have finished first.
    if (!mine || live?.element !== element || live.eventId !== eventId) return
    element.replaceChildren(
      el('div', { className: 'event-notes-head' }, [
        el('h3', { text: `Notes (${mine.length})` }),
        el('button', { className: 'quiet-button', text: 'Add note', attrs: { type: 'button', 'aria-label': 'Add note on this event', title: 'Add note (N)' }, on: { click: () => actions.add(eventId) } }),
      ]),
      mine.length
        ? el('ul', { className: 'event-notes-list' }, mine.map((row) => item(row)))
        : el('p', { className: 'muted', text: 'No notes on this event yet.' }),
    )
  }

  function item({ annotation: note }: ListedAnnotation): HTMLElement {
    const judgement = judgementInWords(note.judgement)
    return el('li', {}, [
      el('button', { className: 'event-note', attrs: { type: 'button' }, on: { click: () => actions.open(note) } }, [
        colourMark(note.colour),
        el('span', { className: 'event-note-body' }, [
          el('span', { className: 'event-note-title', text: listedNoteTitle(note) }),
          judgement ? el('span', { className: 'event-note-judgement', text: judgement }) : null,
        ]),
        el('span', { className: 'note-initials-badge', text: note.author.initials || '—', attrs: { title: note.author.name } }),
      ]),
    ])
  }

  notes.onChange(() => {
    if (live?.element.isConnected) void fill(live.element, live.eventId)
  })

  return (eventId) => {
    const element = el('section', { className: 'field event-notes', attrs: { 'aria-label': 'Notes on this event' } })
    live = { eventId, element }
    void fill(element, eventId)
    return element
  }
}
