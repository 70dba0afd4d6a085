/**
 * Preferences: the analyst's name and initials, which sign every note and every version of it.
 * Set once; when it is still empty and the analyst starts a first note, the dialog asks for it first.
 */
import type { Author } from '../../main/domain/timeline'
import { request } from '../api'
import { el } from '../dom'
import type { AppContext } from '../shell/appContext'

export interface PreferencesDialog {
  open(): Promise<Author | null>
  /** The analyst's name, asking for it first if it was never set; null if they cancel. */
  ensureAuthor(): Promise<Author | null>
}

export function mountPreferences(context: AppContext): PreferencesDialog {
  const name = el('input', { attrs: { type: 'text', 'aria-label': 'Your name', autocomplete: 'name', spellcheck: false, maxlength: 200 } })
  const initials = el('input', { attrs: { type: 'text', 'aria-label': 'Initials', autocomplete: 'off', spellcheck: false, maxlength: 8, placeholder: 'from your name' } })
  const why = el('p', { className: 'muted dialog-intro' })
  const error = el('p', { className: 'form-error', attrs: { role: 'alert' } })
  let settle: (author: Author | null) => void = () => undefined

  const form = el('form', { className: 'preferences-form', attrs: { method: 'dialog' } }, [
    el('h2', { text: 'Preferences' }),
    why,
    el('label', { className: 'form-row' }, [el('span', { text: 'Name' }), name]),
    el('label', { className: 'form-row' }, [el('span', { text: 'Initials' }), initials]),
    error,
    el('div', { className: 'dialog-buttons' }, [
      el('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: () => dialog.close() } }),
      el('button', { className: 'primary', text: 'Save', attrs: { type: 'submit' } }),
    ]),
  ])
  const dialog = el('dialog', { className: 'dialog preferences', attrs: { 'aria-label': 'Preferences' } }, [form])
  // Escape closes the dialog; it should not also clear the selection behind it.
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') event.stopPropagation()
  })
  dialog.addEventListener('close', () => settle(null))
  context.dialogs.append(dialog)

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (!name.value.trim()) {
      error.textContent = 'Type your name: it signs every note you write.'
      name.focus()
      return
    }
    try {
      const { author } = await request('setPreferences', { author: { name: name.value, initials: initials.value.trim() || undefined } })
      const done = settle
      settle = () => undefined
      dialog.close()
      context.status(`Notes will be signed ${author.name} (${author.initials})`)
      done(author)
    } catch (failure) {
      error.textContent = failure instanceof Error ? failure.message : String(failure)
    }
  })

  async function open(reason = ''): Promise<Author | null> {
    const { author } = await request('getPreferences')
    name.value = author.name
    initials.value = author.initials
    why.textContent = reason || 'Your name and initials sign every note and every version of it.'
    error.textContent = ''
    settle(null)
    const answer = new Promise<Author | null>((resolve) => (settle = resolve))
    dialog.showModal()
    name.focus()
    return answer
  }

  async function ensureAuthor(): Promise<Author | null> {
    const { author } = await request('getPreferences')
    if (author.name.trim()) return author
    return open('Before your first note: who is writing? Your name and initials sign every note and every version of it.')
  }

  context.addCommand('preferences', 'Preferences…', () => void open())
  context.shortcuts.add({ keys: ['Mod+,'], label: 'Preferences', run: () => void open() })
  return { open: () => open(), ensureAuthor }
}
