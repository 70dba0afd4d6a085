/**
 * What the window is waiting for, and a wait for it to pause: work the analyst is not waiting for
 * (indexing a large timeline for search) gives way while they zoom and pan, and while any request
 * of theirs is being answered, except while it waits on a native dialog the analyst has open.
 */
import { performance } from 'node:perf_hooks'
import { setImmediate, setTimeout as sleep } from 'node:timers/promises'

/**
 * While the analyst zooms and pans, drawings are asked for every step or two (button and key steps
 * fetch the next ones ahead, about every half second); indexing 100,000 events for search (~10 s of
 * the main process) ran alongside them. The benchmark's zoom and pan steps at 100,000 events,
 * 5 interleaved runs each: zoom median 132 ms and p95 162, pan p95 89, with the build running;
 * 120, 154 and 80 with it waiting for a second's pause (113, 152 and 84 with no build at all).
 * Waiting for 400 ms still let it run between steps (129 against 113).
 */
const BUSY_WINDOW_MS = 1_000
/** How often a wait looks whether it is now wanted (a search asking for the index). */
const WANTED_CHECK_MS = 20

export class WindowActivity {
  private lastDrawing = -Infinity
  /**
   * Requests being answered. Each step of one (a note's save: its journal write, its sync to disk)
   * waited behind a piece of the build: the first note added after opening 100,000 events took
   * 520–770 ms to be acknowledged, against 40–60 ms for the next ones (in the e2e harness).
   */
  private answering = 0
  /**
   * Of those, the ones waiting on a native dialog (Save a Copy As…, Export, Import): the analyst is
   * choosing a file, not waiting for this process, so the build goes on meanwhile; otherwise a Save
   * dialog left open would hold the search index back for as long as it stayed open.
   */
  private choosing = 0

  constructor(private readonly quietMs = BUSY_WINDOW_MS) {}

  drawingAsked(): void {
    this.lastDrawing = performance.now()
  }

  /** Answers a request from the window: work waiting for a quiet moment waits until it is answered. */
  async whileAnswering<T>(answer: () => Promise<T>): Promise<T> {
    this.answering += 1
    try {
      return await answer()
    } finally {
      this.answering -= 1
    }
  }

  /** Runs `choose`, a native dialog opened by a request, as time the window is not waiting for this process. */
  async whileChoosing<T>(choose: () => Promise<T>): Promise<T> {
    this.choosing += 1
    try {
      return await choose()
    } finally {
      this.choosing -= 1
    }
  }

  private busy(): boolean {
    return this.answering > this.choosing || performance.now() - this.lastDrawing < this.quietMs
  }

  /**
   * Resolves once no request is being answered and no drawing has been asked for `quietMs` (at once
   * if none was), or once `wanted` (a search waiting for the whole index, itself a request).
   */
  async quietMoment(wanted: () => boolean): Promise<void> {
    await setImmediate()
    // In short naps, so that a search waits a moment at most.
    while (this.busy() && !wanted()) await sleep(WANTED_CHECK_MS)
  }
}
