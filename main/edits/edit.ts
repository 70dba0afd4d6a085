/**
 * Every change an analyst can make to a timeline, as data, and the one function that turns an edit
 * into the changes it makes. Pure: the same document, edit and context always give the same result.
 */
import { AnnotationSchema, TimelineDocumentSchema, TimelineEventSchema, type TimelineDocument } from '../domain/timeline'
import { addAnnotation, deleteAnnotation, restoreAnnotation, restoreAnnotationVersion, updateAnnotation } from './annotationEdits'
import { applyChanges, changedIds, type ChangedIds, type DocumentChange, type PlannedEdit } from './changes'
import type { EditContext } from './editContext'
import { addEvent, deleteEvent, updateEvent } from './eventEdits'
import type { AnnotationInput, EventInput } from './inputs'
import { addLane, renameLane, reorderLanes, setLaneHidden } from './laneEdits'
import { shorten } from './names'
import { checkWithSchema } from './validation'

export type Edit =
  | { kind: 'addAnnotation'; content: AnnotationInput }
  | { kind: 'updateAnnotation'; id: string; content: AnnotationInput }
  | { kind: 'deleteAnnotation'; id: string }
  | { kind: 'restoreAnnotation'; id: string }
  | { kind: 'restoreAnnotationVersion'; id: string; versionIndex: number }
  | { kind: 'addEvent'; event: EventInput }
  | { kind: 'updateEvent'; id: string; event: EventInput }
  | { kind: 'deleteEvent'; id: string }
  | { kind: 'addLane'; name: string }
  | { kind: 'renameLane'; id: string; name: string }
  | { kind: 'reorderLanes'; order: string[] }
  | { kind: 'setLaneHidden'; id: string; hidden: boolean }
  /**
   * A whole new document in one step, for rare big changes such as an import or a merge; the undo
   * step keeps both documents. `label` is the Undo menu's words, e.g. "import 1,204 ACLED events".
   */
  | { kind: 'replaceDocument'; label: string; document: TimelineDocument }

/**
 * A document that fails the schema would save but never open again, so the new one is checked — but
 * only what is new in it: checking an event re-reads its EDTF dates (~0.1–1 ms each, minutes for
 * 100,000 events), and entities the current document already holds (the same objects) were checked
 * when they came in. New ones are replaced by their checked form (defaults filled in).
 */
function planReplace(document: TimelineDocument, label: string, next: TimelineDocument): PlannedEdit {
  const { events, annotations, ...rest } = checkWithSchema(TimelineDocumentSchema, { ...next, events: [], annotations: [] }, 'The new timeline')
  const knownEvents = new Set(document.events)
  const knownNotes = new Set(document.annotations)
  const after: TimelineDocument = {
    ...rest,
    events: next.events.map((event) =>
      knownEvents.has(event) ? event : checkWithSchema(TimelineEventSchema, event, `The new timeline's event “${shorten(String(event?.title))}” (${String(event?.id)})`),
    ),
    annotations: next.annotations.map((note) =>
      knownNotes.has(note) ? note : checkWithSchema(AnnotationSchema, note, `The new timeline's note ${String(note?.id)}`),
    ),
  }
  return { label, changes: [{ kind: 'document', before: document, after }] }
}

/** The changes `edit` makes to `document`; throws an EditError (and changes nothing) if it is refused. */
export function planEdit(document: TimelineDocument, edit: Edit, context: EditContext): PlannedEdit {
  switch (edit.kind) {
    case 'addAnnotation':
      return addAnnotation(document, edit.content, context)
    case 'updateAnnotation':
      return updateAnnotation(document, edit.id, edit.content, context)
    case 'deleteAnnotation':
      return deleteAnnotation(document, edit.id, context)
    case 'restoreAnnotation':
      return restoreAnnotation(document, edit.id)
    case 'restoreAnnotationVersion':
      return restoreAnnotationVersion(document, edit.id, edit.versionIndex, context)
    case 'addEvent':
      return addEvent(document, edit.event, context)
    case 'updateEvent':
      return updateEvent(document, edit.id, edit.event, context)
    case 'deleteEvent':
      return deleteEvent(document, edit.id, context)
    case 'addLane':
      return addLane(document, edit.name)
    case 'renameLane':
      return renameLane(document, edit.id, edit.name)
    case 'reorderLanes':
      return reorderLanes(document, edit.order)
    case 'setLaneHidden':
      return setLaneHidden(document, edit.id, edit.hidden)
    case 'replaceDocument':
      return planReplace(document, edit.label, edit.document)
  }
}

export interface AppliedEdit {
  label: string
  document: TimelineDocument
  /** Exactly what changed, to be kept by the undo history; empty when the edit changed nothing. */
  changes: DocumentChange[]
  changed: ChangedIds
}

/** Plans and applies `edit`, also stamping the timeline's `updated` time when anything changed. */
export function applyEdit(document: TimelineDocument, edit: Edit, context: EditContext): AppliedEdit {
  const planned = planEdit(document, edit, context)
  const changes = [...planned.changes]
  if (changes.length > 0 && !changes.some((c) => c.kind === 'document')) {
    changes.push({ kind: 'meta', before: document.meta, after: { ...document.meta, updated: context.now } })
  }
  return { label: planned.label, document: applyChanges(document, changes, 'forward'), changes, changed: changedIds(changes) }
}
