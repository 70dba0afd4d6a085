/**
 * The analyst's choices on a merge's conflicts → the merged document. Each conflict is settled by
 * taking mine or theirs for that one field; a conflict without a choice takes `otherwise`, and
 * with no `otherwise` the merge is refused (a conflict is never settled silently).
 */
import type { Annotation, TimelineDocument, TimelineEvent } from '../domain/timeline'
import { TimelineDocumentSchema } from '../domain/timeline'
import type { MergeConflict, MergeResult } from './mergeTimelines'

import type { ConflictChoice } from '../formats/transferPayloads'

export type { ConflictChoice }
export type Side = ConflictChoice['take']

export const conflictKey = (c: { kind: string; id: string; field: string }) => `${c.kind}\u0000${c.id}\u0000${c.field}`

export class UnresolvedConflicts extends Error {
  constructor(readonly unresolved: MergeConflict[]) {
    super(`${unresolved.length} conflict(s) have no choice (first: ${unresolved[0]!.kind} "${unresolved[0]!.id}", field ${unresolved[0]!.field}); choose mine or theirs for each`)
    this.name = 'UnresolvedConflicts'
  }
}

function setField<T extends object>(target: T, field: string, value: unknown): T {
  const next = { ...target } as Record<string, unknown>
  if (value === undefined) delete next[field]
  else next[field] = value
  return next as T
}

export function resolveConflicts(result: MergeResult, choices: ConflictChoice[], otherwise?: Side): TimelineDocument {
  const chosen = new Map(choices.map((c) => [conflictKey(c), c.take]))
  const unresolved = result.conflicts.filter((c) => !chosen.has(conflictKey(c)) && !otherwise)
  if (unresolved.length > 0) throw new UnresolvedConflicts(unresolved)

  const eventChanges = new Map<string, Array<[string, unknown]>>()
  /** Annotations where the analyst took at least one of their fields, and whether they took all of them. */
  const tookTheirs = new Map<string, boolean>()
  const annotationChanges = new Map<string, Array<[string, unknown]>>()
  for (const conflict of result.conflicts) {
    const take = chosen.get(conflictKey(conflict)) ?? otherwise
    if (conflict.kind === 'annotation') tookTheirs.set(conflict.id, (tookTheirs.get(conflict.id) ?? true) && take === 'theirs')
    if (take !== 'theirs') continue
    const changes = conflict.kind === 'event' ? eventChanges : annotationChanges
    changes.set(conflict.id, [...(changes.get(conflict.id) ?? []), [conflict.field, conflict.theirs]])
  }

  const events = result.merged.events.map((event) => {
    const changes = eventChanges.get(event.id)
    return changes ? changes.reduce<TimelineEvent>((e, [field, value]) => setField(e, field, value), event) : event
  })
  const annotations = result.merged.annotations.map((annotation) => {
    const changes = annotationChanges.get(annotation.id)
    if (!changes) return annotation
    // Both sides' versions are already in the history (mergeTimelines put them there).
    const resolved = changes.reduce<Annotation>((a, [field, value]) => setField(a, field, value), annotation)
    const stamp = result.theirStamps.find((s) => s.id === annotation.id)
    if (!stamp) return resolved
    // All theirs: it is their version, credited to them. A mix: mine, edited now-ish (the later stamp).
    if (tookTheirs.get(annotation.id)) return { ...resolved, author: stamp.author, updated: stamp.updated }
    return { ...resolved, updated: stamp.updated > annotation.updated ? stamp.updated : annotation.updated }
  })
  const document = { ...result.merged, events, annotations }
  const checked = TimelineDocumentSchema.safeParse(document)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    throw new Error(`the merged timeline would not be valid (${issue?.path.join('.')}: ${issue?.message}); nothing was merged`)
  }
  return checked.data
}
