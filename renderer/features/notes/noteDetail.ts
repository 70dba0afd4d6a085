/**
 * One note in full, as the Notes tab shows it once selected: its text, judgement, tags, links,
 * author and times, the buttons that change it, and every earlier version with a way back to it.
 * A note in the trash can only be restored; nothing about it is lost while it is there.
 */
import type { AnnotationDetail } from '../../../main/ipc/contract'
import { el } from '../../dom'
import { markdownView } from './markdownView'
import { historyList } from './noteHistory'
import { byline, colourMark, gradeMark, judgementInWords, kindInWords } from './noteWords'
import { whenStamped } from '../../timeWords'

export interface NoteDetailActions {
  back(): void
  edit(id: string): void
  remove(id: string): void
  restore(id: string): void
  restoreVersion(id: string, index: number): void
  showEvent(eventId: string): void
}

function field(title: string, ...content: (HTMLElement | null)[]): HTMLElement | null {
  const present = content.filter((part): part is HTMLElement => part !== null)
  if (present.length === 0) return null
  return el('section', { className: 'field', attrs: { 'aria-label': title } }, [el('h3', { text: title }), ...present])
}

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function noteDetailView(detail: AnnotationDetail, actions: NoteDetailActions): HTMLElement {
  const { annotation: note } = detail
  const trashed = Boolean(note.deleted)
  const buttons = trashed
    ? [el('button', { className: 'primary', text: 'Restore', attrs: { type: 'button', 'aria-label': 'Restore from the trash' }, on: { click: () => actions.restore(note.id) } })]
    : [
        el('button', { className: 'primary', text: 'Edit', attrs: { type: 'button', 'aria-label': 'Edit note' }, on: { click: () => actions.edit(note.id) } }),
        el('button', { text: 'Delete', attrs: { type: 'button', 'aria-label': 'Delete note', title: 'Moves the note to the trash; it can be restored' }, on: { click: () => actions.remove(note.id) } }),
      ]

  const linkedEvents = detail.linkedEvents.map(({ id, title }) =>
    el('li', {}, [
      title === null
        ? el('span', { className: 'muted', text: 'an event that has been deleted' })
        : el('button', { className: 'link-button', text: title, attrs: { type: 'button', title: 'Show this event' }, on: { click: () => actions.showEvent(id) } }),
    ]),
  )
  const linkedSources = detail.linkedSources.map(({ title, grade }) =>
    el('li', {}, [gradeMark(grade), el('span', { text: title ?? 'a source that has been removed' })]),
  )
  const eventAnchor = note.anchor.kind === 'event' ? note.anchor.eventId : null

  const versions = detail.history.length + 1
  const history = historyList(detail, trashed ? null : (index) => actions.restoreVersion(note.id, index))

  const parts: (HTMLElement | null)[] = [
    el('button', { className: 'text-button back-button', text: '← All notes', attrs: { type: 'button' }, on: { click: () => actions.back() } }),
    el('div', { className: 'note-detail-kind' }, [colourMark(note.colour), el('span', { text: kindInWords(note.anchor.kind) }), trashed ? el('span', { className: 'trash-flag', text: 'In the trash' }) : null]),
    // Without a label the note is named by what it is on ("On Taliban take Kabul (15 August 2021)").
    el('h2', { className: 'panel-title', text: note.label.trim() || capitalised(detail.anchorInWords) }),
    el('p', { className: 'panel-date' }, [
      note.label.trim() ? el('span', { className: 'date-words', text: detail.anchorInWords }) : null,
      note.anchor.kind === 'event' ? null : el('code', { className: 'date-edtf', text: note.anchor.date, attrs: { title: 'date as written (EDTF)' } }),
      eventAnchor ? el('button', { className: 'text-button', text: 'Show the event', attrs: { type: 'button' }, on: { click: () => actions.showEvent(eventAnchor) } }) : null,
    ]),
    note.judgement ? el('p', { className: 'judgement', attrs: { 'aria-label': 'Judgement' } }, [el('span', { className: 'judgement-words', text: judgementInWords(note.judgement) })]) : null,
    markdownView(detail.text),
    field('Tags', note.tags.length ? el('ul', { className: 'chips' }, note.tags.map((tag) => el('li', { className: 'chip', text: tag }))) : null),
    field('Linked events', linkedEvents.length ? el('ul', { className: 'note-links' }, linkedEvents) : null),
    field('Linked sources', linkedSources.length ? el('ul', { className: 'note-links' }, linkedSources) : null),
    el('p', { className: 'note-byline' }, [
      // The note's author field signs its latest version; whoever wrote the first version wrote the note.
      el('span', { text: `Written by ${byline(detail.history[0]?.version.author ?? note.author, note.created)}` }),
      note.updated !== note.created ? el('span', { text: `Last changed by ${byline(note.author, note.updated)}` }) : null,
      trashed ? el('span', { text: `Moved to the trash ${whenStamped(note.deleted!)}` }) : null,
    ]),
    el('div', { className: 'note-actions' }, buttons),
    el('section', { className: 'field', attrs: { 'aria-label': 'History' } }, [el('h3', { text: `History (${versions} version${versions === 1 ? '' : 's'})` }), history]),
  ]
  return el('article', { className: 'note-detail', attrs: { 'aria-label': 'Note' } }, parts)
}
