/**
 * What an import will do, shown before it does it: the events and annotations it will add, the lanes
 * it will create, the first rows as they will appear, every problem with its row, the duplicates it
 * found in the open timeline and any question the analyst must answer (day/month order).
 * Each format reads its file into an `ImportDraft`; `finishPreview` turns a draft into the preview
 * against the current document, so duplicate and lane rules live in one place.
 */
import { randomUUID } from 'node:crypto'
import { describeDate } from '../domain/dates'
import {
  AnnotationSchema,
  type Annotation,
  type EventLocation,
  type Lane,
  type Source,
  type TimelineDocument,
  type TimelineEvent,
} from '../domain/timeline'
import { TimelineEventSchema } from '../domain/timeline'
import type { CsvPreviewInfo, DateOrderQuestion, Duplicate, ImportFormat, ImportIssue, PreviewRow } from './previewTypes'

export type { CsvPreviewInfo, DateOrderQuestion, Duplicate, ImportFormat, ImportIssue, PreviewRow }

/** An event as a format read it, before ids, lanes and duplicates are settled. */
export interface DraftEvent {
  row: number
  /** How to find it in the original file: "row 12", "line 4", "id UKR1234". */
  original: string
  id?: string
  title: string
  date: string
  description?: string
  laneNames?: string[]
  tags?: string[]
  location?: EventLocation
  sources?: Source[]
}

/** A span of time with a label (TimelineJS and Timeline-app eras) or a whole native annotation. */
export type DraftAnnotation =
  | { row: number; original: string; kind: 'span'; label: string; text: string; date: string }
  | { row: number; original: string; kind: 'native'; annotation: Annotation }

export interface ImportDraft {
  format: ImportFormat
  csv?: CsvPreviewInfo
  title?: string
  totalRows: number
  events: DraftEvent[]
  annotations: DraftAnnotation[]
  issues: ImportIssue[]
  questions: DateOrderQuestion[]
  /** Format-level remarks (e.g. "recognised ACLED columns"). */
  notes: string[]
}

export interface PreviewEvent {
  row: number
  original: string
  event: TimelineEvent
}

export interface PreviewAnnotation {
  row: number
  original: string
  annotation: Annotation
}

export interface ImportPreview {
  file: string
  format: ImportFormat
  csv?: CsvPreviewInfo
  title?: string
  events: PreviewEvent[]
  annotations: PreviewAnnotation[]
  /** Lanes the imported events use; `existing` ones are already in the open timeline. */
  lanes: Array<Lane & { existing: boolean }>
  counts: { rows: number; events: number; annotations: number; newLanes: number; errors: number; warnings: number; duplicates: number }
  rows: PreviewRow[]
  issues: ImportIssue[]
  duplicates: Duplicate[]
  questions: DateOrderQuestion[]
  notes: string[]
}

export const PREVIEW_ROWS = 20
const IMPORTER: Annotation['author'] = { name: 'Import', initials: 'IMP' }

function normalTitle(title: string): string {
  return title.trim().toLowerCase().replace(/\s+/g, ' ')
}

function slug(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'lane'
}

/** Lane names → lanes, reusing the open timeline's lane of the same name (case-insensitive). */
class LaneResolver {
  private readonly byName = new Map<string, Lane & { existing: boolean }>()
  private readonly usedIds = new Set<string>()
  readonly used = new Map<string, Lane & { existing: boolean }>()

  constructor(existing: Lane[]) {
    for (const lane of existing) {
      this.byName.set(lane.name.trim().toLowerCase(), { ...lane, existing: true })
      this.usedIds.add(lane.id)
    }
  }

  idFor(name: string): string | null {
    const clean = name.trim().slice(0, 1_000)
    if (clean === '') return null
    const key = clean.toLowerCase()
    let lane = this.byName.get(key)
    if (!lane) {
      let id = `lane-${slug(clean)}`
      for (let n = 2; this.usedIds.has(id); n++) id = `lane-${slug(clean)}-${n}`
      this.usedIds.add(id)
      lane = { id, name: clean, hidden: false, existing: false }
      this.byName.set(key, lane)
    }
    this.used.set(lane.id, lane)
    return lane.id
  }
}

function firstProblem(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): { column?: string; message: string } {
  const issue = error.issues[0]
  const column = issue?.path.length ? issue.path.map(String).join('.') : undefined
  return { column, message: issue?.message ?? 'not valid' }
}

export interface PreviewContext {
  file: string
  document: TimelineDocument
  /** Makes ids for events whose file gave none; injectable so tests are repeatable. */
  newId?: () => string
  /** Stamps for era annotations. */
  now?: string
}

export function finishPreview(draft: ImportDraft, context: PreviewContext): ImportPreview {
  const { document, file } = context
  const newId = context.newId ?? (() => `ev-${randomUUID()}`)
  const now = context.now ?? new Date().toISOString()
  const issues = [...draft.issues]
  const lanes = new LaneResolver(document.lanes)
  const existingIds = new Set(document.events.map((e) => e.id))
  const existingByTitleDate = new Map(document.events.map((e) => [`${normalTitle(e.title)}\u0000${e.date}`, e.id]))
  const seenIds = new Map<string, number>()
  const duplicates: Duplicate[] = []
  const events: PreviewEvent[] = []

  for (const draftEvent of draft.events) {
    const id = draftEvent.id?.trim() || newId()
    const earlierRow = seenIds.get(id)
    if (earlierRow !== undefined) {
      issues.push({ row: draftEvent.row, column: 'id', severity: 'error', message: `the id "${id.slice(0, 80)}" is already used by row ${earlierRow} of this file` })
      continue
    }
    let title = draftEvent.title.trim()
    if (title.length > 1_000) {
      issues.push({ row: draftEvent.row, column: 'title', severity: 'warning', message: `the title is ${title.length} characters; it was cut to 1,000` })
      title = title.slice(0, 1_000)
    }
    const candidate = {
      id,
      title,
      date: draftEvent.date.trim(),
      description: draftEvent.description ?? '',
      lanes: [...new Set((draftEvent.laneNames ?? []).map((name) => lanes.idFor(name)).filter((l): l is string => l !== null))],
      tags: [...new Set((draftEvent.tags ?? []).map((t) => t.trim()).filter((t) => t !== ''))],
      ...(draftEvent.location ? { location: draftEvent.location } : {}),
      sources: draftEvent.sources ?? [],
    }
    if (candidate.title === '') {
      issues.push({ row: draftEvent.row, column: 'title', severity: 'error', message: 'the event has no title' })
      continue
    }
    const checked = TimelineEventSchema.safeParse(candidate)
    if (!checked.success) {
      const problem = firstProblem(checked.error)
      issues.push({ row: draftEvent.row, column: problem.column, severity: 'error', message: `${problem.message}${problem.column === 'date' ? `: "${candidate.date.slice(0, 80)}"` : ''}` })
      continue
    }
    seenIds.set(id, draftEvent.row)
    if (existingIds.has(id)) duplicates.push({ kind: 'event', row: draftEvent.row, existingId: id, reason: 'same id' })
    else {
      const same = existingByTitleDate.get(`${normalTitle(title)}\u0000${candidate.date}`)
      if (same) duplicates.push({ kind: 'event', row: draftEvent.row, existingId: same, reason: 'same title and date' })
    }
    events.push({ row: draftEvent.row, original: draftEvent.original, event: checked.data })
  }

  const existingAnnotationIds = new Set(document.annotations.map((a) => a.id))
  const annotations: PreviewAnnotation[] = []
  for (const draftAnnotation of draft.annotations) {
    const candidate: unknown =
      draftAnnotation.kind === 'native'
        ? draftAnnotation.annotation
        : {
            id: `an-${randomUUID()}`,
            anchor: { kind: 'span', date: draftAnnotation.date },
            label: draftAnnotation.label.slice(0, 1_000),
            text: draftAnnotation.text,
            author: IMPORTER,
            created: now,
            updated: now,
          }
    const checked = AnnotationSchema.safeParse(candidate)
    if (!checked.success) {
      const problem = firstProblem(checked.error)
      issues.push({ row: draftAnnotation.row, column: problem.column, severity: 'error', message: problem.message })
      continue
    }
    if (existingAnnotationIds.has(checked.data.id)) duplicates.push({ kind: 'annotation', row: draftAnnotation.row, existingId: checked.data.id, reason: 'same id' })
    annotations.push({ row: draftAnnotation.row, original: draftAnnotation.original, annotation: checked.data })
  }

  const laneList = [...lanes.used.values()]
  const laneName = new Map(laneList.map((l) => [l.id, l.name]))
  issues.sort((a, b) => a.row - b.row)
  return {
    file,
    format: draft.format,
    ...(draft.csv ? { csv: draft.csv } : {}),
    ...(draft.title ? { title: draft.title.slice(0, 1_000) } : {}),
    events,
    annotations,
    lanes: laneList,
    counts: {
      rows: draft.totalRows,
      events: events.length,
      annotations: annotations.length,
      newLanes: laneList.filter((l) => !l.existing).length,
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
      duplicates: duplicates.length,
    },
    rows: events.slice(0, PREVIEW_ROWS).map(({ row, event }) => ({
      row,
      date: event.date,
      dateInWords: describeDate(event.date),
      title: event.title,
      lanes: event.lanes.map((id) => laneName.get(id) ?? id),
      tags: event.tags,
      description: event.description.length > 200 ? `${event.description.slice(0, 199)}…` : event.description,
    })),
    issues,
    duplicates,
    questions: draft.questions,
    notes: draft.notes,
  }
}

/** An empty draft a format fills in. */
export function emptyDraft(format: ImportFormat): ImportDraft {
  return { format, totalRows: 0, events: [], annotations: [], issues: [], questions: [], notes: [] }
}
