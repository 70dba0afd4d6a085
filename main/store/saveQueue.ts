/**
 * One writer per file. Rapid edits coalesce into the next write, and each caller learns its edit is
 * saved only when a write that started after the edit has finished durably.
 * When a write fails (disk full, I/O error, file held by another program) nothing is dropped: the
 * waiting edits stay waiting, the state becomes "retrying", and the write is tried again with a
 * growing pause until it succeeds. Listeners hear every state change, so the window can show
 * "not saved — retrying" without blocking the analyst.
 */

/** Whether everything the analyst changed is on disk. Crosses IPC, so plain data only. */
export interface SaveState {
  state: 'saved' | 'saving' | 'retrying'
  /** Why the last write failed, in words, while retrying (e.g. "the disk is full (ENOSPC)"). */
  lastError?: string
}

export interface SaveQueueOptions {
  /** Pauses between failed attempts; the last one repeats. */
  retryDelaysMs?: readonly number[]
  /** Turns a write error into words for the analyst. */
  describeError?: (error: unknown) => string
}

interface Waiter {
  resolve: () => void
  reject: (error: unknown) => void
}

const DEFAULT_RETRY_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000] as const

export class SaveQueueClosedError extends Error {
  constructor() {
    super('the timeline was closed before this change could be saved')
  }
}

export class SaveQueue {
  private waiting: Waiter[] = []
  private running: Promise<void> | null = null
  private current: SaveState = { state: 'saved' }
  private readonly listeners = new Set<(state: SaveState) => void>()
  private closed = false
  private cancelPause: (() => void) | null = null
  private readonly retryDelaysMs: readonly number[]
  private readonly describeError: (error: unknown) => string

  constructor(
    private readonly write: () => Promise<void>,
    options: SaveQueueOptions = {},
  ) {
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
    this.describeError = options.describeError ?? ((error) => (error instanceof Error ? error.message : String(error)))
  }

  /** Resolves once a write containing every change made so far is durable (after retries if need be). */
  requestSave(): Promise<void> {
    if (this.closed) return Promise.reject(new SaveQueueClosedError())
    const saved = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }))
    this.running ??= this.drain()
    return saved
  }

  get state(): SaveState {
    return this.current
  }

  /** Calls `listener` on every change of state; returns a function that stops it. */
  onStateChange(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Resolves once no write is running or waiting (including retries). */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  /** Skips the current pause between retries (e.g. the analyst freed disk space and pressed Retry). */
  retryNow(): void {
    this.cancelPause?.()
  }

  /** Stops retrying; edits not yet saved are rejected with SaveQueueClosedError. */
  close(): void {
    this.closed = true
    this.cancelPause?.()
  }

  private setState(next: SaveState): void {
    if (next.state === this.current.state && next.lastError === this.current.lastError) return
    this.current = next
    for (const listener of this.listeners) listener(next)
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      this.cancelPause = () => {
        clearTimeout(timer)
        resolve()
      }
    }).finally(() => {
      this.cancelPause = null
    })
  }

  private async drain(): Promise<void> {
    let failures = 0
    while (this.waiting.length > 0 && !this.closed) {
      // Edits arriving during this write join the next batch: this write may not contain them.
      const batch = this.waiting
      this.waiting = []
      if (failures === 0) this.setState({ state: 'saving' })
      try {
        // The write serialises the document as it is now, so it holds every edit in `batch`.
        await this.write()
        failures = 0
        for (const waiter of batch) waiter.resolve()
      } catch (error) {
        this.waiting = [...batch, ...this.waiting]
        this.setState({ state: 'retrying', lastError: this.describeError(error) })
        const pause = this.retryDelaysMs[Math.min(failures, this.retryDelaysMs.length - 1)] ?? 1_000
        failures++
        await this.pause(pause)
      }
    }
    if (this.closed) {
      for (const waiter of this.waiting.splice(0)) waiter.reject(new SaveQueueClosedError())
    } else {
      this.setState({ state: 'saved' })
    }
    this.running = null
  }
}
