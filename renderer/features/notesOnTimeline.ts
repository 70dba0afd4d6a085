/**
 * Keeps the notes drawn on the timeline, and the lists of notes, in step with the store, and saves
 * a note the analyst drags to new dates (through the main process, as one undoable edit). The
 * notes themselves are asked for where they are shown: the timeline gets those in view with the
 * events (viewportItems), the lists ask listAnnotations.
 */
import type { Annotation } from '../../main/domain/timeline'
import type { AnnotationInput, TimelineView } from '../../main/ipc/contract'
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

/**
 * Where the window keeps whether the analyst folded a timeline's Notes lane: per timeline, named by
 * when it was created (its file keeps that; a copy saved from it starts as it was), so a timeline
 * crowded with notes stays folded without folding every other one.
 */
const foldedStoredAs = (view: TimelineView) => `annalist.notesLaneFolded:${view.meta.created}`

/** Each timeline's Notes lane opens folded if the analyst left it so; the command menu and View menu fold it too. */
function keepNotesLaneFolding(context: AppContext): void {
  let shown = context.view()
  const foldAsLeft = () => {
    try {
      context.timeline.foldNotes(localStorage.getItem(foldedStoredAs(shown)) === 'true')
    } catch {
      // Storage unavailable: the lane opens unfolded.
    }
  }
  foldAsLeft()
  // Another timeline opened in this window (File ▸ New, Open, Close): its own lane as it was left.
  context.onReload((view) => {
    if (view.meta.created === shown.meta.created) return
    shown = view
    foldAsLeft()
  })
  context.timeline.onNotesFolded((folded) => {
    try {
      localStorage.setItem(foldedStoredAs(shown), String(folded))
    } catch {
      // Not kept for next time; the lane is folded all the same.
    }
  })
  context.addCommand('fold-notes-lane', 'Fold or unfold the Notes lane', () => context.timeline.foldNotes(!context.timeline.notesFolded()))
}
