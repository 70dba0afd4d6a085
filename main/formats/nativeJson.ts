/**
 * Annalist's own timeline JSON, in both directions. Import checks each event and annotation on its
 * own so one bad entry is reported against its place in the list instead of refusing the file;
 * export refuses to write a document that would not load again.
 */
import { AnnotationSchema, SCHEMA_VERSION, type TimelineDocument } from '../domain/timeline'
import { TimelineDocumentSchema, TimelineEventSchema } from '../domain/timeline'
import { serializeTimeline } from '../store/timelineFile'
import { emptyDraft, type ImportDraft } from './importPreview'
import { parseJsonSafely } from './inputGuards'
import { inChunks, type ImportControl } from './chunked'
import { ImportError } from './importError'

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

function problem(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): { path: string; message: string } {
  const issue = error.issues[0]
  return { path: issue?.path.map(String).join('.') ?? '', message: issue?.message ?? 'not valid' }
}

export async function readNativeDraft(source: string, options: ImportControl & { file: string }): Promise<ImportDraft> {
  const data = parseJsonSafely(source, options.file)
  if (!isObject(data) || !Array.isArray(data.events)) {
    throw new ImportError(options.file, 'the top level', 'this is not an Annalist timeline: it has no "events" list')
  }
  if (typeof data.schemaVersion === 'number' && data.schemaVersion > SCHEMA_VERSION) {
    throw new ImportError(options.file, 'schemaVersion', `the file was made by a newer Annalist (format ${data.schemaVersion}; this one reads ${SCHEMA_VERSION}); update Annalist to import it`)
  }
  const draft = emptyDraft('annalist-json')
  const meta = isObject(data.meta) ? data.meta : {}
  if (typeof meta.title === 'string' && meta.title.trim()) draft.title = meta.title
  const laneNames = new Map<string, string>()
  for (const lane of Array.isArray(data.lanes) ? data.lanes : []) {
    if (isObject(lane) && typeof lane.id === 'string' && typeof lane.name === 'string') laneNames.set(lane.id, lane.name)
  }
  const events = data.events as unknown[]
  const annotations = Array.isArray(data.annotations) ? (data.annotations as unknown[]) : []
  draft.totalRows = events.length + annotations.length

  await inChunks(
    events.length,
    (index) => {
      const row = index + 1
      const checked = TimelineEventSchema.safeParse(events[index])
      if (!checked.success) {
        const p = problem(checked.error)
        draft.issues.push({ row, column: `events[${index}]${p.path ? `.${p.path}` : ''}`, severity: 'error', message: p.message })
        return
      }
      const { id, lanes, provenance: earlier, ...rest } = checked.data
      // The new provenance names this file; an earlier origin (e.g. an ACLED row) is kept in words.
      const original = earlier ? `id ${id}; first imported from ${earlier.file}, ${earlier.original}` : `id ${id}`
      draft.events.push({ row, original: original.slice(0, 1_000), id, ...rest, laneNames: lanes.map((laneId) => laneNames.get(laneId) ?? laneId) })
    },
    options,
  )
  annotations.forEach((item, index) => {
    const row = events.length + index + 1
    const checked = AnnotationSchema.safeParse(item)
    if (!checked.success) {
      const p = problem(checked.error)
      draft.issues.push({ row, column: `annotations[${index}]${p.path ? `.${p.path}` : ''}`, severity: 'error', message: p.message })
      return
    }
    draft.annotations.push({ row, original: `annotation ${checked.data.id}`, kind: 'native', annotation: checked.data })
  })
  return draft
}

/** The document as Annalist's JSON file; throws if it is not a valid timeline. */
export function exportNativeJson(document: TimelineDocument): string {
  const checked = TimelineDocumentSchema.safeParse(document)
  if (!checked.success) {
    const p = problem(checked.error)
    throw new Error(`the timeline is not valid at ${p.path}: ${p.message}; nothing was exported`)
  }
  return serializeTimeline(checked.data)
}
