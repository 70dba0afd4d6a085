/**
 * Reading and writing one timeline file.
 * Reading is defensive and never throws for a bad file: it says what is wrong in plain words
 * (size cap checked before reading, BOM stripped, invalid UTF-8 and NUL bytes refused,
 * prototype-poisoning keys refused, older formats migrated, schema validated). The caller decides
 * what to do; nothing here ever writes defaults over a file that failed to load (lowdb keeps its
 * defaults when a file reads as null, and the next write would erase the user's file).
 */
import { open, readFile, stat } from 'node:fs/promises'
import { Low, type Adapter } from 'lowdb'
import secureJson from 'secure-json-parse'
import { SCHEMA_VERSION, TimelineDocumentSchema, type TimelineDocument } from '../domain/timeline'
import { checkedInPlace } from './checkInPlace'
import { writeFileDurably, type DurableWriteOptions } from './durableWrite'
import { declaredSchemaVersion, migrateToCurrent } from './migrations'

/** Larger than any real timeline (100,000 events is ~41 MB) but small enough to refuse a mistake. */
export const MAX_TIMELINE_BYTES = 512 * 1024 * 1024

/** What a timeline file turned out to hold. */
export type LoadedTimeline =
  /** A usable document; `fromVersion` below SCHEMA_VERSION means it was migrated in memory. */
  | { kind: 'usable'; document: TimelineDocument; fromVersion: number }
  /** Written by a newer Annalist; `document` is set only when this version can still show it. */
  | { kind: 'newer'; version: number; document: TimelineDocument | null }
  | { kind: 'unreadable'; reason: string }

export class TimelineFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`)
  }
}

function describeFirstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0]
  const where = first?.path.length ? ` at ${first.path.map(String).join('.')}` : ''
  return `${where}: ${first?.message ?? 'unknown problem'}`
}

/** Reads a parsed JSON value as a timeline: version check, migrations, schema. */
function loadParsedTimeline(raw: unknown): LoadedTimeline {
  if (raw === null) return { kind: 'unreadable', reason: 'the file holds "null" instead of a timeline' }
  if (typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'unreadable', reason: 'the file does not hold a timeline' }
  const version = declaredSchemaVersion(raw)
  if (version === null) return { kind: 'unreadable', reason: 'the file’s format version is not a number' }
  if (version > SCHEMA_VERSION) {
    // Show it if its shape is still one this version understands; never write it either way.
    const shown = TimelineDocumentSchema.safeParse({ ...raw, schemaVersion: SCHEMA_VERSION })
    return { kind: 'newer', version, document: shown.success ? shown.data : null }
  }
  let migrated: unknown
  try {
    migrated = migrateToCurrent(raw, version)
  } catch (error) {
    const detail = error instanceof Error && 'issues' in error ? describeFirstIssue(error as never) : `: ${(error as Error).message}`
    return { kind: 'unreadable', reason: `the file is not a valid timeline of format version ${version}${detail}` }
  }
  // Checked where it lies; zod reads whatever that check refuses, and says why.
  if (checkedInPlace(migrated)) return { kind: 'usable', document: migrated, fromVersion: version }
  const checked = TimelineDocumentSchema.safeParse(migrated)
  if (!checked.success) return { kind: 'unreadable', reason: `the file is not a valid timeline${describeFirstIssue(checked.error)}` }
  return { kind: 'usable', document: checked.data, fromVersion: version }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Reads timeline file bytes. A leading BOM is stripped (editors on Windows add one). */
export function loadTimelineBytes(bytes: Uint8Array): LoadedTimeline {
  const text = decodeTimelineBytes(bytes)
  return text === null ? NOT_TEXT : loadTimelineText(text)
}

const NOT_TEXT: LoadedTimeline = { kind: 'unreadable', reason: 'the file is not text (it is not valid UTF-8)' }

/** The file's text, or null when its bytes are not UTF-8. */
export function decodeTimelineBytes(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes)
  } catch {
    return null
  }
}

const NUL_WORDS = 'the file contains blank (NUL) bytes, as a power cut can leave'

export function loadTimelineText(text: string): LoadedTimeline {
  const parsed = parseJson(text)
  return 'raw' in parsed ? loadParsedTimeline(parsed.raw) : parsed
}

/** The text read as JSON (prototype-poisoning keys refused), or why it cannot be. */
function parseJson(text: string): { raw: unknown } | LoadedTimeline {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') return { kind: 'unreadable', reason: 'the file is empty' }
  try {
    return { raw: secureJson.parse(body, undefined, { protoAction: 'error', constructorAction: 'error' }) }
  } catch (error) {
    // JSON allows no raw NUL anywhere, so a file holding one fails here; looked for only then
    // (scanning 80 MB costs a tenth of a second on every open).
    if (body.includes('\u0000')) return { kind: 'unreadable', reason: NUL_WORDS }
    return { kind: 'unreadable', reason: `the file is not valid JSON, perhaps cut short (${(error as Error).message})` }
  }
}

/**
 * Lets the process answer other requests between the long steps of reading a large file (each
 * up to a second at 100,000 events): the window's own files are served by the same process.
 */
const breather = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The document, or a TimelineFileError saying in words why there is none. */
function usableOrThrow(loaded: LoadedTimeline, file: string): TimelineDocument {
  if (loaded.kind === 'usable') return loaded.document
  if (loaded.kind === 'newer') throw new TimelineFileError(file, `the file is from a newer Annalist (format version ${loaded.version})`)
  throw new TimelineFileError(file, loaded.reason)
}

/** Strict form for callers that only accept a usable document (migrated if need be). */
export function parseTimelineText(text: string, file = 'timeline'): TimelineDocument {
  return usableOrThrow(loadTimelineText(text), file)
}

export function serializeTimeline(document: TimelineDocument): string {
  return `${JSON.stringify(document, null, 1)}\n`
}

/**
 * The same text as `serializeTimeline`, a piece at a time (`perPiece` events or annotations each),
 * so that writing a 100,000-event timeline can let other work run between pieces instead of
 * holding the main process for a second or more.
 */
export function* serializeTimelinePieces(document: TimelineDocument, perPiece = 500): Generator<string> {
  const entries = Object.entries(document).filter(([, value]) => value !== undefined)
  yield '{'
  for (const [n, [key, value]] of entries.entries()) {
    const head = `${n > 0 ? ',' : ''}\n ${JSON.stringify(key)}: `
    if (!Array.isArray(value) || value.length === 0) {
      // Small (meta, lanes): written whole and indented one step, as it sits in the document. JSON
      // text never holds a raw line break inside a string, so every one is a place to indent.
      yield head + JSON.stringify(value, null, 1).replaceAll('\n', '\n ')
      continue
    }
    yield `${head}[`
    for (let from = 0; from < value.length; from += perPiece) {
      // Wrapped in an array, the slice's elements are written two steps in, as they sit in the
      // document: "[\n [" + elements + "\n ]\n]", of which only the elements are kept.
      const wrapped = JSON.stringify([value.slice(from, from + perPiece)], null, 1)
      yield `${from > 0 ? ',' : ''}${wrapped.slice(4, -5)}`
    }
    yield '\n ]'
  }
  yield '\n}\n'
}

/** Reads a timeline file; `null` when there is no such file. Other read errors (EACCES, EIO) throw. */
/** The file's bytes, its text (null when not UTF-8) and what it holds; null when there is no file. */
export async function readTimelineFile(file: string): Promise<{ bytes: Uint8Array; text: string | null; loaded: LoadedTimeline } | null> {
  let size: number
  try {
    size = (await stat(file)).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  if (size > MAX_TIMELINE_BYTES) {
    const reason = `the file is ${Math.round(size / 1e6)} MB, larger than the ${MAX_TIMELINE_BYTES / 1e6} MB Annalist opens`
    return { bytes: new Uint8Array(), text: null, loaded: { kind: 'unreadable', reason } }
  }
  const bytes = await readWholeFile(file, size)
  const text = decodeTimelineBytes(bytes)
  if (text === null) return { bytes, text, loaded: NOT_TEXT }
  await breather()
  const parsed = parseJson(text)
  if (!('raw' in parsed)) return { bytes, text, loaded: parsed }
  await breather()
  return { bytes, text, loaded: loadParsedTimeline(parsed.raw) }
}

/**
 * The file's bytes in one read of the size `stat` gave, rather than `readFile`'s 512 KB pieces (each
 * waiting for this thread). A file that grew since is read again whole; one that shrank is cut at
 * its end.
 */
export async function readWholeFile(file: string, size: number): Promise<Uint8Array> {
  const handle = await open(file, 'r')
  try {
    const bytes = Buffer.allocUnsafe(size)
    let filled = 0
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled)
      if (bytesRead === 0) return bytes.subarray(0, filled)
      filled += bytesRead
    }
    const { bytesRead: beyond } = await handle.read(Buffer.alloc(1), 0, 1, size)
    return beyond === 0 ? bytes : await readFile(file)
  } finally {
    await handle.close()
  }
}

/** lowdb adapter: durable writes. Reads go through `readTimelineFile`, which reports bad files. */
export class DurableTimelineAdapter implements Adapter<TimelineDocument> {
  /** The exact text of the last write that completed durably (what a backup should copy). */
  lastWritten: string | null = null

  constructor(
    private readonly file: string,
    private readonly options: DurableWriteOptions = {},
  ) {}

  async read(): Promise<TimelineDocument> {
    const read = await readTimelineFile(this.file)
    if (!read) throw new TimelineFileError(this.file, 'the file does not exist')
    return usableOrThrow(read.loaded, this.file)
  }

  async write(document: TimelineDocument): Promise<void> {
    const text = serializeTimeline(document)
    await writeFileDurably(this.file, text, this.options)
    this.lastWritten = text
  }
}

export function createTimelineDb(file: string, document: TimelineDocument, options?: DurableWriteOptions): Low<TimelineDocument> {
  return new Low(new DurableTimelineAdapter(file, options), document)
}
