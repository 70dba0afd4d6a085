/**
 * Keeps the notes drawn on the timeline in step with the store, and saves a note the analyst drags
 * to new dates (through the main process, as one undoable edit).
 */
import type { Annotation } from '../../main/domain/timeline'
import type { AnnotationInput, ListedAnnotation } from '../../main/ipc/contract'
import { request } from '../api'
import type { AppContext } from '../shell/appContext'
import { savedWords } from './notes/savedWords'

/** The editable content of a note, with a new anchor date. */
export function contentWithDate(annotation: Omit<Annotation, 'history'>, date: string): AnnotationInput {
  const { anchor, label, text, tags, colour, judgement, links } = annotation
  const moved = anchor.kind === 'event' ? anchor : { kind: anchor.kind, date }
  return { anchor: moved, label, text, tags, colour, judgement, links }
}

export interface NotesOnTimeline {
  /** Fetches the notes again and redraws them; returns them in time order. */
  refresh(): Promise<readonly ListedAnnotation[]>
  /** The live notes (not in the trash) as last fetched, in time order. */
  current(): readonly ListedAnnotation[]
  /** Called after every refresh, so lists of notes elsewhere in the window stay in step. */
  onChange(listener: (notes: readonly ListedAnnotation[]) => void): void
}

export function mountNotesOnTimeline(context: AppContext): NotesOnTimeline {
  let notes: readonly ListedAnnotation[] = []
  const listeners: ((notes: readonly ListedAnnotation[]) => void)[] = []

  async function refresh(): Promise<readonly ListedAnnotation[]> {
    notes = await request('listAnnotations').catch(() => notes)
    context.timeline.setNotes(notes)
    for (const listener of listeners) listener(notes)
    return notes
  }

  context.timeline.onNoteMoved(async (annotationId, date) => {
    const note = notes.find((n) => n.annotation.id === annotationId)
    if (!note) return false
    try {
      const applied = await request('updateAnnotation', annotationId, contentWithDate(note.annotation, date))
      context.status(savedWords(applied))
    } catch {
      return false
    } finally {
      void refresh()
    }
    return true
  })
  context.onReload(() => void refresh())
  void refresh()
  return { refresh, current: () => notes, onChange: (listener) => void listeners.push(listener) }
}
