/**
 * Long imports work in chunks, yielding between them, so the window can show progress and the
 * analyst can cancel; a cancelled import throws ImportCancelled and has changed nothing.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { ImportCancelled } from './importError'

export interface ImportControl {
  /** Called after each chunk with rows done and rows in all. */
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

export const CHUNK_ROWS = 2_000

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelled()
}

/** Runs `step(i)` for i in 0..total-1, a chunk at a time. */
export async function inChunks(total: number, step: (index: number) => void, control: ImportControl = {}, chunkRows = CHUNK_ROWS): Promise<void> {
  throwIfCancelled(control.signal)
  for (let start = 0; start < total; start += chunkRows) {
    const end = Math.min(total, start + chunkRows)
    for (let i = start; i < end; i++) step(i)
    control.onProgress?.(end, total)
    if (end < total) {
      await yieldToEventLoop()
      throwIfCancelled(control.signal)
    }
  }
  if (total === 0) control.onProgress?.(0, 0)
}
