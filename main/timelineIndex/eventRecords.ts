/**
 * What the engine keeps about each event: its span read once from the EDTF date, the lanes and
 * tags it is filed under, its source grades, and a fingerprint of its id (clusters are named from
 * their members' fingerprints, so the same members give the same cluster id).
 */
import { isDrawnAsSpan, type TimeSpan } from '../domain/dates'
import { bestGrade, isSourceGrade } from '../domain/sourceGrade'
import type { TimelineEvent } from '../domain/timeline'
import { eventSpan } from '../domain/placeEvent'
import { NO_LANE } from './viewportRules'
import type { EventFilter } from './viewportTypes'

export interface EventRecord {
  /** Position in the engine's tables; stable while the event exists. */
  slot: number
  id: string
  title: string
  date: string
  span: TimeSpan
  drawnAsSpan: boolean
  /** Lanes it is drawn in, without repeats; `[NO_LANE]` when it has none. */
  lanes: string[]
  tags: readonly string[]
  grades: readonly string[]
  bestGrade: string
  /** Two independent 32-bit hashes of the id. */
  fingerprintA: number
  fingerprintB: number
}

/** The record for an event, or null when its date cannot be read (the schema normally prevents that). */
export function eventRecord(event: TimelineEvent, slot: number): EventRecord | null {
  const span = eventSpan(event)
  if (!span) return null
  const grades = event.sources.length === 1 ? [event.sources[0]!.grade] : withoutRepeats(event.sources.map((s) => s.grade))
  return {
    slot,
    id: event.id,
    title: event.title,
    date: event.date,
    span,
    drawnAsSpan: isDrawnAsSpan(span),
    lanes: lanesOf(event),
    tags: event.tags,
    grades,
    bestGrade: grades.length === 1 ? grades[0]! : bestGrade(grades),
    fingerprintA: fingerprintA(event.id),
    fingerprintB: fingerprintB(event.id),
  }
}

/** The lanes an event is drawn in, without repeats; `[NO_LANE]` when it has none. */
export function lanesOf(event: TimelineEvent): string[] {
  // At 100,000 events allocations add up: the event's own array is used when it holds no repeats.
  return event.lanes.length === 0 ? [NO_LANE] : withoutRepeats(event.lanes)
}

export const fingerprintA = (id: string): number => hashText(id, 0x811c9dc5)
export const fingerprintB = (id: string): number => hashText(id, 0x9747b28c)

/** The list itself when nothing repeats (lists here hold a few lanes or grades: no Set is built for them). */
function withoutRepeats(list: string[]): string[] {
  for (let i = 1; i < list.length; i++) if (list.lastIndexOf(list[i]!, i - 1) >= 0) return [...new Set(list)]
  return list
}

/** FNV-1a over UTF-16 code units, from a chosen offset basis. */
function hashText(text: string, basis: number): number {
  let hash = basis
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** A filter prepared once per query: `test` is called for every candidate event. */
export interface CompiledFilter {
  /** True when the filter keeps everything, so callers can skip calling `test`. */
  keepsAll: boolean
  test(record: Pick<EventRecord, 'tags' | 'grades'>): boolean
}

/**
 * A grade passes `minGrade` when both its marks are at least as good. Letters A–F and digits 1–6
 * order by character code, with F and 6 ("cannot be judged") last, as in sourceGrade.ts.
 */
export function gradeAtLeast(grade: string, minGrade: string): boolean {
  return isSourceGrade(grade) && grade[0]! <= minGrade[0]! && grade[1]! <= minGrade[1]!
}

export function compileFilter(filter: EventFilter | undefined): CompiledFilter {
  const tags = filter?.tags?.length ? new Set(filter.tags) : null
  const minGrade = filter?.minGrade && isSourceGrade(filter.minGrade) ? filter.minGrade : null
  if (!tags && !minGrade) return { keepsAll: true, test: () => true }
  return {
    keepsAll: false,
    test: (record) =>
      (!tags || record.tags.some((tag) => tags.has(tag))) &&
      (!minGrade || record.grades.some((grade) => gradeAtLeast(grade, minGrade))),
  }
}
