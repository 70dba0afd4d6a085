/**
 * The save journal of a large timeline. Rewriting a 40 MB file for every change takes seconds, so
 * each save of a large timeline appends one line saying what changed to a journal beside the file,
 * and fsyncs it, before the change is acknowledged. From time to time (when the timeline has been
 * quiet a while, when the journal grows long, before a snapshot, on close) the whole file is
 * rewritten durably as before and the journal removed: at rest a timeline is one JSON file.
 *
 * Layout: `.<name>.annalist.journal` beside `<name>.annalist.json`, UTF-8, one JSON object a line:
 *   {"annalistJournal":1,"base":"<sha256 of the timeline file's bytes>"}   the file it continues
 *   {"seq":1,"patch":{…}}                                                 one save (documentPatch.ts)
 *   {"compactedInto":"<sha256>"}                                          a rewrite holding all above began
 * A crash can cut the last line short; it was never acknowledged, so reading ignores it. A rewrite
 * marks the journal before it renames the new file into place, so after a crash between that rename
 * and removing the journal, the marker matching the file says that everything before it is in the
 * file already. A journal that matches neither its base nor a marker belongs to another state of the
 * file (a copy put back by hand, a restore) and is never applied.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import secureJson from 'secure-json-parse'
import { z } from 'zod'
import type { TimelineDocument } from '../domain/timeline'
import { applyPatches, DocumentPatchSchema, type DocumentPatch } from './documentPatch'
import { realFileSystem, writeFileDurably, type DurableWriteOptions, type WritableFile } from './durableWrite'
import { everySlice } from './inSlices'
import { TIMELINE_EXTENSION } from './library'
import { readTimelineFile } from './timelineFile'

export const JOURNAL_VERSION = 1
export const JOURNAL_EXTENSION = '.annalist.journal'

export function journalPathFor(file: string): string {
  const base = path.basename(file)
  const name = base.endsWith(TIMELINE_EXTENSION) ? base.slice(0, -TIMELINE_EXTENSION.length) : base
  return path.join(path.dirname(file), `.${name}${JOURNAL_EXTENSION}`)
}

/** What a journal line names a timeline file by: the SHA-256 of its exact bytes. */
export async function fileIdentity(contents: Uint8Array | string): Promise<string> {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents
  const hash = createHash('sha256')
  // In slices: WebCrypto's digest, despite its promise, held the main process for a third of a
  // second on an 80 MB timeline.
  await everySlice(bytes.byteLength, (start, end) => (hash.update(bytes.subarray(start, end)), true))
  return hash.digest('hex')
}

const HeaderSchema = z.object({ annalistJournal: z.number().int(), base: z.string() })
const RecordSchema = z.strictObject({ seq: z.number().int(), patch: DocumentPatchSchema })
const MarkerSchema = z.strictObject({ compactedInto: z.string() })

export type JournalReading =
  | { kind: 'none' }
  /** `patches` bring the file up to date; `records` are their lines, to carry into a rewritten journal. */
  | { kind: 'applies'; patches: DocumentPatch[]; records: string[]; ignoredTornLine: boolean }
  /** Written by a newer Annalist: leave it alone. */
  | { kind: 'newer'; version: number }
  /** Not for this file as it is now, or damaged; `patches` are the readable saves before the damage, if it fits. */
  | { kind: 'unusable'; reason: string; patches: DocumentPatch[] }

function parseLine(line: string): unknown {
  try {
    return secureJson.parse(line, undefined, { protoAction: 'error', constructorAction: 'error' })
  } catch {
    return undefined
  }
}

/**
 * Reads the journal beside `file`, given the file's bytes as they were read. Never throws for a bad
 * journal (it says why in `reason`); read errors other than "no journal" do throw.
 */
export async function readJournal(file: string, fileBytes: Uint8Array): Promise<JournalReading> {
  let text: string
  try {
    text = await readFile(journalPathFor(file), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' }
    throw error
  }
  const lines = text.split('\n')
  // Everything after the last newline was being written when the process stopped.
  const tail = lines.pop() ?? ''
  const ignoredTornLine = tail.length > 0
  if (lines.length === 0) return { kind: 'none' }
  const header = HeaderSchema.safeParse(parseLine(lines[0]!))
  if (!header.success) return { kind: 'unusable', reason: 'its first line is not a journal header', patches: [] }
  if (header.data.annalistJournal > JOURNAL_VERSION) return { kind: 'newer', version: header.data.annalistJournal }

  const identity = await fileIdentity(fileBytes)
  let start = header.data.base === identity ? 1 : -1
  const parsed: unknown[] = []
  let damagedAt = -1
  for (let n = 1; n < lines.length; n++) {
    const value = parseLine(lines[n]!)
    if (value === undefined) {
      damagedAt = n
      break
    }
    parsed[n] = value
    const marker = MarkerSchema.safeParse(value)
    if (marker.success && marker.data.compactedInto === identity) start = n + 1
  }
  if (start === -1) {
    return { kind: 'unusable', reason: 'it was written for another version of the file (the file was replaced or restored since)', patches: [] }
  }
  const patches: DocumentPatch[] = []
  const records: string[] = []
  const end = damagedAt === -1 ? lines.length : damagedAt
  for (let n = start; n < end; n++) {
    if (MarkerSchema.safeParse(parsed[n]).success) continue // a rewrite that never took place
    const record = RecordSchema.safeParse(parsed[n])
    if (!record.success) return { kind: 'unusable', reason: `line ${n + 1} is not a saved change`, patches }
    patches.push(record.data.patch)
    records.push(`${lines[n]}\n`)
  }
  if (damagedAt !== -1 && damagedAt >= start) return { kind: 'unusable', reason: `line ${damagedAt + 1} is damaged`, patches }
  return { kind: 'applies', patches, records, ignoredTornLine }
}

function headerLine(base: string): string {
  return `${JSON.stringify({ annalistJournal: JOURNAL_VERSION, base })}\n`
}

/**
 * Appends saves to the journal, each fsynced before `append` resolves. The first write, and any
 * write after a failed one, rewrites the journal whole (temp file, fsync, rename, folder fsync), so
 * a half-written line from a failed append never stays in front of a later one.
 */
export class JournalWriter {
  private handle: WritableFile | null = null
  /** The journal as it is on disk once the last write succeeded, header first. */
  private readonly lines: string[]
  /** The file on disk ends with exactly `lines` and `handle` appends to it. */
  private clean = false
  private nextSeq: number
  private byteCount = 0
  private recordCount = 0

  /** A journal continuing the file whose identity is `base`, starting with `carried` (records read back). */
  constructor(
    readonly file: string,
    base: string,
    carried: readonly string[],
    private readonly options: DurableWriteOptions = {},
  ) {
    this.lines = [headerLine(base), ...carried]
    this.nextSeq = carried.length + 1
    for (const line of this.lines) this.byteCount += line.length
    this.recordCount = carried.length
  }

  /** Saves in the journal (what compaction would fold into the file). */
  get records(): number {
    return this.recordCount
  }

  get bytes(): number {
    return this.byteCount
  }

  /** Resolves once the change is durably in the journal. */
  async append(patch: DocumentPatch): Promise<void> {
    await this.write(`${JSON.stringify({ seq: this.nextSeq, patch })}\n`)
    this.nextSeq++
    this.recordCount++
  }

  /** Says, durably, that the file is about to be replaced by one holding everything in the journal. */
  async markCompaction(into: string): Promise<void> {
    await this.write(`${JSON.stringify({ compactedInto: into })}\n`)
  }

  /** Removes the journal once the file holds everything in it. */
  async remove(): Promise<void> {
    await this.close()
    await (this.options.fs ?? realFileSystem).rm(this.file, { force: true })
  }

  async close(): Promise<void> {
    const handle = this.handle
    this.handle = null
    this.clean = false
    await handle?.close().catch(() => undefined)
  }

  private async write(line: string): Promise<void> {
    if (!this.clean || !this.handle) {
      await this.close()
      await writeFileDurably(this.file, this.lines.join('') + line, this.options)
      this.remember(line)
      // The line is durable either way; if the file cannot be reopened, the next write rewrites it.
      this.handle = await (this.options.fs ?? realFileSystem).open(this.file, 'a').catch(() => null)
      this.clean = this.handle !== null
      return
    }
    try {
      await this.handle.writeFile(line, 'utf8')
      await this.handle.sync()
    } catch (error) {
      await this.close()
      throw error
    }
    this.remember(line)
  }

  private remember(line: string): void {
    this.lines.push(line)
    this.byteCount += line.length
  }
}

/**
 * The timeline as saved: the file with its journal replayed, changing nothing on disk (for checks
 * and tools; opening the timeline in the app does the same and also deals with a bad journal).
 * Throws when the file is not a usable timeline or the journal cannot be applied.
 */
export async function readSavedTimeline(file: string): Promise<TimelineDocument> {
  const read = await readTimelineFile(file)
  if (!read) throw new Error(`${file}: the file does not exist`)
  if (read.loaded.kind !== 'usable') throw new Error(`${file}: ${read.loaded.kind === 'unreadable' ? read.loaded.reason : 'from a newer Annalist'}`)
  const journal = await readJournal(file, read.bytes)
  if (journal.kind === 'none') return read.loaded.document
  if (journal.kind !== 'applies') throw new Error(`${journalPathFor(file)}: ${journal.kind === 'newer' ? 'from a newer Annalist' : journal.reason}`)
  return applyPatches(read.loaded.document, journal.patches)
}
