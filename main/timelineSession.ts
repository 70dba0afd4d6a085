/**
 * The open timeline: its document in memory, its file on disk, and the store that saves one to
 * the other. Every change is acknowledged only once the write that contains it is durable; opening
 * recovers from broken files and older formats (main/store/openTimeline.ts says how).
 */
import type { Author, TimelineDocument } from './domain/timeline'
import type { EventDetail, TimelineView } from './ipc/contract'
import { describeDate } from './domain/dates'
import { DatesToCorrect } from './domain/datesToCorrect'
import { describeGrade } from './domain/sourceGrade'
import { eventRange } from './domain/eventRange'
import type { Edit } from './edits/edit'
import { editContext } from './edits/editContext'
import { TimelineEditor, type EditResult } from './edits/timelineEditor'
import type { UndoState } from './edits/undoHistory'
import type { BackupSummary } from './store/backups'
import type { SaveState } from './store/saveQueue'
import { TimelineStore, type TimelineStoreOptions } from './store/timelineStore'

/** How long File ▸ Open waits for one more attempt at a failing save before refusing to switch. */
const SWITCH_RETRY_WAIT_MS = 3_000

export class TimelineSession {
  /** Listeners of the save state; they stay with the session when it switches to another file. */
  private readonly saveListeners = new Set<(state: SaveState) => void>()
  /** Dates naming 29 February in a year without one, kept from one outline to the next. */
  private readonly datesToCorrect = new DatesToCorrect()
  private stopForwarding: () => void

  private constructor(
    private store: TimelineStore,
    private readonly options: TimelineStoreOptions,
  ) {
    this.stopForwarding = this.forwardSaveStates()
  }

  /** Opens the file, recovering if it is broken; `notices` then says what happened, in plain words. */
  static async open(file: string, options: TimelineStoreOptions = {}): Promise<TimelineSession> {
    return new TimelineSession(await TimelineStore.open(file, options), options)
  }

  /**
   * Closes this timeline and opens another in its place (File ▸ New, Open, Close), so every handler
   * keeps holding this one session. Pending changes are saved first, and while saving is failing
   * the switch is refused (closing then would lose them). The new file opens with the same recovery
   * and backups (`place` says where its backups live); Undo starts afresh, as it must not reach
   * into another file.
   */
  async switchTo(file: string, place: Pick<TimelineStoreOptions, 'dataDir' | 'bundledDataDir'>): Promise<void> {
    const saved = await this.savedOrFailing()
    if (!saved) throw new Error(`your latest changes to this timeline are not saved yet (${this.saveState.lastError ?? 'saving is being retried'}); Annalist keeps it open until they are`)
    const next = await TimelineStore.open(file, { ...this.options, dataDir: place.dataDir, bundledDataDir: place.bundledDataDir })
    const previous = this.store
    this.stopForwarding()
    this.store = next
    this.editor = new TimelineEditor(this)
    this.stopForwarding = this.forwardSaveStates()
    await previous.close()
    for (const listener of this.saveListeners) listener(next.saveState)
  }

  private forwardSaveStates(): () => void {
    return this.store.onSaveStateChange((state) => {
      for (const listener of this.saveListeners) listener(state)
    })
  }

  /** True once everything is on disk; false as soon as a save is failing (it may never finish). */
  private savedOrFailing(): Promise<boolean> {
    if (this.saveState.state === 'retrying') {
      // The analyst may have just freed space: try again now, and give that attempt a moment.
      this.store.retryNow()
      const pause = new Promise<boolean>((resolve) => setTimeout(resolve, SWITCH_RETRY_WAIT_MS, false).unref?.())
      return Promise.race([this.store.whenSaved().then(() => true), pause])
    }
    let stop = () => {}
    const failing = new Promise<boolean>((resolve) => {
      stop = this.store.onSaveStateChange((state) => state.state === 'retrying' && resolve(false))
    })
    return Promise.race([this.store.whenSaved().then(() => true), failing]).finally(() => stop())
  }

  get file(): string {
    return this.store.file
  }

  get document(): TimelineDocument {
    return this.store.document
  }

  /** Messages about opening (backup restored, format updated, read-only), for the window to show. */
  get notices(): string[] {
    return this.store.notices
  }

  /** True when the file came from a newer Annalist (or could not be made safe to write). */
  get readOnly(): boolean {
    return this.store.readOnly
  }

  /**
   * Replaces the document and saves it. Resolves `{state: 'saved'}` once this change is durable; if a
   * write fails first it resolves with the "retrying" state instead (the change stays in memory and
   * is saved when the fault clears). Throws ReadOnlyTimelineError when the timeline is read-only.
   */
  commit(next: TimelineDocument): Promise<SaveState> {
    return this.store.commit(next)
  }

  get saveState(): SaveState {
    return this.store.saveState
  }

  /** While saves are failing, tries again now instead of after the current pause (a "Retry now" button). */
  retrySaveNow(): void {
    this.store.retryNow()
  }

  /** Calls `listener` whenever the save state changes (the Electron glue pushes it to the window). */
  onSaveStateChange(listener: (state: SaveState) => void): () => void {
    this.saveListeners.add(listener)
    return () => void this.saveListeners.delete(listener)
  }

  listBackups(): Promise<BackupSummary[]> {
    return this.store.listBackups()
  }

  /** Replaces the timeline with a backup; the current state is backed up first. */
  restoreBackup(id: string): Promise<SaveState> {
    return this.store.restoreBackup(id)
  }

  /** The timeline's outline; `range` when the caller knows it already (the indexes keep it). */
  view(range: TimelineView['range'] = eventRange(this.document.events)): TimelineView {
    const { meta, lanes, events, annotations } = this.document
    // Events and notes are not sent: the window asks for what it shows (viewportItems, listAnnotations).
    return {
      meta,
      lanes,
      range,
      eventCount: events.length,
      hasEventsWithoutLane: events.some((event) => event.lanes.length === 0),
      annotationCount: annotations.length,
      readOnly: this.readOnly,
      // Dates to correct are looked for again each time (in what changed), so the notice goes once they are corrected.
      notices: [...this.notices, ...this.datesToCorrect.notice(this.document)],
    }
  }

  eventDetail(id: string): EventDetail {
    const event = this.document.events.find((e) => e.id === id)
    if (!event) throw new Error(`no event with id "${id}" in this timeline`)
    const laneNames = event.lanes.map((laneId) => this.document.lanes.find((l) => l.id === laneId)?.name ?? laneId)
    return {
      event,
      dateInWords: describeDate(event.date),
      laneNames,
      sources: event.sources.map((source) => ({
        title: source.title,
        publisher: source.publisher,
        url: source.url,
        date: source.date ?? '',
        dateInWords: source.date ? describeDate(source.date) : '',
        grade: source.grade,
        gradeInWords: describeGrade(source.grade),
      })),
    }
  }

  /** The analyst's edits and their Undo / Redo (main/edits/ holds the rules). */
  private editor = new TimelineEditor(this)

  /** Applies one edit: checked, recorded for Undo, resolved once saved. `author` signs new notes and versions. */
  applyEdit(edit: Edit, author?: Author): Promise<EditResult> {
    return this.editor.apply(edit, editContext(author))
  }

  undo(): Promise<EditResult | null> {
    return this.editor.undo()
  }

  redo(): Promise<EditResult | null> {
    return this.editor.redo()
  }

  get undoState(): UndoState {
    return this.editor.undoState()
  }

  /** Resolves when everything changed so far is durably on disk, however many retries that takes. */
  flush(): Promise<void> {
    return this.store.whenSaved()
  }

  /** Finishes writes in progress and stops retrying; call when the app quits. */
  close(): Promise<void> {
    return this.store.close()
  }
}
