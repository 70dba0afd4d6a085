/**
 * Applies a previewed import: whole or not at all. Pure: takes the document and returns a new one,
 * so the caller commits it as one step (and one undo). Every imported event is tagged with where it
 * came from: file, import time, original row or id.
 */
import { SCHEMA_VERSION, type TimelineDocument, type TimelineEvent, type Annotation } from '../domain/timeline'
import { TimelineDocumentSchema } from '../domain/timeline'
import type { ImportPreview } from './importPreview'

export interface ApplyImportOptions {
  /** Add to the open timeline, or make a new timeline of just the imported data. */
  mode: 'merge-into' | 'new'
  /**
   * Rows with errors are never imported; by default their presence stops the whole import. Set this
   * once the analyst has seen the errors in the preview and chosen to import the other rows.
   */
  skipRowsWithErrors?: boolean
  /** Rows the preview found already in the timeline: left out (default), or imported as new events. */
  duplicates?: 'skip' | 'import-as-new'
  /** The import's time stamp (provenance); now by default, fixed in tests. */
  importedAt?: string
}

export class ImportRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportRefused'
  }
}

function reasonToRefuse(preview: ImportPreview, options: ApplyImportOptions): string | null {
  if (preview.questions.length > 0) {
    const q = preview.questions[0]!
    return `row ${q.firstRow}, column "${q.column}": say whether dates in this column are day-first: "${q.example}" could be ${q.dayFirst} or ${q.monthFirst}`
  }
  if (preview.counts.errors > 0 && !options.skipRowsWithErrors) {
    const first = preview.issues.find((i) => i.severity === 'error')!
    return `${preview.counts.errors} row(s) have errors (first: row ${first.row}${first.column ? `, ${first.column}` : ''}: ${first.message}); fix the file or choose to import the other rows`
  }
  if (preview.events.length === 0 && preview.annotations.length === 0) return 'whole file: there are no events or annotations to import'
  return null
}

function freshId(base: string, taken: Set<string>): string {
  let id = `${base.slice(0, 180)}-copy`
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 180)}-copy${n}`
  return id
}

/** Returns the new document, or throws ImportRefused and changes nothing. */
export function applyImport(document: TimelineDocument, preview: ImportPreview, options: ApplyImportOptions): TimelineDocument {
  const refusal = reasonToRefuse(preview, options)
  if (refusal) throw new ImportRefused(`${preview.file}: ${refusal}`)
  const importedAt = options.importedAt ?? new Date().toISOString()
  const intoNew = options.mode === 'new'
  const base: TimelineDocument = intoNew
    ? {
        schemaVersion: SCHEMA_VERSION,
        meta: { title: preview.title ?? preview.file, description: `Imported from ${preview.file}`, created: importedAt, updated: importedAt },
        lanes: [],
        events: [],
        annotations: [],
      }
    : document
  const duplicateEventRows = new Set(intoNew ? [] : preview.duplicates.filter((d) => d.kind === 'event').map((d) => d.row))
  const duplicateAnnotationRows = new Set(intoNew ? [] : preview.duplicates.filter((d) => d.kind === 'annotation').map((d) => d.row))
  const keepDuplicates = options.duplicates === 'import-as-new'
  const eventIds = new Set(base.events.map((e) => e.id))
  const annotationIds = new Set(base.annotations.map((a) => a.id))

  const addedEvents: TimelineEvent[] = []
  for (const { row, original, event } of preview.events) {
    if (duplicateEventRows.has(row) && !keepDuplicates) continue
    const id = eventIds.has(event.id) ? freshId(event.id, eventIds) : event.id
    eventIds.add(id)
    addedEvents.push({ ...event, id, provenance: { file: preview.file.slice(0, 1_000), importedAt, original } })
  }
  const addedAnnotations: Annotation[] = []
  for (const { row, annotation } of preview.annotations) {
    if (duplicateAnnotationRows.has(row) && !keepDuplicates) continue
    const id = annotationIds.has(annotation.id) ? freshId(annotation.id, annotationIds) : annotation.id
    annotationIds.add(id)
    addedAnnotations.push({ ...annotation, id })
  }
  if (addedEvents.length === 0 && addedAnnotations.length === 0) {
    throw new ImportRefused(`${preview.file}: everything in the file is already in the timeline (${preview.duplicates.length} duplicate(s)); nothing was imported`)
  }
  const laneIds = new Set(base.lanes.map((l) => l.id))
  const addedLanes = preview.lanes.filter((l) => !laneIds.has(l.id)).map(({ id, name, hidden }) => ({ id, name, hidden }))

  const next: TimelineDocument = {
    ...base,
    meta: { ...base.meta, updated: importedAt },
    lanes: [...base.lanes, ...addedLanes],
    events: [...base.events, ...addedEvents],
    annotations: [...base.annotations, ...addedAnnotations],
  }
  // The last line of defence: a document that would not load again is never returned.
  const checked = TimelineDocumentSchema.safeParse(next)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    throw new ImportRefused(`${preview.file}: the result would not be a valid timeline (${issue?.path.join('.')}: ${issue?.message}); nothing was imported`)
  }
  return checked.data
}
