/**
 * Merging a colleague's copy of a timeline into mine. Events and annotations are matched by id;
 * ones only they have are added; where both have one, every field is compared and each difference
 * becomes a conflict for the analyst to settle (there is no common ancestor, so Annalist cannot
 * tell who changed what). Nothing is dropped: for an annotation the two sides disagree on, both
 * versions go into its history, whichever the analyst keeps on top. Pure: merging A with A gives A.
 */
import type { Annotation, AnnotationVersion, Lane, TimelineDocument, TimelineEvent } from '../domain/timeline'

export const EVENT_FIELDS = ['title', 'date', 'description', 'lanes', 'tags', 'location', 'sources', 'provenance'] as const
export const ANNOTATION_FIELDS = ['anchor', 'label', 'text', 'tags', 'colour', 'judgement', 'links', 'deleted'] as const
export type EventField = (typeof EVENT_FIELDS)[number]
export type AnnotationField = (typeof ANNOTATION_FIELDS)[number]

export type MergeConflict =
  | { kind: 'event'; id: string; field: EventField; mine: unknown; theirs: unknown }
  | { kind: 'annotation'; id: string; field: AnnotationField; mine: unknown; theirs: unknown }

export interface MergeResult {
  /** Mine, plus everything only theirs has; conflicting fields hold my value until resolved. */
  merged: TimelineDocument
  conflicts: MergeConflict[]
  added: { events: number; annotations: number; lanes: number }
  /** Annotations whose histories gained versions from theirs (no conflict needed). */
  historiesJoined: number
  /** Who last edited their side of each conflicting annotation, so a resolution credits the right analyst. */
  theirStamps: Array<{ id: string; author: Annotation['author']; updated: string }>
}

/** Key order does not matter to the analyst, so it does not matter here. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    }
    return v
  }) ?? 'undefined'
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b)

/** An annotation's current state as a history entry. */
export function versionOf(annotation: Annotation): AnnotationVersion {
  const { anchor, label, text, tags, colour, judgement, links, author, updated } = annotation
  return { anchor, label, text, tags, colour, ...(judgement ? { judgement } : {}), links, author, updated }
}

/** Mine's versions in their order, then theirs that mine lacks; extra versions appended in order. */
export function joinHistories(mine: AnnotationVersion[], theirs: AnnotationVersion[], ...extra: AnnotationVersion[]): AnnotationVersion[] {
  const seen = new Set(mine.map(canonical))
  const joined = [...mine]
  for (const version of [...theirs, ...extra]) {
    const key = canonical(version)
    if (seen.has(key)) continue
    seen.add(key)
    joined.push(version)
  }
  return joined
}

function mergeLanes(mine: Lane[], theirs: Lane[]): { lanes: Lane[]; added: number } {
  const ids = new Set(mine.map((l) => l.id))
  const extra = theirs.filter((l) => !ids.has(l.id))
  return { lanes: [...mine, ...extra], added: extra.length }
}

export function mergeTimelines(mine: TimelineDocument, theirs: TimelineDocument): MergeResult {
  const conflicts: MergeConflict[] = []
  const lanes = mergeLanes(mine.lanes, theirs.lanes)

  const theirEvents = new Map(theirs.events.map((e) => [e.id, e]))
  const mineEventIds = new Set(mine.events.map((e) => e.id))
  for (const event of mine.events) {
    const other = theirEvents.get(event.id)
    // Most shared events are identical: one comparison instead of one per field.
    if (!other || same(event, other)) continue
    for (const field of EVENT_FIELDS) {
      if (!same(event[field], other[field])) conflicts.push({ kind: 'event', id: event.id, field, mine: event[field], theirs: other[field] })
    }
  }
  const addedEvents: TimelineEvent[] = theirs.events.filter((e) => !mineEventIds.has(e.id))

  const theirAnnotations = new Map(theirs.annotations.map((a) => [a.id, a]))
  const mineAnnotationIds = new Set(mine.annotations.map((a) => a.id))
  let historiesJoined = 0
  const theirStamps: MergeResult['theirStamps'] = []
  const annotations = mine.annotations.map((annotation) => {
    const other = theirAnnotations.get(annotation.id)
    if (!other) return annotation
    const differing = ANNOTATION_FIELDS.filter((field) => !same(annotation[field], other[field]))
    for (const field of differing) conflicts.push({ kind: 'annotation', id: annotation.id, field, mine: annotation[field], theirs: other[field] })
    if (differing.length > 0) theirStamps.push({ id: other.id, author: other.author, updated: other.updated })
    const history =
      differing.length > 0
        ? joinHistories(annotation.history, other.history, versionOf(annotation), versionOf(other))
        : joinHistories(annotation.history, other.history)
    if (history.length === annotation.history.length) return annotation
    historiesJoined++
    return { ...annotation, history }
  })
  const addedAnnotations = theirs.annotations.filter((a) => !mineAnnotationIds.has(a.id))

  return {
    merged: {
      ...mine,
      lanes: lanes.lanes,
      events: [...mine.events, ...addedEvents],
      annotations: [...annotations, ...addedAnnotations],
    },
    conflicts,
    added: { events: addedEvents.length, annotations: addedAnnotations.length, lanes: lanes.added },
    historiesJoined,
    theirStamps,
  }
}
