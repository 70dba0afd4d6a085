/**
 * The time axis of a figure: ticks whose step suits the range (centuries down to minutes), each
 * labelled in the unit a reader expects ("1991", "Jan", "10", "14:00"), plus a second row of
 * context labels ("2022", "January 2022", "Mon 10 Jan 2022") so no tick is ambiguous.
 * Everything is UTC: the figure says so in its footer.
 */

export interface Tick {
  at: number
  label: string
}

export interface TimeAxis {
  /** Ticks with gridlines and short labels. */
  minor: Tick[]
  /** Context boundaries (new year, month or day) with longer labels; the first sits at the range start. */
  major: Tick[]
}

type Unit = 'year' | 'month' | 'day' | 'hour' | 'minute'

interface Step {
  unit: Unit
  count: number
  /** Approximate length in ms, only for choosing a step. */
  approx: number
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const YEAR = 365.25 * DAY

const STEPS: Step[] = [
  ...[1, 5, 15, 30].map((count) => ({ unit: 'minute' as const, count, approx: count * MINUTE })),
  ...[1, 3, 6, 12].map((count) => ({ unit: 'hour' as const, count, approx: count * HOUR })),
  ...[1, 2, 7, 14].map((count) => ({ unit: 'day' as const, count, approx: count * DAY })),
  ...[1, 3, 6].map((count) => ({ unit: 'month' as const, count, approx: (count * YEAR) / 12 })),
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map((count) => ({ unit: 'year' as const, count, approx: count * YEAR })),
]

const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** Date.UTC maps years 0–99 to 1900–1999; this does not. */
export function utc(year: number, month = 0, day = 1, hour = 0, minute = 0): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month, day)
  date.setUTCHours(hour, minute, 0, 0)
  return date.getTime()
}

export function yearLabel(year: number): string {
  return year <= 0 ? `${1 - year} BC` : String(year)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The first tick at or after `start`, aligned to the step (years to multiples, weeks to Mondays). */
function firstTick(start: number, step: Step): number {
  const d = new Date(start)
  const y = d.getUTCFullYear()
  switch (step.unit) {
    case 'year': {
      const aligned = Math.floor(y / step.count) * step.count
      const at = utc(aligned)
      return at >= start ? at : utc(aligned + step.count)
    }
    case 'month': {
      const m = Math.floor(d.getUTCMonth() / step.count) * step.count
      const at = utc(y, m)
      return at >= start ? at : utc(y, m + step.count)
    }
    case 'day': {
      let at = utc(y, d.getUTCMonth(), d.getUTCDate())
      if (at < start) at += DAY
      if (step.count === 7 || step.count === 14) {
        while (new Date(at).getUTCDay() !== 1) at += DAY
      }
      return at
    }
    case 'hour': {
      const h = Math.ceil((start - utc(y, d.getUTCMonth(), d.getUTCDate())) / HOUR / step.count) * step.count
      return utc(y, d.getUTCMonth(), d.getUTCDate()) + h * HOUR
    }
    case 'minute':
      return Math.ceil(start / (step.count * MINUTE)) * step.count * MINUTE
  }
}

function nextTick(at: number, step: Step): number {
  const d = new Date(at)
  switch (step.unit) {
    case 'year':
      return utc(d.getUTCFullYear() + step.count)
    case 'month':
      return utc(d.getUTCFullYear(), d.getUTCMonth() + step.count)
    case 'day':
      // Month-aligned 1- and 2-day steps would drift across month ends; whole days never do in UTC.
      return at + step.count * DAY
    case 'hour':
      return at + step.count * HOUR
    case 'minute':
      return at + step.count * MINUTE
  }
}

function minorLabel(at: number, step: Step): string {
  const d = new Date(at)
  switch (step.unit) {
    case 'year':
      return yearLabel(d.getUTCFullYear())
    case 'month':
      return MONTH_SHORT[d.getUTCMonth()]!
    case 'day':
      return step.count >= 7 ? `${d.getUTCDate()} ${MONTH_SHORT[d.getUTCMonth()]}` : String(d.getUTCDate())
    case 'hour':
    case 'minute':
      return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  }
}

/** The unit whose boundaries give context to the ticks: new year, new month or new day. */
type ContextUnit = 'year' | 'month' | 'day'

function contextUnit(step: Step): ContextUnit | null {
  if (step.unit === 'year') return null
  if (step.unit === 'month' || (step.unit === 'day' && step.count >= 7)) return 'year'
  if (step.unit === 'day') return 'month'
  return 'day'
}

/** The first boundary of `unit` strictly after `at`. */
function nextBoundary(unit: ContextUnit, at: number): number {
  const d = new Date(at)
  if (unit === 'year') return utc(d.getUTCFullYear() + 1)
  if (unit === 'month') return utc(d.getUTCFullYear(), d.getUTCMonth() + 1)
  return utc(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)
}

function contextLabel(unit: ContextUnit, at: number): string {
  const d = new Date(at)
  const year = yearLabel(d.getUTCFullYear())
  if (unit === 'year') return year
  if (unit === 'month') return `${MONTH_LONG[d.getUTCMonth()]} ${year}`
  return `${WEEKDAY[d.getUTCDay()]} ${d.getUTCDate()} ${MONTH_SHORT[d.getUTCMonth()]} ${year}`
}

/** Ticks for [start, end], at most about `maxTicks` of them (the caller derives it from the width). */
export function timeAxis(start: number, end: number, maxTicks: number): TimeAxis {
  const length = Math.max(end - start, MINUTE)
  const step = STEPS.find((s) => length / s.approx <= Math.max(2, maxTicks)) ?? STEPS.at(-1)!
  const minor: Tick[] = []
  for (let at = firstTick(start, step); at <= end && minor.length < 10_000; at = nextTick(at, step)) {
    minor.push({ at, label: minorLabel(at, step) })
  }
  const major: Tick[] = []
  const unit = contextUnit(step)
  if (unit) {
    major.push({ at: start, label: contextLabel(unit, start) })
    for (let at = nextBoundary(unit, start); at <= end && major.length < 10_000; at = nextBoundary(unit, at)) {
      major.push({ at, label: contextLabel(unit, at) })
    }
  }
  return { minor, major }
}
