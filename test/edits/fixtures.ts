/** Shared by the edit tests: the seed timeline and a predictable clock, author and ids. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TimelineDocument } from '../../main/domain/timeline'
import type { EditContext, IdKind } from '../../main/edits/editContext'
import type { AnnotationInput } from '../../main/edits/inputs'
import { parseTimelineText } from '../../main/store/timelineFile'

export const SEED_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/seed/russia-west-crisis.json')

export function seedDocument(): TimelineDocument {
  return parseTimelineText(readFileSync(SEED_FILE, 'utf8'), SEED_FILE)
}

export const ANALYST = { name: 'Jane Analyst', initials: 'JA' }
export const COLLEAGUE = { name: 'Omar Colleague', initials: 'OC' }

/** A context whose clock ticks one second per edit and whose ids count up, so tests can name them. */
export function testContexts(author = ANALYST): (override?: Partial<EditContext>) => EditContext {
  let tick = 0
  const counters: Record<IdKind, number> = { event: 0, note: 0, source: 0 }
  return (override = {}) => {
    tick++
    return {
      author,
      now: new Date(Date.UTC(2026, 10, 28, 9, 0, tick)).toISOString(),
      newId: (kind) => `${kind}-${++counters[kind]}`,
      ...override,
    }
  }
}

export const GENEVA = 'geneva-ssd-2022'

export function noteOnGeneva(text = 'Russia restated its demands on *NATO enlargement*.'): AnnotationInput {
  return { anchor: { kind: 'event', eventId: GENEVA }, text, tags: ['talks'] }
}
