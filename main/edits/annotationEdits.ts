/**
 * Edits to the analyst's notes. A note is never overwritten or erased: editing keeps the previous
 * version in `history`, restoring a version adds a new one, and deleting only moves it to the trash.
 */
import { isDeepStrictEqual } from 'node:util'
import {
  AnnotationContentSchema,
  AnnotationSchema,
  type Annotation,
  type AnnotationAnchor,
  type AnnotationContent,
  type AnnotationVersion,
  type TimelineDocument,
} from '../domain/timeline'
import type { PlannedEdit } from './changes'
import { requireAuthor, type EditContext } from './editContext'
import { AnnotationInputSchema, type AnnotationInput } from './inputs'
import { noteName } from './names'
import { checkDate, checkWithSchema, EditError } from './validation'

const CONTENT_KEYS = Object.keys(AnnotationContentSchema.shape) as (keyof AnnotationContent)[]

/** The editable part of a note or version (absent optional fields stay absent, so versions compare exactly). */
export function contentOf(note: AnnotationContent): AnnotationContent {
  const content: Record<string, unknown> = {}
  for (const key of CONTENT_KEYS) if (note[key] !== undefined) content[key] = note[key]
  return content as AnnotationContent
}

function findNote(document: TimelineDocument, id: string): { note: Annotation; index: number } {
  const index = document.annotations.findIndex((a) => a.id === id)
  const note = document.annotations[index]
  if (!note) throw new EditError(`There is no note with id "${id}" in this timeline.`)
  return { note, index }
}

function checkAnchor(document: TimelineDocument, anchor: AnnotationAnchor): AnnotationAnchor {
  if (anchor.kind === 'event') {
    if (!document.events.some((e) => e.id === anchor.eventId)) {
      throw new EditError(`The note is attached to an event that is not in this timeline ("${anchor.eventId}"); it may have been deleted.`)
    }
    return anchor
  }
  return { kind: anchor.kind, date: checkDate(anchor.date, anchor.kind === 'span' ? 'The span of time' : 'The moment') }
}

function checkLinks(document: TimelineDocument, links: AnnotationContent['links']): void {
  const missingEvent = links.events.find((id) => !document.events.some((e) => e.id === id))
  if (missingEvent) throw new EditError(`The note links to an event that is not in this timeline ("${missingEvent}").`)
  if (links.sources.length === 0) return
  const sourceIds = new Set(document.events.flatMap((e) => e.sources.map((s) => s.id)))
  const missingSource = links.sources.find((id) => !sourceIds.has(id))
  if (missingSource) throw new EditError(`The note links to a source that is not in this timeline ("${missingSource}").`)
}

/** Checks what the window sent: shape, dates, and that the event, linked events and sources exist. */
function readContent(document: TimelineDocument, input: AnnotationInput): AnnotationContent {
  const parsed = checkWithSchema(AnnotationInputSchema, input, 'The note')
  const content = contentOf({ ...parsed, anchor: checkAnchor(document, parsed.anchor) })
  checkLinks(document, content.links)
  return checkWithSchema(AnnotationContentSchema, content, 'The note')
}

function checkNote(note: Annotation): Annotation {
  return checkWithSchema(AnnotationSchema, note, 'The note')
}

function versionOf(note: Annotation): AnnotationVersion {
  return { ...contentOf(note), author: note.author, updated: note.updated }
}

function refuseIfTrashed(note: Annotation, document: TimelineDocument): void {
  if (note.deleted) throw new EditError(`The ${noteName(note, document)} is in the trash; restore it before changing it.`)
}

export function addAnnotation(document: TimelineDocument, input: AnnotationInput, context: EditContext): PlannedEdit {
  requireAuthor(context)
  const content = readContent(document, input)
  const note = checkNote({ ...content, id: context.newId('note'), author: context.author, created: context.now, updated: context.now, history: [] })
  return {
    label: `add ${noteName(note, document)}`,
    changes: [{ kind: 'annotation', id: note.id, index: document.annotations.length, before: null, after: note }],
  }
}

/** The note's content becomes `content`; the previous version goes to the end of its history. */
function newVersion(document: TimelineDocument, note: Annotation, index: number, content: AnnotationContent, context: EditContext, label: string): PlannedEdit {
  if (isDeepStrictEqual(content, contentOf(note))) return { label, changes: [] }
  const next = checkNote({
    ...content,
    id: note.id,
    author: context.author,
    created: note.created,
    updated: context.now,
    history: [...note.history, versionOf(note)],
  })
  return { label, changes: [{ kind: 'annotation', id: note.id, index, before: note, after: next }] }
}

export function updateAnnotation(document: TimelineDocument, id: string, input: AnnotationInput, context: EditContext): PlannedEdit {
  requireAuthor(context)
  const { note, index } = findNote(document, id)
  refuseIfTrashed(note, document)
  const content = readContent(document, input)
  return newVersion(document, note, index, content, context, `edit ${noteName(content, document)}`)
}

/** Brings back an earlier version as the newest one; the version it replaces joins the history too. */
export function restoreAnnotationVersion(document: TimelineDocument, id: string, versionIndex: number, context: EditContext): PlannedEdit {
  requireAuthor(context)
  const { note, index } = findNote(document, id)
  refuseIfTrashed(note, document)
  const version = note.history[versionIndex]
  if (!version) throw new EditError(`The ${noteName(note, document)} has no version ${versionIndex + 1} (it has ${note.history.length} earlier versions).`)
  const content = contentOf(version)
  checkAnchor(document, content.anchor)
  return newVersion(document, note, index, content, context, `restore an earlier version of ${noteName(note, document)}`)
}

export function deleteAnnotation(document: TimelineDocument, id: string, context: EditContext): PlannedEdit {
  const { note, index } = findNote(document, id)
  if (note.deleted) throw new EditError(`The ${noteName(note, document)} is already in the trash.`)
  return {
    label: `delete ${noteName(note, document)}`,
    changes: [{ kind: 'annotation', id, index, before: note, after: { ...note, deleted: context.now } }],
  }
}

export function restoreAnnotation(document: TimelineDocument, id: string): PlannedEdit {
  const { note, index } = findNote(document, id)
  if (!note.deleted) throw new EditError(`The ${noteName(note, document)} is not in the trash.`)
  const { anchor } = note
  if (anchor.kind === 'event' && !document.events.some((e) => e.id === anchor.eventId)) {
    throw new EditError(`The ${noteName(note, document)} belongs to an event that has been deleted; undo that deletion to bring both back.`)
  }
  const { deleted: _deleted, ...restored } = note
  return {
    label: `restore ${noteName(note, document)} from the trash`,
    changes: [{ kind: 'annotation', id, index, before: note, after: restored }],
  }
}
