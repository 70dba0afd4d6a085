/**
 * Reading and writing one timeline file through lowdb with Annalist's durable writer.
 * Reading is defensive: size cap before reading, BOM stripped, prototype-poisoning keys refused,
 * schema validated. A file that fails any of these is reported, never replaced by defaults
 * (lowdb keeps its defaults when a file reads as null, and the next write would erase the user's file).
 */
import { readFile, stat } from 'node:fs/promises'
import { Low, type Adapter } from 'lowdb'
import secureJson from 'secure-json-parse'
import { TimelineDocumentSchema, type TimelineDocument } from '../domain/timeline'
import { writeFileDurably, realFileSystem, type FileSystem } from './durableWrite'

/** Larger than any real timeline (100,000 events is ~41 MB) but small enough to refuse a mistake. */
export const MAX_TIMELINE_BYTES = 512 * 1024 * 1024

export class TimelineFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`)
  }
}

/** Parses timeline JSON text: BOM stripped, `__proto__`/`constructor` keys refused, schema checked. */
export function parseTimelineText(text: string, file = 'timeline'): TimelineDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') throw new TimelineFileError(file, 'the file is empty')
  if (body.includes('\u0000')) throw new TimelineFileError(file, 'the file contains NUL bytes (it was cut short, perhaps by a power cut)')
  let raw: unknown
  try {
    raw = secureJson.parse(body, undefined, { protoAction: 'error', constructorAction: 'error' })
  } catch (error) {
    throw new TimelineFileError(file, `the file is not valid JSON (${(error as Error).message})`)
  }
  if (raw === null || typeof raw !== 'object') throw new TimelineFileError(file, 'the file does not hold a timeline')
  const checked = TimelineDocumentSchema.safeParse(raw)
  if (!checked.success) {
    const first = checked.error.issues[0]
    const where = first?.path.length ? ` at ${first.path.join('.')}` : ''
    throw new TimelineFileError(file, `the file is not a valid timeline${where}: ${first?.message ?? 'unknown problem'}`)
  }
  return checked.data
}

export function serializeTimeline(document: TimelineDocument): string {
  return `${JSON.stringify(document, null, 1)}\n`
}

export async function readTimelineFile(file: string): Promise<TimelineDocument> {
  const info = await stat(file)
  if (info.size > MAX_TIMELINE_BYTES) {
    throw new TimelineFileError(file, `the file is ${Math.round(info.size / 1e6)} MB, larger than the ${MAX_TIMELINE_BYTES / 1e6} MB Annalist opens`)
  }
  return parseTimelineText(await readFile(file, 'utf8'), file)
}

/** lowdb adapter: validated reads, durable writes. */
export class DurableTimelineAdapter implements Adapter<TimelineDocument> {
  constructor(
    private readonly file: string,
    private readonly fs: FileSystem = realFileSystem,
  ) {}

  read(): Promise<TimelineDocument> {
    return readTimelineFile(this.file)
  }

  write(document: TimelineDocument): Promise<void> {
    return writeFileDurably(this.file, serializeTimeline(document), this.fs)
  }
}

export async function openTimelineDb(file: string, fs?: FileSystem): Promise<Low<TimelineDocument>> {
  const adapter = new DurableTimelineAdapter(file, fs)
  const document = await adapter.read()
  return new Low(adapter, document)
}
