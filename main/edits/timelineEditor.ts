/**
 * Editing an open timeline: each edit is checked, recorded for Undo, committed, and acknowledged
 * only once the save that holds it is durable. The session owns the document and the file; this
 * owns the undo history and the order of those steps.
 */
import type { TimelineDocument } from '../domain/timeline'
import { applyEdit, type Edit } from './edit'
import { changedIds, StaleChangeError, type ChangedIds } from './changes'
import { editContext, type EditContext } from './editContext'
import { UndoHistory, type UndoState, type UndoStep } from './undoHistory'
import { EditError } from './validation'
import type { SaveReport } from './editingPayloads'

/** What the session must offer: the current document and a commit that resolves once durable (or retrying). */
export interface EditTarget {
  readonly document: TimelineDocument
  readonly readOnly?: boolean
  commit(next: TimelineDocument): Promise<SaveReport | void>
}

export interface EditResult {
  /** "add note on Geneva talks"; for Undo / Redo, the step undone or redone. */
  label: string
  changed: ChangedIds
  undo: UndoState
  save: SaveReport
}

const READ_ONLY = 'This timeline is open read-only (it was written by a newer Annalist, or could not be made safe to write), so it cannot be changed.'

export class TimelineEditor {
  private readonly history: UndoHistory
  /** The document as this editor last left it; anything else means it was replaced behind our back. */
  private lastCommitted: TimelineDocument | null = null

  constructor(
    private readonly target: EditTarget,
    undoLimit?: number,
  ) {
    this.history = new UndoHistory(undoLimit)
  }

  undoState(): UndoState {
    this.current()
    return this.history.state()
  }

  async apply(edit: Edit, context: EditContext = editContext()): Promise<EditResult> {
    this.refuseIfReadOnly()
    const applied = applyEdit(this.current(), edit, context)
    if (applied.changes.length === 0) return { label: applied.label, changed: applied.changed, undo: this.history.state(), save: { state: 'saved' } }
    const putBack = this.history.snapshot()
    this.history.record({ label: applied.label, changes: applied.changes })
    const save = await this.commit(applied.document, putBack)
    return { label: applied.label, changed: applied.changed, undo: this.history.state(), save }
  }

  /** Reverses the last step; null when there is nothing to undo. */
  undo(): Promise<EditResult | null> {
    return this.travel('undo')
  }

  redo(): Promise<EditResult | null> {
    return this.travel('redo')
  }

  private refuseIfReadOnly(): void {
    if (this.target.readOnly) throw new EditError(READ_ONLY)
  }

  private async travel(way: 'undo' | 'redo'): Promise<EditResult | null> {
    this.refuseIfReadOnly()
    const document = this.current()
    const putBack = this.history.snapshot()
    let moved: { step: UndoStep; document: TimelineDocument } | null
    try {
      moved = way === 'undo' ? this.history.undo(document) : this.history.redo(document)
    } catch (error) {
      if (!(error instanceof StaleChangeError)) throw error
      // Only possible if the document was changed without going through this history; applying
      // the rest of it could damage the timeline, so it is dropped.
      this.history.clear()
      throw new EditError(`Cannot ${way}: ${error.message}. The undo history has been cleared; the timeline itself is unchanged.`)
    }
    if (!moved) return null
    const save = await this.commit(moved.document, putBack)
    return { label: moved.step.label, changed: changedIds(moved.step.changes), undo: this.history.state(), save }
  }

  private current(): TimelineDocument {
    const document = this.target.document
    // Reopened, restored from a backup, or replaced by code that bypassed this editor: the steps no longer fit.
    if (this.lastCommitted !== null && document !== this.lastCommitted) this.history.clear()
    this.lastCommitted = document
    return document
  }

  /**
   * Commits in the same tick as the edit was computed, so edits made while an earlier save is still
   * running queue up in order. A failing disk does not throw here: the store keeps the change and
   * retries, and the report says so. If the store refuses the document outright, the step is forgotten.
   */
  private async commit(next: TimelineDocument, putBack: () => void): Promise<SaveReport> {
    const previous = this.lastCommitted
    this.lastCommitted = next
    try {
      return (await this.target.commit(next)) ?? { state: 'saved' }
    } catch (error) {
      if (this.target.document !== next && this.target.document === previous) {
        putBack()
        this.lastCommitted = previous
      }
      throw error
    }
  }
}
