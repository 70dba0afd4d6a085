/**
 * How Annalist's editor dialogs save: check the form, send it once (a second Enter while saving
 * does nothing), close on success, and on refusal show the main process's reason while keeping what
 * was typed. Ctrl/Cmd+Enter saves; Escape closes the dialog without clearing the selection behind it.
 */
export interface EditorForm<T> {
  form: HTMLFormElement
  dialog: HTMLDialogElement
  saveButton: HTMLButtonElement
  error: HTMLElement
  /** What is wrong with the form before asking the main process, or null. */
  problem(): string | null
  save(): Promise<T>
  onSaved(result: T): void
}

export function wireEditorForm<T>({ form, dialog, saveButton, error, problem, save, onSaved }: EditorForm<T>): void {
  let saving = false
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (saving) return
    const wrong = problem()
    if (wrong) {
      error.textContent = wrong
      return
    }
    saving = true
    saveButton.disabled = true
    error.textContent = ''
    try {
      const result = await save()
      dialog.close()
      onSaved(result)
    } catch (failure) {
      // The main process refused the whole edit: nothing was saved. Say why and keep what was typed.
      error.textContent = failure instanceof Error ? failure.message : String(failure)
    } finally {
      saving = false
      saveButton.disabled = false
    }
  })
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      form.requestSubmit()
    }
  })
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') event.stopPropagation()
  })
}
