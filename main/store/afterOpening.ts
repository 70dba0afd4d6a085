/**
 * Work that opening a timeline leaves for later: the snapshot of the file as it opened, and the
 * file's hash that a journal names it by. Both wait until the window has had a few seconds to draw
 * the timeline, or until they are needed (a change, the backups list, closing), whichever is first.
 * At 100,000 events, writing, reading back and comparing 80 MB and hashing it while the timeline
 * opened held back its first drawing by 0.3–0.6 s (3 interleaved runs).
 */

/** How long after opening the left-over work starts on its own. */
export const AFTER_OPENING_MS = 5_000

/** `work`, started after `delayMs` or when first asked for, whichever comes first; only once. */
export function laterOrWhenAsked<T>(work: () => Promise<T>, delayMs: number): () => Promise<T> {
  let started: Promise<T> | null = null
  const start = () => {
    clearTimeout(timer)
    started ??= work()
    return started
  }
  // Unref'd: a process with nothing else to do need not stay up for it.
  const timer = setTimeout(() => void start().catch(() => undefined), delayMs)
  timer.unref()
  return start
}
