/** What an edit needs from outside the document: who is editing, when, and fresh ids. */
import type { Author } from '../domain/timeline'
import { EditError } from './validation'

export type IdKind = 'event' | 'note' | 'source'

export interface EditContext {
  author: Author
  /** ISO 8601 instant stamped on everything this edit creates or changes. */
  now: string
  newId(kind: IdKind): string
}

export const NO_AUTHOR: Author = { name: '', initials: '' }

export function editContext(author: Author = NO_AUTHOR, now: Date = new Date()): EditContext {
  return { author, now: now.toISOString(), newId: (kind) => `${kind}-${globalThis.crypto.randomUUID()}` }
}

/** Every note says who wrote it, so writing one needs the analyst's name (set once in Preferences). */
export function requireAuthor(context: EditContext): void {
  if (context.author.name.trim() === '') {
    throw new EditError('Set your name in Preferences before writing notes, so each note and version says who wrote it.')
  }
}
