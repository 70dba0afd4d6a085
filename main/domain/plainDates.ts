/**
 * The span of a plain EDTF date, fast. The `edtf` package costs 0.07–0.17 ms per date on this
 * machine: 10–17 s for 100,000 events. Almost every date an analyst or an import writes is one of a
 * few plain shapes (`1991`, `1991-12`, `1991-12-26`, each optionally `?`, `~` or `%`;
 * `1991-12-26T10:07:00Z`; intervals of these, open or not; and `[a,b]` / `{a,b}` sets of them), so
 * `readDate` (dates.ts) reads those here with `Date.UTC` and gives everything else to the package.
 * A property test (test/domain/plainDates.test.ts) checks both give the same answer on every shape
 * this file accepts, so the package stays the definition of what a date means.
 */
import type { DatePrecision, TimeSpan } from './dates'

const SINGLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%]?)$/
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/

function plainSpan(text: string): TimeSpan | null {
  return calendarSpan(text) ?? instantSpan(text)
}

/** A year, month or day, optionally qualified. */
function calendarSpan(text: string): TimeSpan | null {
  const single = SINGLE.exec(text)
  if (single) {
    const [, yearText, monthText, dayText, qualifier] = single
    const year = Number(yearText)
    // Below 1000 `Date.UTC` and the edtf package may disagree on two-digit years; let readDate decide.
    if (year < 1000) return null
    const month = monthText === undefined ? null : Number(monthText)
    const day = dayText === undefined ? null : Number(dayText)
    if (month !== null && (month < 1 || month > 12)) return null
    let start: number
    let next: number
    let precision: DatePrecision
    if (month === null) {
      start = Date.UTC(year, 0, 1)
      next = Date.UTC(year + 1, 0, 1)
      precision = 'year'
    } else if (day === null) {
      start = Date.UTC(year, month - 1, 1)
      next = Date.UTC(year, month, 1)
      precision = 'month'
    } else {
      if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null
      start = Date.UTC(year, month - 1, day)
      next = start + 86_400_000
      precision = 'day'
    }
    return {
      start,
      end: next - 1,
      precision,
      uncertain: qualifier === '?' || qualifier === '%',
      approximate: qualifier === '~' || qualifier === '%',
      interval: false,
      openStart: false,
      openEnd: false,
    }
  }
  return null
}

function instantSpan(text: string): TimeSpan | null {
  const instant = INSTANT.exec(text)
  if (instant) {
    const [year, month, day, hour, minute, second] = instant.slice(1).map(Number) as [number, number, number, number, number, number]
    if (year < 1000 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null
    if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null
    const at = Date.UTC(year, month - 1, day, hour, minute, second)
    return { start: at, end: at, precision: 'time', uncertain: false, approximate: false, interval: false, openStart: false, openEnd: false }
  }
  return null
}

function intervalSpan(text: string): TimeSpan | null {
  const slash = text.indexOf('/')
  if (slash < 0 || slash !== text.lastIndexOf('/')) return null
  const lowerText = text.slice(0, slash)
  const upperText = text.slice(slash + 1)
  // `../b` is left to readDate, which gives it day precision whatever b's precision is.
  if (lowerText === '..') return null
  const openStart = lowerText === ''
  const openEnd = upperText === '' || upperText === '..'
  if (openStart || openEnd) {
    const known = openStart ? (openEnd ? null : plainSpan(upperText)) : plainSpan(lowerText)
    return known && { ...known, interval: true, openStart, openEnd }
  }
  const lower = plainSpan(lowerText)
  const upper = plainSpan(upperText)
  // Overlapping or reversed ends are where the edtf package has its own rules; let it judge them.
  if (!lower || !upper || lower.end >= upper.start) return null
  return {
    start: lower.start,
    end: upper.end,
    precision: lower.precision,
    uncertain: lower.uncertain || upper.uncertain,
    approximate: lower.approximate || upper.approximate,
    interval: true,
    openStart: false,
    openEnd: false,
  }
}

/** `[a,b]` ("one of", uncertain) or `{a,b}` ("all of") with plain members. */
function setSpan(text: string): TimeSpan | null {
  const oneOf = text.startsWith('[') && text.endsWith(']')
  if (!oneOf && !(text.startsWith('{') && text.endsWith('}'))) return null
  // Only unqualified calendar dates: the edtf package refuses times in sets and has its own rules
  // for qualifiers there.
  const members = text.slice(1, -1).split(',').map((member) => (/^[\d-]+$/.test(member) ? calendarSpan(member) : null))
  if (members.length < 2 || members.some((m) => m === null)) return null
  const spans = members as TimeSpan[]
  // As the edtf package does: from the first member's start to the last member's end.
  return {
    start: spans[0]!.start,
    end: spans.at(-1)!.end,
    precision: spans[0]!.precision,
    uncertain: oneOf,
    approximate: spans.some((m) => m.approximate),
    interval: false,
    openStart: false,
    openEnd: false,
  }
}

/** The span of a plain-shaped date (already trimmed), or null for anything else, valid or not. */
export function plainDateSpan(text: string): TimeSpan | null {
  return plainSpan(text) ?? intervalSpan(text) ?? setSpan(text)
}
