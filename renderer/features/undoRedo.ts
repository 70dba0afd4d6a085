/**
 * Undo / Redo for every change to events, notes and lanes, across the session. The main process
 * keeps the labelled steps; the window shows the next one on its buttons ("Undo: add note on
 * Geneva talks") and asks for it to be reversed or replayed.
 *
 * The same keys undo typing in a text field. The native Edit menu sends 'undo' / 'redo' for its
 * accelerators (a menu click handler takes the key from the text field on macOS), so a command
 * arriving while a field has focus is given back to the field as its own undo.
 */
import type { EditApplied, UndoState } from '../../main/ipc/contract'
import { notices, request } from '../api'
import { el } from '../dom'
import type { AppContext } from '../shell/appContext'

type Direction = 'undo' | 'redo'

export interface UndoRedo {
  /** Asks the main process for the next labels again (after any edit the window made). */
  refresh(): Promise<void>
}

const isMac = navigator.platform.toLowerCase().includes('mac')

/** Where typing would be undone rather than a timeline edit. */
function typingTarget(): boolean {
  const element = document.activeElement as HTMLElement | null
  if (!element) return false
  if (element.isContentEditable || element.tagName === 'TEXTAREA') return true
  return element.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes((element as HTMLInputElement).type)
}

/**
 * A key press may reach the page and also fire the native menu's accelerator (which platform does
 * which differs); whichever arrives second within this time is the same press and is dropped.
 */
const SAME_PRESS_MS = 400

export function mountUndoRedo(context: AppContext): UndoRedo {
  let busy = false
  let last = { direction: '' as Direction | '', source: '', at: 0 }

  const undoButton = el('button', { className: 'tool-button undo-button', text: '↶', attrs: { type: 'button' }, on: { click: () => void travel('undo') } })
  const redoButton = el('button', { className: 'tool-button undo-button', text: '↷', attrs: { type: 'button' }, on: { click: () => void travel('redo') } })
  context.toolbar.add(el('div', { className: 'tool-group', attrs: { role: 'group', 'aria-label': 'Undo and redo' } }, [undoButton, redoButton]))

  const keys = { undo: isMac ? '⌘Z' : 'Ctrl+Z', redo: isMac ? '⇧⌘Z' : 'Ctrl+Y' }
  function show(next: UndoState): void {
    for (const [button, direction, label] of [
      [undoButton, 'undo', next.undoLabel],
      [redoButton, 'redo', next.redoLabel],
    ] as const) {
      const verb = direction === 'undo' ? 'Undo' : 'Redo'
      const name = label ? `${verb}: ${label}` : `Nothing to ${direction}`
      button.disabled = label === null
      button.setAttribute('aria-label', label ? name : verb)
      button.title = `${name} (${keys[direction]})`
    }
  }
  show({ undoLabel: null, redoLabel: null })

  async function refresh(): Promise<void> {
    const next = await request('getUndoState').catch(() => null)
    if (next) show(next)
  }

  /** Clears a selection the step took away, so the details panel does not ask for what is gone. */
  function dropVanishedSelection(applied: EditApplied): void {
    const selected = context.selection.current()
    if (!selected) return
    const gone =
      selected.kind === 'event'
        ? applied.removedEvents.includes(selected.id)
        : applied.removedAnnotations.includes(selected.id) || applied.annotations.some((note) => note.id === selected.id && note.deleted)
    if (gone) context.selection.set(null)
  }

  async function travel(direction: Direction): Promise<void> {
    if (busy) return
    busy = true
    try {
      const applied = await request(direction).catch(() => undefined)
      if (applied === undefined) return // request() has put the main process's reason in the status line
      if (applied === null) {
        context.status(`Nothing to ${direction}.`)
        return refresh()
      }
      dropVanishedSelection(applied)
      // A reload redraws everything, notes included (the notes feature listens for it): simplest and always right.
      await context.reload()
      show(applied.undo)
      context.status(`${direction === 'undo' ? 'Undid' : 'Redid'}: ${applied.label}`)
    } finally {
      busy = false
    }
  }

  function fromKeysOrMenu(direction: Direction, source: 'keys' | 'menu'): void {
    const now = performance.now()
    const samePress = last.direction === direction && last.source !== source && now - last.at < SAME_PRESS_MS
    last = { direction, source, at: now }
    if (samePress) return
    if (source === 'menu' && typingTarget()) {
      // Give the text field its own undo of what was typed. execCommand is deprecated but is still the only way to reach it.
      document.execCommand(direction)
      return
    }
    if (document.querySelector('dialog[open]')) {
      // The dialog in front may be showing what the step would change (an event being edited).
      context.status(`Close the dialog first to ${direction} a change to the timeline.`)
      return
    }
    void travel(direction)
  }

  // The shortcut list matches "Mod+z" with or without Shift, so Undo's entry decides by the Shift key itself.
  let shiftHeld = false
  window.addEventListener('keydown', (event) => void (shiftHeld = event.shiftKey), true)
  context.shortcuts.add({ keys: ['Mod+z'], label: 'Undo the last change', run: () => fromKeysOrMenu(shiftHeld ? 'redo' : 'undo', 'keys') })
  context.shortcuts.add({ keys: isMac ? ['Shift+Mod+z'] : ['Shift+Mod+z', 'Mod+y'], label: 'Redo', run: () => fromKeysOrMenu('redo', 'keys') })
  context.addCommand('undo', 'Undo', () => fromKeysOrMenu('undo', 'menu'))
  context.addCommand('redo', 'Redo', () => fromKeysOrMenu('redo', 'menu'))

  // Every edit, from any feature, goes through the save queue: its notices say when the labels may have changed.
  notices.on('saveState', () => void refresh())
  context.onReload(() => void refresh())
  void refresh()

  return { refresh }
}
