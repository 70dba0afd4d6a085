/**
 * The editing channels: notes, events, lanes, undo / redo and the author preference. Each edit goes
 * through TimelineSession.applyEdit (checked, recorded for Undo, durably saved) and answers with
 * just what changed, so the window can update in place.
 */
import type { TimelineDocument } from '../../domain/timeline'
import { annotationDetail, annotationSummary, listAnnotations } from '../../domain/annotationList'
import { placeEvent } from '../../domain/placeEvent'
import type { Edit } from '../../edits/edit'
import type { EditApplied } from '../../edits/editingPayloads'
import type { EditResult } from '../../edits/timelineEditor'
import { AuthorPreferences } from '../../preferences/authorPreferences'
import { readMarkdown } from '../../markdown/safeMarkdown'
import type { TimelineSession } from '../../timelineSession'
import type { PlacedEvent } from '../contract'
import type { HandlerMap } from '../handlers'

export type EditingChannel =
  | 'addAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
  | 'restoreAnnotationVersion'
  | 'listAnnotations'
  | 'annotationSummary'
  | 'getAnnotation'
  | 'previewNoteText'
  | 'addEvent'
  | 'updateEvent'
  | 'deleteEvent'
  | 'addLane'
  | 'renameLane'
  | 'reorderLanes'
  | 'setLaneHidden'
  | 'undo'
  | 'redo'
  | 'getUndoState'
  | 'getPreferences'
  | 'setPreferences'

/** Picks out of `list` the items whose ids are in `ids`, in one pass (a timeline may hold 100,000 events). */
function pick<T extends { id: string }>(list: readonly T[], ids: readonly string[]): { found: T[]; missing: string[] } {
  if (ids.length === 0) return { found: [], missing: [] }
  const wanted = new Set(ids)
  const found = list.filter((item) => wanted.has(item.id))
  const present = new Set(found.map((item) => item.id))
  return { found, missing: ids.filter((id) => !present.has(id)) }
}

/** Turns what an edit changed into what the window needs to redraw it. */
export function editApplied(document: TimelineDocument, result: EditResult): EditApplied {
  const { changed } = result
  const events = pick(document.events, changed.events)
  const notes = pick(document.annotations, changed.annotations)
  return {
    label: result.label,
    events: events.found.map(placeEvent).filter((e): e is PlacedEvent => e !== null),
    removedEvents: events.missing,
    annotations: notes.found,
    removedAnnotations: notes.missing,
    lanes: changed.lanes ? document.lanes : null,
    reload: changed.document,
    undo: result.undo,
    save: result.save,
  }
}

export function createEditingHandlers(session: TimelineSession, preferences: AuthorPreferences): Pick<HandlerMap, EditingChannel> {
  const apply = async (edit: Edit): Promise<EditApplied> => {
    const result = await session.applyEdit(edit, await preferences.author())
    return editApplied(session.document, result)
  }
  const travel = async (result: Promise<EditResult | null>): Promise<EditApplied | null> => {
    const done = await result
    return done ? editApplied(session.document, done) : null
  }
  return {
    addAnnotation: (content) => apply({ kind: 'addAnnotation', content }),
    updateAnnotation: (id, content) => apply({ kind: 'updateAnnotation', id, content }),
    deleteAnnotation: (id) => apply({ kind: 'deleteAnnotation', id }),
    restoreAnnotation: (id) => apply({ kind: 'restoreAnnotation', id }),
    restoreAnnotationVersion: (id, index) => apply({ kind: 'restoreAnnotationVersion', id, versionIndex: index }),
    listAnnotations: async (filter) => listAnnotations(session.document, filter),
    annotationSummary: async (filter) => annotationSummary(session.document, filter),
    getAnnotation: async (id) => annotationDetail(session.document, id),
    previewNoteText: async (text) => readMarkdown(text),
    addEvent: (input) => apply({ kind: 'addEvent', event: input }),
    updateEvent: (id, input) => apply({ kind: 'updateEvent', id, event: input }),
    deleteEvent: (id) => apply({ kind: 'deleteEvent', id }),
    addLane: (name) => apply({ kind: 'addLane', name }),
    renameLane: (id, name) => apply({ kind: 'renameLane', id, name }),
    reorderLanes: (order) => apply({ kind: 'reorderLanes', order }),
    setLaneHidden: (id, hidden) => apply({ kind: 'setLaneHidden', id, hidden }),
    undo: () => travel(session.undo()),
    redo: () => travel(session.redo()),
    getUndoState: async () => session.undoState,
    getPreferences: async () => ({ author: await preferences.author() }),
    setPreferences: async (input) => ({ author: await preferences.setAuthor(input.author) }),
  }
}
