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

  input.addEventListener('input', async () => {
    const mine = ++sequence
    const text = input.value
    if (!text.trim()) {
      preview.textContent = ''
      current = null
      return
    }
    const answer = await request('previewDate', text).catch(() => null)
    if (mine !== sequence || !answer) return
    current = answer.span
    preview.textContent = answer.error ?? answer.words
    preview.classList.toggle('error', Boolean(answer.error))
  })

  const form = el('form', { attrs: { method: 'dialog' } }, [
    el('h2', { text: 'Go to date' }),
    el('label', {}, ['Date ', input]),
    preview,
    el('div', { className: 'dialog-buttons' }, [
      el('button', { text: 'Cancel', attrs: { type: 'button', value: 'cancel' }, on: { click: () => dialog.close() } }),
      el('button', { className: 'primary', text: 'Go', attrs: { type: 'submit', value: 'go' } }),
    ]),
  ])
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (!current) {
      preview.textContent ||= 'Type a date first.'
      return
    }
    onGo(current)
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
