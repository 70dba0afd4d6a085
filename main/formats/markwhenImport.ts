/**
 * Markwhen (`.mw`) → an import draft. Reads what Markwhen files written by hand contain:
 * an optional `---` header (`title:`), `<date or range>: <title>` event lines, indented or
 * following body lines, `#tags`, `group` / `endGroup` and `section` / `endSection` (which become
 * lanes), `//` comments, and the `id:`, `lanes:`, `location:` and `source: B2 | Title | https://…`
 * lines that Annalist's own export writes. Dates are EDTF (`2022-01-10`, `2021-11-10/2022-02-24`, `2021-08~`) or the common styles
 * of dateStyles; ranges may also be written `a - b`.
 */
import { emptyDraft, type DraftEvent, type ImportDraft } from './importPreview'
import { readDateStyle } from './dateStyles'
import { isValidEdtf } from '../domain/dates'
import { inChunks, type ImportControl } from './chunked'

const TAG = /(^|\s)#([\p{L}\p{N}_\-/]+)/gu
/** Annalist's own body lines (see exportMarkwhen): `source: B2 | title | url | publisher | date`, `lanes: A; B`, `location: name (lat, lon)`. */
const SOURCE_LINE = /^source:\s*([A-F][1-6])\s*\|\s*(.*?)\s*\|\s*(.*?)\s*(?:\|\s*(.*?)\s*(?:\|\s*(.*?)\s*)?)?$/
const LANES_LINE = /^lanes:\s*(.+)$/
const ID_LINE = /^id:\s*(\S{1,200})$/
const LOCATION_LINE = /^location:\s*(.*?)(?:\s*\((-?\d+(?:\.\d+)?(?:e-?\d+)?),\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\))?$/
const GROUP_START = /^(group|section)\b\s*(.*)$/
const GROUP_END = /^end(Group|Section|group|section)\b/

function takeTags(line: string, tags: string[]): string {
  return line.replace(TAG, (_, before: string, tag: string) => {
    tags.push(tag)
    return before
  }).replace(/\s{2,}/g, ' ').trim()
}

function readWhen(when: string, dayFirst: boolean | undefined): { edtf: string } | { error: string } {
  const text = when.trim()
  if (isValidEdtf(text)) return { edtf: text }
  const range = /^(.+?)\s+(?:-|–|to)\s+(.+)$/.exec(text) ?? (!text.includes(' ') ? /^(.+?)\/(.+)$/.exec(text) : null)
  const parts = range ? [range[1]!, range[2]!] : [text]
  const read = parts.map((p) => readDateStyle(p, { dayFirst: dayFirst ?? true }))
  for (const r of read) if (r.kind === 'error') return { error: r.message }
  const edtf = read.map((r) => (r.kind === 'date' ? r.edtf : r.kind === 'ambiguous' ? r.dayFirst : '')).join('/')
  return isValidEdtf(edtf) ? { edtf } : { error: `"${text.slice(0, 80)}" is not a date or a range Annalist can read` }
}

/** Where the date ends: the first ": " (EDTF times have colons but no space after them). */
function splitEventLine(line: string): { when: string; title: string } | null {
  const at = line.indexOf(': ')
  if (at <= 0) {
    return line.endsWith(':') && /^[-\d[{.]/.test(line) ? { when: line.slice(0, -1), title: '' } : null
  }
  const when = line.slice(0, at)
  // A body line such as "Note: the talks failed" is not an event: dates start with a digit, '-', '[' or '..'.
  if (!/^(-?\d|\[|\{|\.\.|[A-Za-z]{3,9}\.? \d)/.test(when)) return null
  return { when, title: line.slice(at + 2) }
}

export async function readMarkwhenDraft(source: string, options: ImportControl & { file: string; dayFirst?: boolean }): Promise<ImportDraft> {
  const draft = emptyDraft('markwhen')
  const lines = source.split(/\r?\n/)
  let start = 0
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---')
    if (close > 0) {
      for (const line of lines.slice(1, close)) {
        const m = /^title:\s*(.+)$/.exec(line.trim())
        if (m) draft.title = m[1]!.replace(/^["']|["']$/g, '')
      }
      start = close + 1
    } else {
      draft.issues.push({ row: 1, severity: 'error', message: 'the header that starts with "---" is never closed by another "---" line' })
    }
  }
  const groups: string[] = []
  let current: (DraftEvent & { body: string[] }) | null = null
  const finish = () => {
    if (!current) return
    const { body, ...event } = current
    while (body.length && body.at(-1) === '') body.pop()
    draft.events.push({ ...event, description: body.join('\n') })
    current = null
  }

  await inChunks(
    lines.length - start,
    (offset) => {
      const lineNumber = start + offset + 1
      const raw = lines[start + offset]!
      const line = raw.trim()
      if (line.startsWith('//')) return
      const groupEnd = GROUP_END.exec(line)
      if (groupEnd) {
        finish()
        if (groups.length === 0) draft.issues.push({ row: lineNumber, severity: 'warning', message: `"${line}" closes a group that was never opened` })
        groups.pop()
        return
      }
      const groupStart = GROUP_START.exec(line)
      if (groupStart && !line.includes(': ')) {
        finish()
        groups.push(takeTags(groupStart[2]!, []) || (groupStart[1] === 'group' ? 'Group' : 'Section'))
        return
      }
      const event = raw === line || !current ? splitEventLine(line) : null
      if (event) {
        finish()
        const when = readWhen(event.when, options.dayFirst)
        if ('error' in when) {
          draft.issues.push({ row: lineNumber, column: 'date', severity: 'error', message: when.error })
          return
        }
        const tags: string[] = []
        current = { row: lineNumber, original: `line ${lineNumber}`, title: takeTags(event.title, tags), date: when.edtf, laneNames: [...groups], tags, sources: [], body: [] }
        return
      }
      if (!current) {
        if (line !== '') draft.issues.push({ row: lineNumber, severity: 'warning', message: `"${line.slice(0, 60)}" is not an event, group or comment and was skipped` })
        return
      }
      const sourceLine = SOURCE_LINE.exec(line)
      if (sourceLine) {
        const [, grade, title, url, publisher, date] = sourceLine
        current.sources!.push({ id: `line${lineNumber}-source`, title: title!.slice(0, 1_000), publisher: (publisher ?? '').slice(0, 1_000), url: url!.slice(0, 4_000), ...(date ? { date } : {}), grade: grade! })
        return
      }
      const idLine = ID_LINE.exec(line)
      if (idLine && !current.id) {
        current.id = idLine[1]!
        current.original = `line ${current.row} (id ${current.id})`
        return
      }
      const lanesLine = LANES_LINE.exec(line)
      if (lanesLine) {
        current.laneNames = lanesLine[1]!.split(';').map((name) => name.trim()).filter((name) => name !== '')
        return
      }
      const locationLine = LOCATION_LINE.exec(line)
      if (locationLine && !current.location) {
        const [, name, latitude, longitude] = locationLine
        const lat = Number(latitude)
        const lon = Number(longitude)
        current.location = { name: name!.slice(0, 1_000), ...(latitude !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { latitude: lat, longitude: lon } : {}) }
        return
      }
      const rest = takeTags(line, current.tags!)
      if (rest !== '' || current.body.length > 0) current.body.push(rest)
    },
    options,
  )
  finish()
  draft.totalRows = draft.events.length + draft.issues.filter((i) => i.severity === 'error').length
  return draft
}
