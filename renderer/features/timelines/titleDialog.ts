/** A small dialog that asks for a timeline's title (File ▸ New, File ▸ Rename). */
import { el } from '../../dom'

export interface TitleDialog {
  element: HTMLDialogElement
  /** Opens with this text; `onOk` answers with an error message to keep the dialog open, or null. */
  open(initial: string): void
}

export function createTitleDialog(name: string, intro: string, okLabel: string, onOk: (title: string) => Promise<string | null>): TitleDialog {
  const input = el('input', { attrs: { type: 'text', 'aria-label': 'Title', maxlength: 200, autocomplete: 'off' } })
  const message = el('p', { className: 'date-preview error', attrs: { role: 'status', 'aria-live': 'polite' } })
  const ok = el('button', { className: 'primary', text: okLabel, attrs: { type: 'submit' } })
  const form = el('form', { attrs: { method: 'dialog' } }, [
    el('h2', { text: name }),
    el('p', { className: 'dialog-intro', text: intro }),
    el('label', {}, ['Title ', input]),
    message,
    el('div', { className: 'dialog-buttons' }, [el('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: () => dialog.close() } }), ok]),
  ])
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (!input.value.trim()) {
      message.textContent = 'Type a title first.'
      return
    }
    ok.disabled = true
    const problem = await onOk(input.value).finally(() => (ok.disabled = false))
    if (problem) message.textContent = problem
    else dialog.close()
  })
  const dialog = el('dialog', { className: 'dialog timeline-title-dialog', attrs: { 'aria-label': name } }, [form])
  return {
    element: dialog,
    open(initial) {
      input.value = initial
      message.textContent = ''
      dialog.showModal()
      input.select()
    },
  }
}
