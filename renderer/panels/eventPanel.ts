/**
 * The detail panel for the selected event: title, the date as written and in words, description,
 * lanes, tags, each source with its Admiralty grade spelled out, and where an imported event came
 * from. Links open in the system browser through the main process, which vets them; the page
 * itself never navigates.
 */
import type { TimelineEvent } from '../../main/domain/timeline'
import type { EventDetail, GradedSource } from '../../main/ipc/contract'
import { request } from '../api'
import { el } from '../dom'
import { whenStamped } from '../timeWords'

/**
 * The inspector pane is always there, empty or not: its width never changes, so neither does the
 * timeline's (vis-timeline misplaces items after its container narrows while zoomed out).
 */
export interface EventPanel {
  element: HTMLElement
  show(detail: EventDetail): void
  close(): void
  isOpen(): boolean
}

function placeholder(): HTMLElement {
  return el('div', { className: 'panel-empty' }, [
    el('p', { text: 'Select an event to read its sources and grades.' }),
    el('p', { className: 'muted', text: 'Click an event, or press J / K to step through them. Press ? for all shortcuts.' }),
  ])
}

function sourceItem(source: GradedSource): HTMLElement {
  const title = source.url
    ? el('button', {
        className: 'link-button',
        text: source.title,
        attrs: { type: 'button', title: source.url, 'aria-label': `${source.title} (opens in your web browser)` },
        on: { click: () => void request('openExternal', source.url).catch(() => undefined) },
      })
    : el('span', { text: source.title })
  return el('li', { className: 'source' }, [
    el('span', { className: `grade grade-${source.grade[0] ?? 'none'}`, text: source.grade || '—', attrs: { title: source.gradeInWords } }),
    el('div', { className: 'source-body' }, [
      title,
      el('div', { className: 'source-meta', text: [source.publisher, source.dateInWords].filter(Boolean).join(' · ') }),
      el('div', { className: 'source-grade-words', text: source.gradeInWords }),
    ]),
  ])
}

function chips(label: string, values: string[]): HTMLElement | null {
  if (values.length === 0) return null
  return el('div', { className: 'field' }, [
    el('h3', { text: label }),
    el('ul', { className: 'chips', attrs: { 'aria-label': label } }, values.map((value) => el('li', { className: 'chip', text: value }))),
  ])
}

/** Where an imported event came from ("field-reports.csv · row 2"), so it can be traced back. */
function provenance(origin: NonNullable<TimelineEvent['provenance']>): HTMLElement {
  return el('section', { className: 'field', attrs: { 'aria-label': 'Imported from' } }, [
    el('h3', { text: 'Imported from' }),
    el('p', { className: 'panel-provenance', text: [origin.file, origin.original].filter(Boolean).join(' · ') }),
    el('p', { className: 'muted', text: `on ${whenStamped(origin.importedAt)}` }),
  ])
}

/** Sections other features add under an event's details (its notes, for one), built each time an event is shown. */
const extraSections: ((detail: EventDetail) => HTMLElement | null)[] = []

export function addEventPanelSection(section: (detail: EventDetail) => HTMLElement | null): void {
  extraSections.push(section)
}

export function createEventPanel(onClose: () => void): EventPanel {
  const body = el('div', { className: 'panel-body' }, [placeholder()])
  const closeButton = el('button', {
    className: 'icon-button panel-close',
    text: '×',
    attrs: { type: 'button', 'aria-label': 'Close details', title: 'Close (Esc)', hidden: true },
    on: { click: () => onClose() },
  })
  const element = el('div', { className: 'event-panel' }, [closeButton, body])

  return {
    element,
    isOpen: () => !closeButton.hidden,
    close: () => {
      closeButton.hidden = true
      body.replaceChildren(placeholder())
    },
    show: (detail) => {
      const { event, dateInWords, laneNames, sources } = detail
      const location = event.location?.name
      const parts: (HTMLElement | null)[] = [
        el('h2', { className: 'panel-title', text: event.title }),
        el('p', { className: 'panel-date' }, [
          el('span', { className: 'date-words', text: dateInWords }),
          el('code', { className: 'date-edtf', text: event.date, attrs: { title: 'date as written (EDTF)' } }),
        ]),
        location ? el('p', { className: 'panel-location', text: location }) : null,
        event.description ? el('p', { className: 'panel-description', text: event.description }) : null,
        chips('Lanes', laneNames),
        chips('Tags', event.tags),
        el('section', { className: 'field', attrs: { 'aria-label': 'Sources' } }, [
          el('h3', { text: `Sources (${sources.length})` }),
          sources.length
            ? el('ul', { className: 'sources' }, sources.map(sourceItem))
            : el('p', { className: 'muted', text: 'No sources cited yet.' }),
        ]),
        event.provenance ? provenance(event.provenance) : null,
        ...extraSections.map((section) => section(detail)),
      ]
      body.replaceChildren(...parts.filter((part): part is HTMLElement => part !== null))
      closeButton.hidden = false
    },
  }
}
