/**
 * File ▸ Open…: the recent timelines, every timeline in the library (title, events, notes, last
 * change), and "Open a file…" for a timeline kept anywhere else (a USB stick, a colleague's mail).
 */
import type { OpenTimelineChoice, TimelineListing } from '../../../main/ipc/contract'
import { request } from '../../api'
import { el } from '../../dom'
import { whenStamped } from '../../timeWords'
import { countOf } from '../../counts'

function counts(events: number, annotations: number): string {
  return `${countOf(events, 'event')}, ${countOf(annotations, 'note')}`
}

export interface TimelineChooser {
  element: HTMLDialogElement
  open(): Promise<void>
}

/** `onOpen` opens the choice and answers with an error message (the chooser stays open) or null. */
export function createTimelineChooser(onOpen: (choice: OpenTimelineChoice) => Promise<string | null>): TimelineChooser {
  const recentList = el('ul', { className: 'timeline-list', attrs: { 'aria-label': 'Recent timelines' } })
  const libraryBody = el('tbody')
  const message = el('p', { className: 'date-preview error', attrs: { role: 'status', 'aria-live': 'polite' } })

  async function choose(choice: OpenTimelineChoice): Promise<void> {
    message.textContent = 'Opening…'
    const problem = await onOpen(choice)
    message.textContent = problem ?? ''
    if (!problem) dialog.close()
  }

  const dialog = el('dialog', { className: 'dialog timeline-chooser', attrs: { 'aria-label': 'Open a timeline' } }, [
    el('h2', { text: 'Open a timeline' }),
    el('h3', { className: 'chooser-heading', text: 'Recent' }),
    recentList,
    el('h3', { className: 'chooser-heading', text: 'In your library' }),
    el('table', { className: 'data-table', attrs: { 'aria-label': 'Timelines in your library' } }, [
      el('thead', {}, [el('tr', {}, [el('th', { text: 'Title' }), el('th', { text: 'Contents' }), el('th', { text: 'Changed' }), el('th', { text: '' })])]),
      libraryBody,
    ]),
    message,
    el('div', { className: 'dialog-buttons' }, [
      el('button', { className: 'dialog-hint', text: 'Open a file…', attrs: { type: 'button' }, on: { click: () => void choose({ browse: true }) } }),
      el('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: () => dialog.close() } }),
    ]),
  ])

  function show(listing: TimelineListing): void {
    recentList.replaceChildren(
      ...listing.recent.map((entry) =>
        el('li', {}, [
          el('button', {
            className: 'link-button',
            text: entry.title,
            attrs: { type: 'button', disabled: entry.current || entry.missing, 'aria-label': `Open recent: ${entry.title}` },
            on: { click: () => void choose({ recent: entry.file }) },
          }),
          el('span', { className: 'muted', text: entry.current ? ' — open now' : entry.missing ? ` — not found at ${entry.file}` : entry.inLibrary ? ' — in your library' : ` — ${entry.file}` }),
        ]),
      ),
    )
    if (listing.recent.length === 0) recentList.append(el('li', { className: 'muted', text: 'Nothing opened yet.' }))
    libraryBody.replaceChildren(
      ...listing.library.map((timeline) =>
        el('tr', {}, [
          el('td', { text: timeline.title }),
          el('td', { text: timeline.problem ? `cannot be read as it is: ${timeline.problem}` : counts(timeline.events, timeline.annotations) }),
          el('td', { text: whenStamped(timeline.modified) }),
          el('td', {}, [
            timeline.current
              ? el('span', { className: 'muted', text: 'open now' })
              : el('button', {
                  text: 'Open',
                  attrs: { type: 'button', 'aria-label': `Open ${timeline.title}` },
                  on: { click: () => void choose({ library: timeline.name }) },
                }),
          ]),
        ]),
      ),
    )
  }

  return {
    element: dialog,
    async open() {
      message.textContent = ''
      show(await request('listTimelines'))
      dialog.showModal()
    },
  }
}
