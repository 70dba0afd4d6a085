/**
 * The open-source "Timeline" desktop app's `.timeline` XML → an import draft. Categories become
 * lanes, eras become span annotations, `fuzzy` dates become approximate (`~`), a `hyperlink`
 * becomes an ungraded source and milestones get a "milestone" tag. The app writes
 * "YYYY-MM-DD HH:MM:SS" with 00:00:00 meaning the day, and an event with equal start and end
 * is one date. Files with a DOCTYPE are refused: the app never writes one and it is how
 * entity-expansion attacks arrive.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { emptyDraft, type ImportDraft } from './importPreview'
import { readDateStyle } from './dateStyles'
import { inChunks, type ImportControl } from './chunked'
import { ImportError } from './importError'

type Node = Record<string, unknown>
const isObject = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v)
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '').trim()
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v])
const LISTS = new Set(['timeline.eras.era', 'timeline.categories.category', 'timeline.events.event'])
const yes = (v: unknown) => text(v).toLowerCase() === 'true'

function webLink(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function appDate(value: string, fuzzy: boolean): { edtf: string } | { error: string } {
  const reading = readDateStyle(value, { dayFirst: false })
  if (reading.kind !== 'date') return { error: reading.kind === 'error' ? reading.message : `"${value}" is not a date` }
  return { edtf: fuzzy ? `${reading.edtf}~` : reading.edtf }
}

function span(node: Node, fuzzyStart: boolean, fuzzyEnd: boolean): { edtf: string } | { error: string; column: string } {
  const startText = text(node.start)
  const endText = text(node.end) || startText
  const start = appDate(startText, fuzzyStart)
  if ('error' in start) return { ...start, column: 'start' }
  if (endText === startText && fuzzyStart === fuzzyEnd) return start
  const end = appDate(endText, fuzzyEnd)
  if ('error' in end) return { ...end, column: 'end' }
  return { edtf: `${start.edtf}/${end.edtf}` }
}

export async function readTimelineAppDraft(source: string, options: ImportControl & { file: string }): Promise<ImportDraft> {
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) {
    const line = source.slice(0, source.search(/<!DOCTYPE|<!ENTITY/i)).split('\n').length
    throw new ImportError(options.file, `line ${line}`, 'the file declares a DOCTYPE or entities, which Timeline files never do; Annalist refuses it')
  }
  const valid = XMLValidator.validate(source)
  if (valid !== true) throw new ImportError(options.file, `line ${valid.err.line}, column ${valid.err.col}`, `the file is not well-formed XML (${valid.err.msg})`)
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    jPath: true,
    // Only the lists are lists: an event's own <category> is a single name.
    isArray: (_name, jPath) => LISTS.has(String(jPath)),
  })
  let root: Node
  try {
    root = parser.parse(source) as Node
  } catch (error) {
    // fast-xml-parser refuses element names such as __proto__ by throwing; say where the name is.
    const name = /"([^"]+)"/.exec((error as Error).message)?.[1]
    const at = name ? source.indexOf(`<${name}`) : -1
    const line = at >= 0 ? `line ${source.slice(0, at).split('\n').length}` : 'the whole file'
    throw new ImportError(options.file, line, `the file cannot be read: ${(error as Error).message.replace(/^\[SECURITY\]\s*/, '')}`)
  }
  const timeline = root.timeline
  if (!isObject(timeline)) throw new ImportError(options.file, 'the top level', 'this is not a Timeline file: it has no <timeline> element')
  const timetype = text(timeline.timetype)
  if (timetype && timetype !== 'gregoriantime') {
    throw new ImportError(options.file, '<timetype>', `the timeline uses "${timetype}" time, not calendar dates; Annalist imports calendar ("gregoriantime") timelines only`)
  }
  const draft = emptyDraft('timeline-xml')
  draft.title = options.file.replace(/\.timeline$/i, '')
  const categories = new Map<string, string>()
  for (const category of list(isObject(timeline.categories) ? timeline.categories.category : undefined)) {
    if (isObject(category) && text(category.name)) categories.set(text(category.name), text(category.name))
  }
  const events = list(isObject(timeline.events) ? timeline.events.event : undefined)
  const eras = list(isObject(timeline.eras) ? timeline.eras.era : undefined)
  draft.totalRows = events.length + eras.length

  await inChunks(
    events.length,
    (index) => {
      const row = index + 1
      const event = events[index]
      if (!isObject(event)) {
        draft.issues.push({ row, column: `event ${row}`, severity: 'error', message: 'the event has no fields' })
        return
      }
      const fuzzy = yes(event.fuzzy)
      const date = span(event, fuzzy || yes(event.fuzzy_start), fuzzy || yes(event.fuzzy_end))
      if ('error' in date) {
        draft.issues.push({ row, column: date.column, severity: 'error', message: date.error })
        return
      }
      const category = text(event.category)
      if (category && !categories.has(category)) {
        draft.issues.push({ row, column: 'category', severity: 'warning', message: `the category "${category.slice(0, 80)}" is not defined in the file; a lane of that name is used` })
      }
      const link = webLink(text(event.hyperlink))
      draft.events.push({
        row,
        original: `event ${row}`,
        title: text(event.text),
        date: date.edtf,
        description: text(event.description),
        laneNames: category ? [category] : [],
        tags: yes(event.milestone) ? ['milestone'] : [],
        sources: link ? [{ id: `event${row}-link`, title: new URL(link).hostname, publisher: '', url: link, grade: 'F6' }] : [],
      })
    },
    options,
  )
  eras.forEach((era, index) => {
    const row = events.length + index + 1
    if (!isObject(era)) return
    const date = span(era, false, false)
    if ('error' in date) {
      draft.issues.push({ row, column: `era ${index + 1} ${date.column}`, severity: 'error', message: date.error })
      return
    }
    draft.annotations.push({ row, original: `era ${index + 1}`, kind: 'span', label: text(era.name), text: '', date: date.edtf })
  })
  return draft
}
