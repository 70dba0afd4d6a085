/**
 * Work over a whole timeline's bytes, a slice at a time. The main process also serves the window
 * (its files, its requests), and at 100,000 events one pass over 80 MB held it for a fifth of a
 * second: hashing a file, or comparing a snapshot with what was written.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'

/** Bytes between turns for other work: about 10 ms of hashing or comparing each. */
const SLICE_BYTES = 4 * 2 ** 20

/** Calls `visit` for each slice of `byteLength` bytes in order, until it answers false. */
export async function everySlice(byteLength: number, visit: (start: number, end: number) => boolean): Promise<boolean> {
  for (let start = 0; start < byteLength; start += SLICE_BYTES) {
    if (start > 0) await nextTurn()
    if (!visit(start, Math.min(start + SLICE_BYTES, byteLength))) return false
  }
  return true
}
