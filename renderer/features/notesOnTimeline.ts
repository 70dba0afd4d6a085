/**
 * Keeps the notes drawn on the timeline, and the lists of notes, in step with the store, and saves
 * a note the analyst drags to new dates (through the main process, as one undoable edit). The
 * notes themselves are asked for where they are shown: the timeline gets those in view with the
 * events (viewportItems), the lists ask listAnnotations.
 */
import type { Annotation } from '../../main/domain/timeline'
import type { AnnotationInput } from '../../main/ipc/contract'
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
  /** Notes were added, changed or removed: draws them again and tells the lists of notes elsewhere. */
  refresh(): void
  /** Called after every refresh, so lists of notes elsewhere in the window stay in step. */
  onChange(listener: () => void): void
}

export function mountNotesOnTimeline(context: AppContext): NotesOnTimeline {
  const listeners: (() => void)[] = []

  function refresh(): void {
    context.timeline.notesChanged()
    for (const listener of listeners) listener()
  }

  context.timeline.onNoteMoved(async (annotationId, date) => {
    try {
      const { annotation } = await request('getAnnotation', annotationId)
      const applied = await request('updateAnnotation', annotationId, contentWithDate(annotation, date))
      context.status(savedWords(applied))
    } catch {
      return false
    } finally {
      refresh()
    }
    return true
  })
  context.onReload(refresh)
  keepNotesLaneFolding(context)
  return { refresh, onChange: (listener) => void listeners.push(listener) }
}

/** Whether the analyst folded the Notes lane, kept in the window's storage like the inspector's width. */
const FOLDED_STORED_AS = 'annalist.notesLaneFolded'

/** The Notes lane opens folded if the analyst left it so; the command menu and View menu fold it too. */
function keepNotesLaneFolding(context: AppContext): void {
  try {
    if (localStorage.getItem(FOLDED_STORED_AS) === 'true') context.timeline.foldNotes(true)
  } catch {
    // Storage unavailable: the lane opens unfolded.
  }
  context.timeline.onNotesFolded((folded) => {
    try {
      localStorage.setItem(FOLDED_STORED_AS, String(folded))
    } catch {
      // Not kept for next time; the lane is folded all the same.
    }
  })
  context.addCommand('fold-notes-lane', 'Fold or unfold the Notes lane', () => context.timeline.foldNotes(!context.timeline.notesFolded()))
}
