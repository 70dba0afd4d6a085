/**
 * TimelineJS writes a date as parts — `{year, month?, day?, hour?, minute?, second?}` in JSON, or
 * Year / Month / Day / Time cells in its sheet — and the parts it leaves out are its precision.
 * These functions convert between those parts and EDTF, keeping that precision both ways.
 */
import { readDate, readEnteredDate } from '../domain/dates'
import { edtfYear } from './dateStyles'

export interface TimelineJsDate {
  year: number | string
  month?: number | string
  day?: number | string
  hour?: number | string
  minute?: number | string
  second?: number | string
  millisecond?: number | string
  display_date?: string
}

const pad2 = (n: number) => String(n).padStart(2, '0')

function part(value: unknown, name: string, min: number, max: number): number | undefined | string {
  if (value === undefined || value === null || value === '') return undefined
  const text = String(value).trim()
  if (!/^-?\d{1,6}$/.test(text)) return `${name} "${text.slice(0, 40)}" is not a whole number`
  const n = Number(text)
  if (n < min || n > max) return `${name} ${n} is out of range (${min}–${max})`
  return n
}

/** TimelineJS date parts → EDTF, or a message saying which part is wrong. */
export function timelineJsToEdtf(date: Partial<TimelineJsDate> | undefined): { edtf: string } | { error: string } {
  if (!date || typeof date !== 'object') return { error: 'there is no date' }
  const year = part(date.year, 'year', -999_999, 999_999)
  if (year === undefined) return { error: 'the date has no year' }
  const month = part(date.month, 'month', 1, 12)
  const day = part(date.day, 'day', 1, 31)
  const hour = part(date.hour, 'hour', 0, 23)
  const minute = part(date.minute, 'minute', 0, 59)
  const second = part(date.second, 'second', 0, 59)
  for (const p of [year, month, day, hour, minute, second]) if (typeof p === 'string') return { error: p }
  const y = year as number
  if (Math.abs(y) > 9999) return { error: `year ${y} has more than four digits, which Annalist cannot show yet` }
  let edtf = edtfYear(y)
  if (month !== undefined) edtf += `-${pad2(month as number)}`
  if (month !== undefined && day !== undefined) edtf += `-${pad2(day as number)}`
  if (month !== undefined && day !== undefined && hour !== undefined) {
    edtf += `T${pad2(hour as number)}:${pad2((minute as number | undefined) ?? 0)}:${pad2((second as number | undefined) ?? 0)}`
  }
  const reading = readEnteredDate(edtf)
  return reading.ok ? { edtf } : { error: reading.error }
}

/** The sheet's Time cell: `13:05`, `13:05:30`, `1:05 PM`. */
export function sheetTime(text: string | undefined): { hour?: number; minute?: number; second?: number } | { error: string } {
  const t = (text ?? '').trim()
  if (t === '') return {}
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(t)
  if (!m) return { error: `the time "${t.slice(0, 40)}" is not hh:mm` }
  let hour = Number(m[1])
  if (m[4]) hour = (hour % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0)
  return { hour, minute: Number(m[2]), second: m[3] ? Number(m[3]) : 0 }
}

function partsOf(single: string): TimelineJsDate | null {
  const reading = readDate(single)
  if (!reading.ok) return null
  const { span } = reading
  const d = new Date(span.start)
  const out: TimelineJsDate = { year: d.getUTCFullYear() }
  if (span.precision === 'year') return out
  out.month = d.getUTCMonth() + 1
  if (span.precision === 'month') return out
  out.day = d.getUTCDate()
  if (span.precision === 'day') return out
  out.hour = d.getUTCHours()
  out.minute = d.getUTCMinutes()
  out.second = d.getUTCSeconds()
  return out
}

/**
 * EDTF → TimelineJS start and end. Qualifiers (`?`, `~`) and "one of" sets have no TimelineJS
 * form; the caller writes the date in words as `display_date` so readers still see them.
 */
export function edtfToTimelineJs(edtf: string): { start: TimelineJsDate; end?: TimelineJsDate } | null {
  const text = edtf.trim()
  if (text.startsWith('[') || text.startsWith('{')) {
    const members = text.slice(1, -1).split(',').map((m) => m.trim()).filter((m) => m && !m.includes('..'))
    const first = members[0] ? partsOf(members[0]) : null
    const last = members.length > 1 ? partsOf(members.at(-1)!) : null
    return first ? { start: first, ...(last ? { end: last } : {}) } : null
  }
  if (text.includes('/')) {
    const [lower, upper] = text.split('/')
    const start = lower && lower !== '..' ? partsOf(lower) : null
    const end = upper && upper !== '..' ? partsOf(upper) : null
    if (start) return { start, ...(end ? { end } : {}) }
    return end ? { start: end } : null
  }
  const start = partsOf(text)
  return start ? { start } : null
}
