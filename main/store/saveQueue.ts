/**
 * One writer per file. Rapid edits coalesce into the next write, and each caller learns its edit is
 * saved only when a write that started after the edit has finished durably.
 */
interface Waiter {
  resolve: () => void
  reject: (error: unknown) => void
}

export class SaveQueue {
  private waiting: Waiter[] = []
  private running: Promise<void> | null = null

  constructor(private readonly write: () => Promise<void>) {}

  requestSave(): Promise<void> {
    const saved = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }))
    this.running ??= this.drain()
    return saved
  }

  /** Resolves once no write is running or waiting (successful or not). */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting
      this.waiting = []
      try {
        // The write serialises the document as it is now, so it holds every edit in `batch`.
        await this.write()
        for (const waiter of batch) waiter.resolve()
      } catch (error) {
        for (const waiter of batch) waiter.reject(error)
      }
    }
    this.running = null
  }
}
