/**
 * How one save reaches the disk. A small timeline is rewritten whole each time (a few milliseconds).
 * A large one (from `journalFromBytes`) gets only what changed appended to its journal (journal.ts),
 * and is rewritten whole — "compacted" — when asked: after a quiet spell, when the journal is long,
 * before a snapshot, on close. A change too large to be worth journaling (an import, a restore) is
 * written whole at once. Either way `save` resolves only once the change is durable.
 */
import { readFile } from 'node:fs/promises'
import type { TimelineDocument } from '../domain/timeline'
import { patchBetween, patchWeight } from './documentPatch'
import { writeFileDurably, type DurableWriteOptions } from './durableWrite'
import { HASH_AFTER_OPENING_MS, laterOrWhenAsked } from './afterOpening'
import { fileIdentity, journalPathFor, JournalWriter } from './journal'
import type { OpenedTimeline } from './openTimeline'
import { serializeTimelinePieces } from './timelineFile'

export interface JournalOptions {
  /** Timelines whose file is at least this large are saved through the journal (default 1 MB, ~1,500 events). */
  journalFromBytes?: number
  /** The journal is folded into the file once it holds this many saves (default 1,000)… */
  maxJournalRecords?: number
  /** …or this many bytes (default 8 MB). */
  maxJournalBytes?: number
  /** How long after opening the file is hashed for the journal, unless a save needs it first (afterOpening.ts). */
  hashAfterOpeningMs?: number
  /** A save touching more entities than this is written whole (default 2,000). */
  maxPatchEntities?: number
}

export const DEFAULT_JOURNAL_FROM_BYTES = 1_000_000
const DEFAULT_MAX_JOURNAL_RECORDS = 1_000
const DEFAULT_MAX_JOURNAL_BYTES = 8_000_000
const DEFAULT_MAX_PATCH_ENTITIES = 2_000

/** The file's bytes, made a piece at a time with a turn of the event loop between pieces (IPC keeps being answered). */
async function serializeLettingOthersRun(document: TimelineDocument): Promise<Buffer> {
  const pieces: Buffer[] = []
  for (const piece of serializeTimelinePieces(document)) {
    // Encoded piece by piece: joining and encoding 80 MB of text at once held the process for half a second.
    pieces.push(Buffer.from(piece, 'utf8'))
    await new Promise((resolve) => setImmediate(resolve))
  }
  return Buffer.concat(pieces)
}

export class TimelineSaver {
  /** The document as the file and journal hold it durably; null when it must be written whole first. */
  private persisted: TimelineDocument | null
  /** The SHA-256 of the file's bytes, what a new journal names as its base; null if not known. */
  private identity: (() => Promise<string>) | null = null
  /** Stops the hash waiting to be taken after opening (afterOpening.ts) once the timeline closes. */
  private stopWaitingToHash = () => {}
  private fileBytes = 0
  private journal: JournalWriter | null = null
  /** Set when a rewrite is asked for or failed, until one succeeds: nothing is journaled meanwhile. */
  private rewriteWanted = false
  /**
   * The exact bytes of the last whole rewrite that completed, until a snapshot has copied them
   * (`snapshotted`) or, for a large file, until they are let go (`letGoOfLarge`): at 100,000 events
   * they are 80 MB the main process need not keep.
   */
  lastWritten: Uint8Array | null = null
  /** The last rewrite's bytes were let go before any snapshot copied them; the file still holds them. */
  private lastWrittenOnlyOnDisk = false
  /** Awaited before the file is rewritten: whatever must copy its bytes first. */
  beforeRewrite: () => Promise<void> = async () => {}
  /**
   * The SHA-256 of the file's bytes as it opened, when a journal names the file by it (a large
   * file): the snapshot of those bytes needs the same, and at 100,000 events each hash is ~60 ms.
   */
  readonly openedIdentity: (() => Promise<string>) | null = null

  constructor(
    private readonly file: string,
    opened: OpenedTimeline,
    private readonly options: DurableWriteOptions & JournalOptions = {},
  ) {
    this.persisted = opened.mustSave || opened.readOnly ? null : opened.document
    if (opened.journal) {
      const base = Promise.resolve(opened.journal.base)
      this.identity = this.openedIdentity = () => base
      this.journal = new JournalWriter(journalPathFor(file), opened.journal.base, opened.journal.records, options)
      this.fileBytes = Infinity // it was journaled before, so it is large
    } else if (opened.openedText !== null && this.persisted) {
      this.fileBytes = opened.openedBytes?.length ?? Buffer.byteLength(opened.openedText)
      // Hashed a few seconds after opening (afterOpening.ts), so the first journaled save rarely waits for it.
      const contents = opened.openedBytes ?? opened.openedText
      if (this.journaling) {
        const identity = laterOrWhenAsked(() => fileIdentity(contents), options.hashAfterOpeningMs ?? HASH_AFTER_OPENING_MS)
        this.identity = this.openedIdentity = identity
        this.stopWaitingToHash = identity.cancel
      }
    }
  }

  private get journalFromBytes(): number {
    return this.options.journalFromBytes ?? DEFAULT_JOURNAL_FROM_BYTES
  }

  private get journaling(): boolean {
    return this.fileBytes >= this.journalFromBytes
  }

  /** True while saves wait in the journal rather than in the file itself. */
  get hasJournal(): boolean {
    return this.journal !== null
  }

  /** The journal is long enough that it should be folded into the file. */
  get journalIsLong(): boolean {
    const journal = this.journal
    if (!journal) return false
    return journal.records >= (this.options.maxJournalRecords ?? DEFAULT_MAX_JOURNAL_RECORDS) || journal.bytes >= (this.options.maxJournalBytes ?? DEFAULT_MAX_JOURNAL_BYTES)
  }

  /** The next save rewrites the file whole and removes the journal. */
  requestRewrite(): void {
    this.rewriteWanted = true
  }

  /** Makes `next` durable; says whether it went to the journal or rewrote the file. */
  async save(next: TimelineDocument): Promise<'journal' | 'rewrite' | 'unchanged'> {
    if (!this.rewriteWanted && this.persisted && this.identity && this.journaling) {
      const patch = patchBetween(this.persisted, next)
      if (!patch) return 'unchanged'
      if (patchWeight(patch) <= (this.options.maxPatchEntities ?? DEFAULT_MAX_PATCH_ENTITIES)) {
        this.journal ??= new JournalWriter(journalPathFor(this.file), await this.identity(), [], this.options)
        await this.journal.append(patch)
        this.persisted = next
        return 'journal'
      }
    }
    await this.rewrite(next)
    return 'rewrite'
  }

  /**
   * Rewrites the file whole (durableWrite.ts), then removes the journal. The journal is marked with
   * the new file's identity before the rename, so a crash between the rename and the removal leaves
   * a journal that opening recognises as already folded in.
   */
  private async rewrite(next: TimelineDocument): Promise<void> {
    this.rewriteWanted = true // until this succeeds, whatever fails on the way
    await this.beforeRewrite()
    // Bytes, once, for the identity, the write and the snapshot: each encoding of a 100,000-event
    // timeline's text holds the main process for a third of a second.
    const bytes = await serializeLettingOthersRun(next)
    // Only a file that will be journaled (or a journal being folded) needs its identity.
    const identity = this.journal || bytes.length >= this.journalFromBytes ? fileIdentity(bytes) : null
    identity?.catch(() => undefined)
    if (this.journal && identity) await this.journal.markCompaction(await identity)
    await writeFileDurably(this.file, bytes, this.options)
    this.identity = identity && (() => identity)
    this.fileBytes = bytes.length
    this.persisted = next
    this.lastWritten = bytes
    this.lastWrittenOnlyOnDisk = false
    if (this.journal) {
      await this.journal.remove()
      this.journal = null
    }
    this.rewriteWanted = false
  }

  /** A snapshot holds `bytes` now: if they are still the last written, they need not be kept. */
  snapshotted(bytes: Uint8Array): void {
    if (this.lastWritten === bytes) this.lastWritten = null
    this.lastWrittenOnlyOnDisk = false
  }

  /**
   * Lets go of the last rewrite's bytes if the file is large (a compaction; the next snapshot may
   * be minutes away): `notSnapshotted` reads them back from the file when a snapshot wants them.
   */
  letGoOfLarge(): void {
    if (this.lastWritten === null || !this.journaling) return
    this.lastWritten = null
    this.lastWrittenOnlyOnDisk = true
  }

  /**
   * The last rewrite's bytes if no snapshot holds them yet: kept, or read back from the file. Null
   * when there are none, or when the file no longer holds them (changed by another program: it is
   * not this timeline's to snapshot, and opening it will).
   */
  async notSnapshotted(): Promise<Uint8Array | null> {
    if (this.lastWritten !== null || !this.lastWrittenOnlyOnDisk) return this.lastWritten
    const written = this.identity?.()
    const bytes = await readFile(this.file).catch(() => null)
    if (!bytes || !written) return null
    return (await fileIdentity(bytes)) === (await written) ? bytes : null
  }

  async close(): Promise<void> {
    this.stopWaitingToHash()
    await this.journal?.close()
  }
}
