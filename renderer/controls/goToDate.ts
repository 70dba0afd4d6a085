/**
 * "Go to date": the analyst types any EDTF date (`1991-12`, `2022-01-10`); the main process says
 * what it means as they type, and Enter frames that span on the timeline.
 */
import type { TimeSpan } from '../../main/domain/dates'
import { request } from '../api'
import { el } from '../dom'

export function createGoToDateDialog(onGo: (span: TimeSpan) => void): { element: HTMLDialogElement; open(): void } {
  const input = el('input', { attrs: { type: 'text', 'aria-label': 'Date (EDTF)', placeholder: 'e.g. 2022-01-10 or 1991-12', autocomplete: 'off', spellcheck: false } })
  const preview = el('p', { className: 'date-preview', attrs: { role: 'status', 'aria-live': 'polite' } })
  let current: TimeSpan | null = null
  let sequence = 0

  /** Asks the main process what the typed text means; a newer keystroke makes older answers moot. */
  async function updatePreview(): Promise<TimeSpan | null> {
    const mine = ++sequence
    const text = input.value
    if (!text.trim()) {
      preview.textContent = ''
      return (current = null)
    }
    const answer = await request('previewDate', text).catch(() => null)
    if (mine !== sequence || !answer) return current
    preview.textContent = answer.error ?? answer.words
    preview.classList.toggle('error', Boolean(answer.error))
    return (current = answer.span)
  }
  input.addEventListener('input', () => void updatePreview())

  const form = el('form', { attrs: { method: 'dialog' } }, [
    el('h2', { text: 'Go to date' }),
    el('label', {}, ['Date ', input]),
    preview,
    el('div', { className: 'dialog-buttons' }, [
      el('button', { text: 'Cancel', attrs: { type: 'button', value: 'cancel' }, on: { click: () => dialog.close() } }),
      el('button', { className: 'primary', text: 'Go', attrs: { type: 'submit', value: 'go' } }),
    ]),
  ])
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    // Enter may come before the preview of the last keystroke has answered.
    const span = await updatePreview()
    if (!span) {
      preview.textContent ||= 'Type a date first.'
      return
    }
    onGo(span)
    dialog.close()
  })
  const dialog = el('dialog', { className: 'dialog', attrs: { 'aria-label': 'Go to date' } }, [form])
  return {
    element: dialog,
    open: () => {
      input.value = ''
      preview.textContent = ''
      current = null
      dialog.showModal()
      input.focus()
    },
  }
}
