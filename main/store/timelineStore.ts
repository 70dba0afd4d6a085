/**
 * One open timeline file: its document in memory, the queue that saves it durably, its snapshots,
 * and whether it may be written at all. An edit is reported as saved only once the write holding it
 * is durable; a failed write keeps the edit in memory and is retried until the fault clears.
 * Large timelines are saved through a journal and compacted into the file in the background
 * (timelineSaver.ts), and always on close, so a closed timeline is one JSON file.
 */
import path from 'node:path'
import type { TimelineDocument } from '../domain/timeline'
import { laterOrWhenAsked, SNAPSHOT_AFTER_OPENING_MS } from './afterOpening'
import { createBackup, listBackups, newestBackupBytes, readBackup, type BackupSummary } from './backups'
import { fileIdentity } from './journal'
import { errorCode, type DurableWriteOptions, type FileSystem } from './durableWrite'
import { TIMELINE_EXTENSION } from './library'
import { openTimeline, type TimelinePlace } from './openTimeline'
import { SaveQueue, type SaveState } from './saveQueue'
import { serializeTimeline } from './timelineFile'
import { TimelineSaver, type JournalOptions } from './timelineSaver'

export interface TimelineStoreOptions extends JournalOptions {
  /** The data folder (default: the folder above the file's `timelines/` folder). */
  dataDir?: string
  /** The app's bundled `data/` folder, so a broken default timeline can fall back to the seed. */
  bundledDataDir?: string
  /** A snapshot is taken at most this often while the timeline changes (default 5 minutes). */
  backupEveryMs?: number
  /** Pauses between failed save attempts (see SaveQueue). */
  retryDelaysMs?: readonly number[]
  /** How long after opening the file as it opened is copied into the backups, unless needed sooner (afterOpening.ts). */
  snapshotAfterOpeningMs?: number
  /** The file-system seam and rename retries, for fault-injection tests. */
  fs?: FileSystem
  renameRetryDelaysMs?: readonly number[]
  /** A journal is folded into the file after this long without saves (default 30 s). */
  compactAfterQuietMs?: number
  now?: () => Date
}

export const DEFAULT_BACKUP_EVERY_MS = 5 * 60 * 1000
export const DEFAULT_COMPACT_AFTER_QUIET_MS = 30 * 1000

const READ_ONLY_MESSAGE = 'this timeline is open read-only (see the message shown when it opened), so changes cannot be saved'

/** Plain words for the write errors an analyst can do something about. */
export function describeWriteError(error: unknown): string {
  const code = errorCode(error)
  const words: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EIO: 'the disk reported an input/output error',
    EPERM: 'another program is holding the file, or Annalist is not allowed to write it',
    EACCES: 'Annalist is not allowed to write the file',
    EBUSY: 'another program is holding the file',
    EROFS: 'the disk is read-only',
    // The timeline's folder is gone (a drive unplugged, a network share dropped) or is not a folder.
    ENOENT: 'the folder holding the timeline cannot be found',
    ENOTDIR: 'the folder holding the timeline cannot be found',
  }
  const said = words[code]
  return said ? `${said} (${code})` : error instanceof Error ? error.message : String(error)
}

export class ReadOnlyTimelineError extends Error {
  constructor() {
    super(READ_ONLY_MESSAGE)
  }
}

export class TimelineStore {
  private readonly saves: SaveQueue
  private backups: Promise<void> = Promise.resolve()
  private lastBackupAt: number
  /**
   * The SHA-256 of the newest snapshot, to skip taking the same one again. Not its bytes: at
   * 100,000 events they held 80 MB of the main process for as long as the timeline stayed open.
   */
  private lastBackup: string | null = null
  private quietTimer: NodeJS.Timeout | null = null
  private openingSnapshot: (() => Promise<void>) | null = null

  private constructor(
    private readonly place: TimelinePlace,
    private current: TimelineDocument,
    private readonly saver: TimelineSaver,
    readonly readOnly: boolean,
    readonly notices: string[],
    private readonly options: TimelineStoreOptions,
  ) {
    this.lastBackupAt = this.now().getTime()
    this.saves = new SaveQueue(() => this.writeDocument(), { retryDelaysMs: options.retryDelaysMs, describeError: describeWriteError })
  }

  static async open(file: string, options: TimelineStoreOptions = {}): Promise<TimelineStore> {
    const place: TimelinePlace = {
      file,
      dataDir: options.dataDir ?? path.dirname(path.dirname(file)),
      name: path.basename(file, TIMELINE_EXTENSION),
      bundledDataDir: options.bundledDataDir,
    }
    const now = options.now?.() ?? new Date()
    const opened = await openTimeline(place, now, { fs: options.fs, renameRetryDelaysMs: options.renameRetryDelaysMs })
    const saver = new TimelineSaver(file, opened, options)
    const store = new TimelineStore(place, opened.document, saver, opened.readOnly, opened.notices, options)
    // The bytes that opened are on disk until the file is first rewritten (saves go to the journal
    // meanwhile, or the file is small): their snapshot must exist by then.
    saver.beforeRewrite = () => store.snapshotAsOpened()
    // The file's own bytes when they are what opened: no need to encode 80 MB of text again.
    if (opened.openedText !== null) store.snapshotOnOpen(opened.openedBytes ?? opened.openedText, opened.openedTextChecked === true, saver.openedIdentity)
    // Restored, migrated or new: saved at once. Failure here shows as "retrying", like any save.
    if (opened.mustSave) void store.saves.requestSave().catch(() => undefined)
    // Saves left in a journal by a crash are folded into the file once the analyst pauses.
    else if (saver.hasJournal) store.compactWhenQuiet()
    return store
  }

  get file(): string {
    return this.place.file
  }

  get document(): TimelineDocument {
    return this.current
  }

  get saveState(): SaveState {
    return this.saves.state
  }

  onSaveStateChange(listener: (state: SaveState) => void): () => void {
    return this.saves.onStateChange(listener)
  }

  /**
   * Replaces the document and saves it. Resolves `{state: 'saved'}` once this change is durable, or,
   * if a write fails first, with the "retrying" state: the change stays in memory, saving carries on
   * in the background, and `whenSaved()` resolves when it lands. Throws when the file is read-only.
   */
  async commit(next: TimelineDocument): Promise<SaveState> {
    if (this.readOnly) throw new ReadOnlyTimelineError()
    this.current = next
    const durable = this.saves.requestSave()
    let stopListening = () => {}
    const failed = new Promise<'failed'>((resolve) => {
      if (this.saves.state.state === 'retrying') {
        // Saving is already failing: answer at once, and try again now (the analyst may have freed space).
        this.saves.retryNow()
        return resolve('failed')
      }
      stopListening = this.saves.onStateChange((state) => state.state === 'retrying' && resolve('failed'))
    })
    durable.catch(() => undefined) // when "failed" wins the race, a later rejection (close) is expected
    try {
      const outcome = await Promise.race([durable.then(() => 'saved' as const), failed])
      return outcome === 'saved' ? { state: 'saved' } : this.saves.state
    } finally {
      stopListening()
    }
  }

  /** Resolves when every change so far is durably on disk, however many retries that takes. */
  async whenSaved(): Promise<void> {
    await this.saves.idle()
    await this.backups
  }

  /** Skips the pause before the next retry (the analyst freed space and asked to try again). */
  retryNow(): void {
    this.saves.retryNow()
  }

  async listBackups(): Promise<BackupSummary[]> {
    await this.snapshotAsOpened()
    return listBackups(this.place.dataDir, this.place.name)
  }

  /** Replaces the timeline with a snapshot, after taking a snapshot of the timeline as it is now. */
  async restoreBackup(id: string): Promise<SaveState> {
    if (this.readOnly) throw new ReadOnlyTimelineError()
    const restored = await readBackup(this.place.dataDir, this.place.name, id)
    await this.snapshotAsOpened()
    await this.takeSnapshot(serializeTimeline(this.document), { force: true })
    return this.commit(restored)
  }

  /**
   * Finishes the writes in progress, folds any journal into the file (unless saving is failing: the
   * journal then stays, and opening replays it), snapshots what was saved since the last snapshot,
   * and stops retrying.
   */
  async close(): Promise<void> {
    this.stopQuietTimer()
    await this.snapshotAsOpened()
    if (this.saver.hasJournal && !this.readOnly) {
      this.saver.requestRewrite()
      await this.savedOrFailing(this.saves.requestSave())
    }
    const written = this.saves.state.state === 'saved' ? await this.saver.notSnapshotted().catch(() => null) : null
    if (written !== null) {
      await this.takeSnapshot(written, { force: false }).then(
        () => this.saver.snapshotted(written),
        () => undefined,
      )
    }
    this.saves.close()
    await this.saves.idle()
    await this.backups
    await this.saver.close()
  }

  /**
   * Folds the journal into the file now, so the file alone holds every saved change (for anything
   * that reads only the file). Resolves with the save state: "retrying" if folding is failing.
   */
  async compact(): Promise<SaveState> {
    if (this.readOnly || !this.saver.hasJournal) return this.saves.state
    this.stopQuietTimer()
    this.saver.requestRewrite()
    await this.savedOrFailing(this.saves.requestSave())
    return this.saves.state
  }

  /** Resolves true once `durable` does, false as soon as saving is failing (it may never finish). */
  private savedOrFailing(durable: Promise<void>): Promise<boolean> {
    durable.catch(() => undefined) // rejected by close() when it is still failing then
    if (this.saves.state.state === 'retrying') return Promise.resolve(false)
    let stop = () => {}
    const failing = new Promise<boolean>((resolve) => {
      stop = this.saves.onStateChange((state) => state.state === 'retrying' && resolve(false))
    })
    return Promise.race([durable.then(() => true, () => false), failing]).finally(() => stop())
  }

  /** Folds the journal into the file after `compactAfterQuietMs` without saves. */
  private compactWhenQuiet(): void {
    this.stopQuietTimer()
    this.quietTimer = setTimeout(() => this.compactSoon(), this.options.compactAfterQuietMs ?? DEFAULT_COMPACT_AFTER_QUIET_MS)
    this.quietTimer.unref()
  }

  private stopQuietTimer(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer)
    this.quietTimer = null
  }

  /** Queues a compaction behind the saves waiting; a failure shows as "retrying", like any save. */
  private compactSoon(): void {
    if (!this.saver.hasJournal || this.readOnly) return
    this.saver.requestRewrite()
    void this.saves.requestSave().catch(() => undefined)
  }

  private now(): Date {
    return this.options.now?.() ?? new Date()
  }

  private async writeDocument(): Promise<void> {
    const how = await this.saver.save(this.current)
    const every = this.options.backupEveryMs ?? DEFAULT_BACKUP_EVERY_MS
    const backupDue = this.now().getTime() - this.lastBackupAt >= every
    if (how === 'journal') {
      // A snapshot is a copy of the file, so it waits for the next compaction, which it asks for.
      if (backupDue || this.saver.journalIsLong) this.compactSoon()
      else this.compactWhenQuiet()
      return
    }
    const written = this.saver.lastWritten
    if (how === 'rewrite' && written !== null && backupDue) {
      this.lastBackupAt = this.now().getTime()
      void this.takeSnapshot(written, { force: false }).then(
        () => this.saver.snapshotted(written),
        () => {
          this.lastBackupAt = 0 // try again after the next save
        },
      )
    } else if (how === 'rewrite') this.saver.letGoOfLarge()
  }

  /** The snapshot of the file as it opened: taken later, or before the file is first rewritten (afterOpening.ts). */
  private snapshotOnOpen(contents: string | Uint8Array, textIsValid: boolean, identity: (() => Promise<string>) | null): void {
    this.openingSnapshot = laterOrWhenAsked(async () => {
      this.backups = newestBackupBytes(this.place.dataDir, this.place.name)
        .then(async (newest) => {
          this.lastBackup = newest && (await fileIdentity(newest))
        })
        .catch(() => undefined)
      await this.takeSnapshot(contents, { force: false, checked: textIsValid, identity }).catch(() => undefined)
    }, this.options.snapshotAfterOpeningMs ?? SNAPSHOT_AFTER_OPENING_MS)
  }

  /** Starts the snapshot of the file as it opened, if it is still to be taken; resolves once it is. */
  snapshotAsOpened(): Promise<void> {
    return this.openingSnapshot?.() ?? Promise.resolve()
  }

  /**
   * Queues a snapshot behind any other; skipped when it would be identical to the newest one
   * (reopening an unchanged timeline should not push older snapshots out of the rotation).
   * `checked`: the contents are a timeline already (the file as it opened and was checked, or this
   * store's own saved text of its document), so the snapshot need only read back byte for byte.
   * Parsing and checking it again held the main process for 2.5 s at 100,000 events, every few
   * minutes while the analyst worked. Without it, the copy is parsed and checked as a timeline.
   * `identity`: the contents' SHA-256 when it is known already (or will be, for the journal).
   */
  private takeSnapshot(
    contents: string | Uint8Array,
    { force, checked = true, identity: known = null }: { force: boolean; checked?: boolean; identity?: (() => Promise<string>) | null },
  ): Promise<void> {
    const taken = this.backups.then(async () => {
      // Encoded once, for the hash and the copy alike.
      const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents
      const identity = await (known ? known() : fileIdentity(bytes))
      if (!force && identity === this.lastBackup) return
      await createBackup(this.place.dataDir, this.place.name, bytes, this.now(), { fs: this.options.fs, textIsValid: checked })
      this.lastBackup = identity
    })
    this.backups = taken.catch(() => undefined)
    return taken
  }
}
