/**
 * The session's Undo / Redo: labelled steps, each holding only the changes it made (before and
 * after of the entities it touched), so undoing is applying them backwards.
 */
import { applyChanges, type DocumentChange } from './changes'
import type { TimelineDocument } from '../domain/timeline'

export interface UndoStep {
  label: string
  changes: DocumentChange[]
}

export interface UndoState {
  /** Label of the step Undo would reverse ("add note on Geneva talks"), or null. */
  undoLabel: string | null
  redoLabel: string | null
}

/** Enough for a working day; older steps are dropped first (they are saved, just not undoable). */
export const DEFAULT_UNDO_LIMIT = 500

export class UndoHistory {
  private done: UndoStep[] = []
  private undone: UndoStep[] = []

  constructor(private readonly limit = DEFAULT_UNDO_LIMIT) {}

  /** A new edit: it becomes the next Undo, and the Redo steps no longer apply. */
  record(step: UndoStep): void {
    this.done.push(step)
    this.undone = []
    if (this.done.length > this.limit) this.done.splice(0, this.done.length - this.limit)
  }

  state(): UndoState {
    return { undoLabel: this.done.at(-1)?.label ?? null, redoLabel: this.undone.at(-1)?.label ?? null }
  }

  /** Reverses the newest step; the step moves to Redo only if reversing it succeeded. */
  undo(document: TimelineDocument): { step: UndoStep; document: TimelineDocument } | null {
    const step = this.done.at(-1)
    if (!step) return null
    const reversed = applyChanges(document, step.changes, 'backward')
    this.undone.push(this.done.pop()!)
    return { step, document: reversed }
  }

  redo(document: TimelineDocument): { step: UndoStep; document: TimelineDocument } | null {
    const step = this.undone.at(-1)
    if (!step) return null
    const replayed = applyChanges(document, step.changes, 'forward')
    this.done.push(this.undone.pop()!)
    return { step, document: replayed }
  }

  /** The stacks as they are now, to put back if a step turns out not to have been taken. */
  snapshot(): () => void {
    const done = [...this.done]
    const undone = [...this.undone]
    return () => {
      this.done = done
      this.undone = undone
    }
  }

  clear(): void {
    this.done = []
    this.undone = []
  }
}
