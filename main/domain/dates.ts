/**
 * EDTF (ISO 8601-2) dates: what the analyst wrote, the instants it may mean, and how to say it.
 * The string the analyst typed is always kept; everything here is derived from it.
 */
import edtf from 'edtf'
import { plainDateSpan } from './plainDates'

/** How exactly a date is known. `day` and finer are drawn as points; coarser as the span they cover. */
export type DatePrecision = 'year' | 'month' | 'day' | 'time'

export interface TimeSpan {
  /** Earliest instant the date can mean (epoch ms, UTC). */
  start: number
  /** Latest instant the date can mean (epoch ms, UTC, inclusive). */
  end: number
  precision: DatePrecision
  /** The analyst marked it uncertain (`?`), or it is a "one of" set. */
  uncertain: boolean
  /** The analyst marked it approximate (`~`). */
  approximate: boolean
  /** An interval (`a/b`) rather than a single date. */
  interval: boolean
  /** An interval end was left open or unknown (`2021-11/..`, `/2022-02`). */
  openStart: boolean
  openEnd: boolean
}

export type DateReading = { ok: true; span: TimeSpan } | { ok: false; error: string }

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
]

interface EdtfValue {
  type: string
  min: number
  max: number
  precision?: number
  uncertain?: { value: number } | boolean
  approximate?: { value: number } | boolean
  lower?: EdtfValue | null
  upper?: EdtfValue | null
  values?: EdtfValue[]
}

function flag(value: EdtfValue['uncertain']): boolean {
  if (typeof value === 'boolean') return value
  return Boolean(value && value.value)
}

const PRECISION_BY_LEVEL: Record<number, DatePrecision> = { 1: 'year', 2: 'month', 3: 'day' }

function precisionOf(value: EdtfValue | null | undefined): DatePrecision {
  if (!value) return 'day'
  if (value.type === 'Year') return 'year'
  if (value.precision === 0) return 'time'
  return PRECISION_BY_LEVEL[value.precision ?? 3] ?? 'day'
}

function parseEdtf(text: string): EdtfValue {
  return edtf(text) as unknown as EdtfValue
}

/** Why a string is not a date, in words an analyst can act on. */
function explain(text: string, error: unknown): string {
  const dayMatch = /^(-?\d{4})-(\d{2})-(\d{2})/.exec(text)
  if (dayMatch) {
    const [, year, month, day] = dayMatch
    const monthIndex = Number(month) - 1
    if (monthIndex >= 0 && monthIndex < 12) {
      const daysInMonth = new Date(Date.UTC(Number(year), monthIndex + 1, 0)).getUTCDate()
      if (Number(day) > daysInMonth) {
        return `${MONTHS[monthIndex]} ${year} has only ${daysInMonth} days, so "${text}" is not a date`
      }
    } else {
      return `"${month}" is not a month (01–12) in "${text}"`
    }
  }
  const detail = error instanceof Error ? error.message.split('\n')[0] : ''
  return `"${text}" is not an EDTF date${detail ? ` (${detail})` : ''}. Examples: 1991-12-26, 1991-12, 2022-01-06?, 2021-08~, 2021-11-10/2022-02-24, [2022-01-06,2022-01-07]`
}

/** Reads an EDTF string into the span of instants it may mean. Never throws. */
export function readDate(text: string): DateReading {
  const span = plainDateSpan(text.trim())
  return span ? { ok: true, span } : readDateWithEdtf(text)
}

/**
 * A date as an analyst types it or an import brings it: `readDate`, except that 29 February in a
 * year without one is refused. The EDTF grammar, and so the `edtf` package, allows 29 February in
 * every year and reads it in a common year as 1 March (30 February it refuses). A file that already
 * holds such a date still opens, drawn where it always was, and says so (`datesToCorrect`).
 */
export function readEnteredDate(text: string): DateReading {
  const reading = readDate(text)
  if (!reading.ok) return reading
  const missing = missingLeapDay(text.trim())
  return missing ? { ok: false, error: missing } : reading
}

/** `YYYY-02-29` anywhere in a date (an interval or set may name several days); a minus for years BC. */
const LEAP_DAY = /(?<![\d-])(-?\d{4})-02-29/g

/** Proleptic Gregorian, astronomical years (0 is 1 BC), as EDTF counts them. */
function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

/** Why `text` names a 29 February its year does not have, in the words used for 30 February; or null. */
export function missingLeapDay(text: string): string | null {
  for (const [, year] of text.matchAll(LEAP_DAY)) {
    if (!isLeapYear(Number(year))) return `February ${year} has only 28 days, so "${text}" is not a date`
  }
  return null
}

/** The reference reader: every date through the `edtf` package (slow; `readDate` uses it for the unusual shapes). */
export function readDateWithEdtf(text: string): DateReading {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, error: 'the date is empty' }
  let value: EdtfValue
  try {
    value = parseEdtf(trimmed)
  } catch (error) {
    return { ok: false, error: explain(trimmed, error) }
  }
  if (value.type === 'Interval') return readInterval(trimmed, value)
  if (value.type === 'Set' || value.type === 'List') {
    const members = value.values ?? []
    return {
      ok: true,
      span: {
        start: value.min,
        end: value.max,
        precision: precisionOf(members[0]),
        uncertain: value.type === 'Set',
        approximate: members.some((m) => flag(m.approximate)),
        interval: false,
        openStart: false,
        openEnd: false,
      },
    }
  }
  if (!Number.isFinite(value.min) || !Number.isFinite(value.max)) {
    return { ok: false, error: explain(trimmed, null) }
  }
  return {
    ok: true,
    span: {
      start: value.min,
      end: value.max,
      precision: precisionOf(value),
      uncertain: flag(value.uncertain),
      approximate: flag(value.approximate),
      interval: false,
      openStart: false,
      openEnd: false,
    },
  }
}

function readInterval(text: string, value: EdtfValue): DateReading {
  const [lowerText, upperText] = text.split('/')
  const lower = lowerText && lowerText !== '..' ? readDate(lowerText) : null
  const upper = upperText && upperText !== '..' ? readDate(upperText) : null
  if (lower && !lower.ok) return lower
  if (upper && !upper.ok) return upper
  if (!lower && !upper) return { ok: false, error: `"${text}" has neither a start nor an end` }
  const start = lower?.ok ? lower.span.start : (upper as { span: TimeSpan }).span.start
  const end = upper?.ok ? upper.span.end : (lower as { span: TimeSpan }).span.end
  if (end < start) return { ok: false, error: `"${text}" ends before it starts` }
  const parts = [lower, upper].flatMap((p) => (p?.ok ? [p.span] : []))
  return {
    ok: true,
    span: {
      start,
      end,
      precision: precisionOf(value.lower ?? value.upper),
      uncertain: parts.some((p) => p.uncertain),
      approximate: parts.some((p) => p.approximate),
      interval: true,
      openStart: !lower,
      openEnd: !upper,
    },
  }
}

export function isValidEdtf(text: string): boolean {
  return readDate(text).ok
}

/** Draw as a span (true) or a point: an exact day or time is a point; a month, year or interval covers time. */
export function isDrawnAsSpan(span: TimeSpan): boolean {
  return span.interval || span.precision === 'year' || span.precision === 'month' || span.end - span.start > 86_400_000
}

function dayWords(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${yearWords(d.getUTCFullYear())}`
}

function yearWords(year: number): string {
  return year <= 0 ? `${1 - year} BC` : String(year)
}

function singleWords(text: string, span: TimeSpan): string {
  const d = new Date(span.start)
  if (/X/i.test(text)) {
    return `sometime between ${dayWords(span.start)} and ${dayWords(span.end)}`
  }
  switch (span.precision) {
    case 'year':
      return yearWords(d.getUTCFullYear())
    case 'month':
      return `${MONTHS[d.getUTCMonth()]} ${yearWords(d.getUTCFullYear())}`
    case 'day':
      return dayWords(span.start)
    case 'time': {
      const hh = String(d.getUTCHours()).padStart(2, '0')
      const mm = String(d.getUTCMinutes()).padStart(2, '0')
      return `${dayWords(span.start)}, ${hh}:${mm} UTC`
    }
  }
}

function qualify(words: string, span: TimeSpan): string {
  if (span.approximate && span.uncertain) return `about ${words} (uncertain)`
  if (span.approximate) return `about ${words}`
  if (span.uncertain) return `${words} (uncertain)`
  return words
}

/** The date in words, showing its precision: "December 1991", "between 6 and 7 January 2022". */
export function describeDate(text: string): string {
  const reading = readDate(text)
  if (!reading.ok) return reading.error
  const { span } = reading
  const trimmed = text.trim()
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const members = trimmed.slice(1, -1).split(',').map((m) => m.trim()).filter((m) => !m.includes('..'))
    const first = members[0] ? readDate(members[0]) : null
    const last = members.at(-1) ? readDate(members.at(-1)!) : null
    if (first?.ok && last?.ok && members.length === 2 && first.span.precision === 'day') {
      const a = new Date(first.span.start)
      const b = new Date(last.span.start)
      if (a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth()) {
        return `either ${a.getUTCDate()} or ${dayWords(last.span.start)}`
      }
    }
    const opener = trimmed.startsWith('[') ? 'one of' : 'all of'
    return `${opener} ${members.map(describeDate).join(', ')}`
  }
  if (span.interval) {
    const [lowerText, upperText] = trimmed.split('/')
    const from = lowerText && lowerText !== '..' ? describeDate(lowerText) : null
    const to = upperText && upperText !== '..' ? describeDate(upperText) : null
    if (!from) return `until ${to}${upperText === undefined ? '' : ' (start unknown)'}`
    if (!to) return `from ${from} (${upperText === '..' ? 'still ongoing' : 'end unknown'})`
    return `${from} – ${to}`
  }
  return qualify(singleWords(trimmed, span), span)
}
