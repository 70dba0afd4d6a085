/**
 * Knight Lab TimelineJS JSON → an import draft: slides become events (HTML text made plain),
 * eras become span annotations, the title slide names the timeline, `group` becomes a lane,
 * `unique_id` is kept as the event id and `media.url` (a web link) becomes an ungraded source.
 */
import { emptyDraft, type ImportDraft } from './importPreview'
import { parseJsonSafely } from './inputGuards'
import { htmlToText } from './htmlText'
import { timelineJsToEdtf, type TimelineJsDate } from './timelineJsDates'
import { inChunks, type ImportControl } from './chunked'
import { ImportError } from './importError'

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

function webLink(value: string): string | null {
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function slideDate(slide: Json): { edtf: string } | { error: string; column: string } {
  const start = timelineJsToEdtf(isObject(slide.start_date) ? (slide.start_date as Partial<TimelineJsDate>) : undefined)
  if ('error' in start) return { ...start, column: 'start_date' }
  if (!isObject(slide.end_date)) return start
  const end = timelineJsToEdtf(slide.end_date as Partial<TimelineJsDate>)
  if ('error' in end) return { ...end, column: 'end_date' }
  return { edtf: `${start.edtf}/${end.edtf}` }
}

export async function readTimelineJsDraft(source: string, options: ImportControl & { file: string }): Promise<ImportDraft> {
  const draft = emptyDraft('timelinejs-json')
  const data = parseJsonSafely(source, options.file)
  if (!isObject(data) || !Array.isArray(data.events)) {
    throw new ImportError(options.file, 'the top level', 'this is not a TimelineJS file: it has no "events" list')
  }
  const slides = data.events as unknown[]
  const eras = Array.isArray(data.eras) ? (data.eras as unknown[]) : []
  if (isObject(data.title) && isObject(data.title.text)) {
    const headline = htmlToText(text(data.title.text.headline))
    if (headline) draft.title = headline
  }
  draft.totalRows = slides.length + eras.length

  await inChunks(
    slides.length,
    (index) => {
      const row = index + 1
      const slide = slides[index]
      if (!isObject(slide)) {
        draft.issues.push({ row, column: `events[${index}]`, severity: 'error', message: 'the slide is not an object' })
        return
      }
      const date = slideDate(slide)
      if ('error' in date) {
        draft.issues.push({ row, column: `events[${index}].${date.column}`, severity: 'error', message: date.error })
        return
      }
      const body = isObject(slide.text) ? slide.text : {}
      const media = isObject(slide.media) ? slide.media : {}
      const mediaUrl = text(media.url)
      const link = mediaUrl ? webLink(mediaUrl) : null
      if (mediaUrl && !link) {
        draft.issues.push({ row, column: `events[${index}].media.url`, severity: 'warning', message: 'the media is not a web link (http or https) and was left out' })
      }
      const id = text(slide.unique_id).trim()
      const group = htmlToText(text(slide.group))
      draft.events.push({
        row,
        original: id ? `slide ${row} (unique_id ${id.slice(0, 200)})` : `slide ${row}`,
        ...(id ? { id: id.slice(0, 200) } : {}),
        title: htmlToText(text(body.headline)) || htmlToText(text(slide.display_date)) || '',
        date: date.edtf,
        description: htmlToText(text(body.text)),
        laneNames: group ? [group] : [],
        sources: link
          ? [{ id: `${id || `slide${row}`}-media`, title: (htmlToText(text(media.credit)) || htmlToText(text(media.caption)) || new URL(link).hostname).slice(0, 1_000), publisher: '', url: link, grade: 'F6' }]
          : [],
      })
    },
    options,
  )

  eras.forEach((era, index) => {
    const row = slides.length + index + 1
    if (!isObject(era)) {
      draft.issues.push({ row, column: `eras[${index}]`, severity: 'error', message: 'the era is not an object' })
      return
    }
    const date = slideDate(era)
    if ('error' in date) {
      draft.issues.push({ row, column: `eras[${index}].${date.column}`, severity: 'error', message: date.error })
      return
    }
    const body = isObject(era.text) ? era.text : {}
    draft.annotations.push({ row, original: `era ${index + 1}`, kind: 'span', label: htmlToText(text(body.headline)), text: htmlToText(text(body.text)), date: date.edtf })
  })
  return draft
}
