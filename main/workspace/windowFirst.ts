/**
 * At start, a large timeline is read once the window is on screen.
 *
 * Reading and checking a timeline is work the main process does in one go (100,000 events: ~2 s
 * of parsing and checking), and the same process serves the window its own files (app://, and
 * the test harness's routes). Started together, the window waited for the whole read before it
 * could show anything, not even its "Opening the timeline…" page. A small file is read at once,
 * beside the window. That read can still overlap the window's own file requests, which then wait
 * for it: at 1,000 events with 10,000 notes (6.9 MB; 0.32–0.45 s to read and check then, 0.20–0.24
 * s since the check is compiled ahead) the page was in at 0.5 s on its clock when the read came
 * first, and at 1.1–1.3 s in the two opens where they overlapped (e2e harness). Reading after the
 * page is in would only move that wait, since both run on this one thread.
 */
import { stat } from 'node:fs/promises'

/**
 * About 15,000 events with 10,000 notes. Reading and checking such files took, in Node: 13 MiB
 * 0.29–0.34 s, 20 MiB 0.35–0.46 s; 80 MiB (100,000 events) 1.8–2.0 s.
 */
export const READ_AFTER_WINDOW_FROM_BYTES = 16 * 1024 * 1024
/** A window that never shows (it crashed, or is stuck) holds the read back no longer than this. */
export const LONGEST_WAIT_FOR_WINDOW_MS = 3_000

/** Resolves when `file` may be read: at once when it is small (or cannot be sized), else once `windowShown` resolves. */
export async function whenTimelineMayBeRead(file: string, windowShown: Promise<void>, longestWaitMs = LONGEST_WAIT_FOR_WINDOW_MS): Promise<void> {
  const size = await stat(file).then(
    (found) => found.size,
    () => 0, // the read that follows says what is wrong with it
  )
  if (size < READ_AFTER_WINDOW_FROM_BYTES) return
  let timer: NodeJS.Timeout | undefined
  const waitedLongEnough = new Promise<void>((resolve) => (timer = setTimeout(resolve, longestWaitMs)))
  await Promise.race([windowShown, waitedLongEnough])
  clearTimeout(timer)
}
