/** Toolbar building blocks: labelled buttons and groups, so every control has an accessible name. */
import { el } from '../dom'

export function toolButton(label: string, text: string, shortcut: string | null, action: () => void): HTMLButtonElement {
  return el('button', {
    className: 'tool-button',
    text,
    attrs: { type: 'button', 'aria-label': label, title: shortcut ? `${label} (${shortcut})` : label },
    on: { click: () => action() },
  })
}

export function toolGroup(label: string, children: HTMLElement[]): HTMLElement {
  return el('div', { className: 'tool-group', attrs: { role: 'group', 'aria-label': label } }, children)
}
