/** The toolbar: timeline title, zoom and navigation buttons, and the go-to-date field. */
import { el } from '../dom'

export interface ToolbarActions {
  zoomIn(): void
  zoomOut(): void
  fit(): void
  goToDate(): void
  showShortcuts(): void
}

function button(label: string, text: string, shortcut: string, action: () => void): HTMLButtonElement {
  return el('button', {
    className: 'tool-button',
    text,
    attrs: { type: 'button', 'aria-label': label, title: `${label} (${shortcut})` },
    on: { click: () => action() },
  })
}

export function createToolbar(title: string, actions: ToolbarActions): { element: HTMLElement; status: HTMLElement } {
  const status = el('span', { className: 'status', attrs: { role: 'status', 'aria-live': 'polite' } })
  const element = el('header', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Timeline controls' } }, [
    el('div', { className: 'brand' }, [
      el('span', { className: 'brand-name', text: 'Annalist' }),
      el('h1', { className: 'timeline-title', text: title }),
    ]),
    el('div', { className: 'tool-group', attrs: { role: 'group', 'aria-label': 'Zoom' } }, [
      button('Zoom out', '−', '−', actions.zoomOut),
      button('Zoom in', '+', '+', actions.zoomIn),
      button('Fit whole timeline', 'Fit', '0', actions.fit),
      button('Go to date', 'Go to date…', 'G', actions.goToDate),
    ]),
    el('div', { className: 'tool-spacer' }),
    status,
    button('Keyboard shortcuts', '?', '?', actions.showShortcuts),
  ])
  return { element, status }
}
