/**
 * Work that opening a timeline leaves for later, so the window gets the machine while it draws:
 * - the file's hash, which a journal names it by: a few seconds after opening, or at the first
 *   journaled save if that comes sooner;
 * - the snapshot of the file as it opened: half a minute after opening, or when something needs it
 *   (the file about to be rewritten, the backups list, closing). Until the file is rewritten its
 *   bytes are still on disk, so nothing is at risk meanwhile.
 * At 100,000 events, writing, reading back and comparing 80 MB and hashing it while the timeline
 * opened held back its first drawing by 0.3–0.6 s (3 interleaved runs); taken a few seconds later,
 * the snapshot landed in the analyst's first zoom steps instead.
 */

/** How long after opening the file is hashed for the journal. */
export const HASH_AFTER_OPENING_MS = 5_000

/** How long after opening the file as it opened is copied into the backups. */
export const SNAPSHOT_AFTER_OPENING_MS = 30_000

/** Work to start later, or now when asked for; `cancel` stops it starting on its own (its timeline closed). */
export interface LaterWork<T> {
  (): Promise<T>
  cancel(): void
}

/**
 * `work`, started after `delayMs` or when first asked for, whichever comes first; only once. Once
 * started, `work` is let go: what it holds (the 80 MB of a 100,000-event file as it opened) is
 * freed when it is done, though its answer is kept.
 */
export function laterOrWhenAsked<T>(work: () => Promise<T>, delayMs: number): LaterWork<T> {
  let waiting: (() => Promise<T>) | null = work
  let started: Promise<T> | null = null
  const start = () => {
    clearTimeout(timer)
    if (waiting) {
      started = waiting()
      waiting = null
    }
    return started!
  }
  // Unref'd: a process with nothing else to do need not stay up for it.
  const timer = setTimeout(() => void start().catch(() => undefined), delayMs)
  timer.unref()
  return Object.assign(start, { cancel: () => clearTimeout(timer) })
}
