/**
 * A change to a timeline, recorded as the before and after of just the entities it touched, so it
 * can be applied and reversed without keeping copies of a 100,000-event document. Documents and
 * entities are treated as immutable values: applying a change copies the arrays it touches and
 * never alters an object another step may still hold.
 */
import type { Annotation, Lane, TimelineDocument, TimelineEvent, TimelineMeta } from '../domain/timeline'

/** One event or annotation: added (before null), edited, or removed (after null). */
export interface EntityChange<T> {
  id: string
  /** Where it sits (or sat) in its list, so a removal undone puts it back in the same place. */
  index: number
  before: T | null
  after: T | null
}

export type DocumentChange =
  | ({ kind: 'event' } & EntityChange<TimelineEvent>)
  | ({ kind: 'annotation' } & EntityChange<Annotation>)
  /** Lanes are few (at most 1,000) and order matters, so the whole list is kept. */
  | { kind: 'lanes'; before: Lane[]; after: Lane[] }
  | { kind: 'meta'; before: TimelineMeta; after: TimelineMeta }
  /** Rare, large steps (import, merge) that replace the whole document. */
  | { kind: 'document'; before: TimelineDocument; after: TimelineDocument }

export type Direction = 'forward' | 'backward'

/** A step could not be applied because the document is not in the state the step expects. */
export class StaleChangeError extends Error {}

function indexOfId<T extends { id: string }>(list: readonly T[], id: string, hint: number): number {
  if (list[hint]?.id === id) return hint
  return list.findIndex((item) => item.id === id)
}

function applyEntityChange<T extends { id: string }>(list: readonly T[], change: EntityChange<T>, direction: Direction, what: string): T[] {
  const from = direction === 'forward' ? change.before : change.after
  const to = direction === 'forward' ? change.after : change.before
  const next = list.slice()
  const at = indexOfId(list, change.id, change.index)
  if (from === null) {
    if (at !== -1) throw new StaleChangeError(`the ${what} "${change.id}" already exists`)
    next.splice(Math.min(change.index, next.length), 0, to as T)
  } else {
    if (at === -1) throw new StaleChangeError(`the ${what} "${change.id}" is no longer in the timeline`)
    if (to === null) next.splice(at, 1)
    else next[at] = to
  }
  return next
}

function applyOne(document: TimelineDocument, change: DocumentChange, direction: Direction): TimelineDocument {
  const pick = <T>(pair: { before: T; after: T }) => (direction === 'forward' ? pair.after : pair.before)
  switch (change.kind) {
    case 'event':
      return { ...document, events: applyEntityChange(document.events, change, direction, 'event') }
    case 'annotation':
      return { ...document, annotations: applyEntityChange(document.annotations, change, direction, 'note') }
    case 'lanes':
      return { ...document, lanes: pick(change) }
    case 'meta':
      return { ...document, meta: pick(change) }
    case 'document':
      return pick(change)
  }
}

/** Applies the changes in order (forward) or reverses them in reverse order (backward). */
export function applyChanges(document: TimelineDocument, changes: readonly DocumentChange[], direction: Direction): TimelineDocument {
  const ordered = direction === 'forward' ? changes : [...changes].reverse()
  return ordered.reduce((doc, change) => applyOne(doc, change, direction), document)
}

/** Which entities a step touched, so the window can update just those. */
export interface ChangedIds {
  events: string[]
  annotations: string[]
  lanes: boolean
  /** The whole document was replaced: reload everything. */
  document: boolean
}

export function changedIds(changes: readonly DocumentChange[]): ChangedIds {
  const ids: ChangedIds = { events: [], annotations: [], lanes: false, document: false }
  for (const change of changes) {
    if (change.kind === 'event') ids.events.push(change.id)
    else if (change.kind === 'annotation') ids.annotations.push(change.id)
    else if (change.kind === 'lanes') ids.lanes = true
    else if (change.kind === 'document') ids.document = true
  }
  return ids
}

/** What an edit will do, before it is applied: its undo label and its changes (empty: nothing to do). */
export interface PlannedEdit {
  label: string
  changes: DocumentChange[]
}
