/**
 * At start, a large timeline is read once the window is on screen.
 *
 * Reading and checking a timeline is work the main process does in one go (100,000 events: ~2 s
 * of parsing and checking), and the same process serves the window its own files (app://, and
 * the test harness's routes). Started together, the window waited for the whole read before it
 * could show anything, not even its "Opening the timeline…" page. A small file is read at once,
 * beside the window: it is read before the window could have asked for it.
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
