/**
 * The date styles real files use, read into EDTF so the precision the file gave is kept:
 * `2022-01-10`, `10 January 2022`, `January 10, 2022`, `Jan 2022`, `1/22/2014 12:00:00 AM`,
 * `27/01/2014`, `27-01-2014`, `27.01.2014`, `20220110` (GDELT), `2014-01-27 13:05:00`
 * (Timeline app), `1991`, `800` → `0800`, `44 BC` → `-0043`, and any EDTF as written.
 * When day and month could be either way round (`03/04/2014`) and nothing says which, the
 * answer is "ambiguous" with both readings, for the analyst to choose.
 */
import { describeDate, readEnteredDate } from '../domain/dates'

const isValidEdtf = (text: string) => readEnteredDate(text).ok

export type DateStyleReading =
  | { kind: 'date'; edtf: string }
  | { kind: 'ambiguous'; dayFirst: string; monthFirst: string }
  | { kind: 'error'; message: string }

const MONTH_NUMBERS: Record<string, number> = Object.assign(Object.create(null), {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
})

const NUMERIC_DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/
const ISO_WITH_TIME = /^(-?\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{1,4})$/
const MONTH_DAY_YEAR = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{1,4})$/
const MONTH_YEAR = /^([A-Za-z]+)\.?,?\s+(\d{1,4})$/
const YEAR_ONLY = /^(-?)(\d{1,4})$/
const ERA_YEAR = /^(?:(AD|CE)\s*)?(\d{1,4})\s*(BC|BCE|AD|CE)?$/i

const pad2 = (n: number | string) => String(n).padStart(2, '0')

/** EDTF needs four-digit years: 800 → 0800, -44 → -0044. */
export function edtfYear(year: number): string {
  return year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0')
}

function checked(edtf: string, original: string): DateStyleReading {
  const reading = readEnteredDate(edtf)
  if (reading.ok) return { kind: 'date', edtf }
  return { kind: 'error', message: edtf === original ? reading.error : `"${original}" reads as ${edtf}, but ${reading.error}` }
}

function timePart(hourText: string | undefined, minute: string | undefined, second: string | undefined, meridiem: string | undefined): string | null {
  if (hourText === undefined) return ''
  let hour = Number(hourText)
  if (meridiem) {
    if (hour < 1 || hour > 12) return null
    const pm = meridiem.toLowerCase() === 'pm'
    hour = (hour % 12) + (pm ? 12 : 0)
  }
  if (hour > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return null
  // Spreadsheet exports write "12:00:00 AM" on date-only cells: midnight means "the day".
  if (hour === 0 && Number(minute) === 0 && Number(second ?? 0) === 0) return ''
  return `T${pad2(hour)}:${minute}:${pad2(second ?? '00')}`
}

/** Which way round a numeric date must be, from its own numbers alone. */
export function numericDateOrder(text: string): 'day-first' | 'month-first' | 'either' | null {
  const m = NUMERIC_DMY.exec(text.trim())
  if (!m) return null
  const a = Number(m[1])
  const b = Number(m[3])
  if (a > 12 && b <= 12) return 'day-first'
  if (b > 12 && a <= 12) return 'month-first'
  return 'either'
}

function readNumeric(m: RegExpExecArray, original: string, dayFirst: boolean | undefined): DateStyleReading {
  const [, aText, , bText, yearText, hour, minute, second, meridiem] = m
  if (yearText!.length < 4) return { kind: 'error', message: `"${original}" has a ${yearText!.length}-digit year; write the year in full (e.g. 2014) so the century is not guessed` }
  const time = timePart(hour, minute, second, meridiem)
  if (time === null) return { kind: 'error', message: `"${original}" has a time that is not a time of day` }
  const a = Number(aText)
  const b = Number(bText)
  const build = (day: number, month: number) => `${yearText}-${pad2(month)}-${pad2(day)}${time}`
  if (a > 12 && b > 12) return { kind: 'error', message: `"${original}" has no month: neither ${a} nor ${b} is 1–12` }
  if (a > 12) return checked(build(a, b), original)
  if (b > 12) return checked(build(b, a), original)
  if (a === b || dayFirst !== undefined) return checked(dayFirst === false ? build(b, a) : build(a, b), original)
  const asDayFirst = build(a, b)
  const asMonthFirst = build(b, a)
  if (!isValidEdtf(asDayFirst) || !isValidEdtf(asMonthFirst)) return checked(isValidEdtf(asDayFirst) ? asDayFirst : asMonthFirst, original)
  return { kind: 'ambiguous', dayFirst: asDayFirst, monthFirst: asMonthFirst }
}

function monthNumber(word: string): number | undefined {
  return MONTH_NUMBERS[word.toLowerCase()]
}

/** Reads one cell. `dayFirst` answers day/month order for numeric dates; undefined means "ask". */
export function readDateStyle(text: string, options: { dayFirst?: boolean } = {}): DateStyleReading {
  const original = text.trim()
  if (original === '') return { kind: 'error', message: 'the date is empty' }
  if (original.length > 200) return { kind: 'error', message: 'the date is longer than 200 characters' }
  let m: RegExpExecArray | null
  if ((m = YEAR_ONLY.exec(original))) return checked(edtfYear(Number(m[2]) * (m[1] ? -1 : 1)), original)
  if ((m = ERA_YEAR.exec(original)) && (m[1] || m[3])) {
    const year = Number(m[2])
    const bc = /^BC/i.test(m[3] ?? '')
    if (year === 0) return { kind: 'error', message: `there is no year 0 in "${original}" (1 BC is followed by AD 1)` }
    // Astronomical numbering, which EDTF uses: 1 BC is year 0000, 44 BC is -0043.
    return checked(edtfYear(bc ? 1 - year : year), original)
  }
  if (/^\d{8}$/.test(original)) return checked(`${original.slice(0, 4)}-${original.slice(4, 6)}-${original.slice(6, 8)}`, original)
  if ((m = ISO_WITH_TIME.exec(original))) {
    const time = timePart(m[2], m[3], m[4], undefined)
    if (time === null) return { kind: 'error', message: `"${original}" has a time that is not a time of day` }
    const zone = time && m[5] ? (m[5] === 'Z' ? 'Z' : m[5].includes(':') ? m[5] : `${m[5].slice(0, 3)}:${m[5].slice(3)}`) : ''
    return checked(`${m[1]}${time}${zone}`, original)
  }
  if ((m = NUMERIC_DMY.exec(original))) return readNumeric(m, original, options.dayFirst)
  if ((m = DAY_MONTH_YEAR.exec(original))) {
    const month = monthNumber(m[2]!)
    if (month) return checked(`${edtfYear(Number(m[3]))}-${pad2(month)}-${pad2(m[1]!)}`, original)
  }
  if ((m = MONTH_DAY_YEAR.exec(original))) {
    const month = monthNumber(m[1]!)
    if (month) return checked(`${edtfYear(Number(m[3]))}-${pad2(month)}-${pad2(m[2]!)}`, original)
  }
  if ((m = MONTH_YEAR.exec(original))) {
    const month = monthNumber(m[1]!)
    if (month) return checked(`${edtfYear(Number(m[2]))}-${pad2(month)}`, original)
  }
  if (isValidEdtf(original)) return { kind: 'date', edtf: original }
  if (/^-?\d{4}-\d{2}/.test(original)) return checked(original, original)
  return {
    kind: 'error',
    message: `"${original.slice(0, 80)}" is not a date Annalist recognises. Examples: 2022-01-10, 10 January 2022, 1/22/2014, 27/01/2014, 1991-12, 0800, 2021-08~`,
  }
}

/** Both readings of an ambiguous date, in words, for the question shown to the analyst. */
export function describeReadings(reading: { dayFirst: string; monthFirst: string }): { dayFirst: string; monthFirst: string } {
  return { dayFirst: describeDate(reading.dayFirst), monthFirst: describeDate(reading.monthFirst) }
}
