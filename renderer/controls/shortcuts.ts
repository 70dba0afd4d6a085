/**
 * Every keyboard shortcut, defined once: the key handler and the shortcuts sheet (?) both read
 * this list, so the sheet can never disagree with what the keys do.
 */
import { el } from '../dom'

export interface Shortcut {
  keys: string[]
  label: string
  run(): void
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null
  return Boolean(element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)))
}

/** Matches `KeyboardEvent.key`; "Mod+F" means Ctrl on Windows/Linux and Cmd on macOS. */
function matches(binding: string, event: KeyboardEvent): boolean {
  const parts = binding.split('+')
  const key = parts.pop()!
  const wantsMod = parts.includes('Mod')
  const hasMod = event.ctrlKey || event.metaKey
  if (wantsMod !== hasMod) return false
  if (parts.includes('Shift') !== event.shiftKey && key.length > 1) return false
  return event.key === key || event.key.toLowerCase() === key.toLowerCase()
}

export function installShortcuts(shortcuts: Shortcut[], onEscape: () => void): void {
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      onEscape()
      return
    }
    if (isTyping(event.target) || event.altKey) return
    const shortcut = shortcuts.find((s) => s.keys.some((binding) => matches(binding, event)))
    if (!shortcut) return
    event.preventDefault()
    shortcut.run()
  })
}

function keyLabel(binding: string): string {
  const mac = navigator.platform.toLowerCase().includes('mac')
  return binding.replace('Mod', mac ? '⌘' : 'Ctrl').replace('ArrowLeft', '←').replace('ArrowRight', '→').replace('ArrowUp', '↑').replace('ArrowDown', '↓')
}

export function createShortcutSheet(shortcuts: Shortcut[]): { element: HTMLDialogElement; open(): void } {
  const rows = shortcuts.map((s) =>
    el('tr', {}, [el('td', {}, s.keys.map((k) => el('kbd', { text: keyLabel(k) }))), el('td', { text: s.label })]),
  )
  const dialog = el('dialog', { className: 'dialog shortcuts', attrs: { 'aria-label': 'Keyboard shortcuts' } }, [
    el('h2', { text: 'Keyboard shortcuts' }),
    el('table', {}, [el('tbody', {}, [...rows, el('tr', {}, [el('td', {}, [el('kbd', { text: 'Esc' })]), el('td', { text: 'Close panel or dialog' })])])]),
    el('div', { className: 'dialog-buttons' }, [el('button', { className: 'primary', text: 'Close', attrs: { type: 'button' }, on: { click: () => dialog.close() } })]),
  ])
  return { element: dialog, open: () => dialog.showModal() }
}
