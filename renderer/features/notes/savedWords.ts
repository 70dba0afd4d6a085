/** How the status line reports a saved change to a note, wherever it was made (editor, panel, drag). */
import type { EditApplied } from '../../../main/ipc/contract'

/** "Saved: add note on Geneva talks", or, while the disk refuses, that it is kept and being retried. */
export function savedWords(applied: EditApplied): string {
  if (applied.save.state === 'saved') return `Saved: ${applied.label}`
  const why = applied.save.lastError ? ` (${applied.save.lastError})` : ''
  return `Not on disk yet, retrying${why}: ${applied.label}`
}
