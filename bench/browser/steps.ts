/**
 * Timing one interactive step (a zoom or a pan) in a page, the same way for Annalist and the peer.
 *
 * A step starts when the page triggers it (inside `page.evaluate`, so no Playwright round trip is
 * counted) and ends at the second animation frame after the last change to the timeline's DOM —
 * "last" meaning nothing in the timeline changes for a further `quietMs` after it. That covers
 * vis-timeline's own redraw, Annalist's engine query (an IPC round trip) and the DataSet update
 * that follows, and the frame that paints it. The quiet wait itself is not counted. Annalist
 * fetches the drawing for a step before showing the new window, so its step is not over before
 * the window it shows (the region's data-window-* attributes) has changed. A change that arrives
 * more than `quietMs` after the previous one (or after the trigger) would be missed; `quietMs`
 * (300 ms) is six times the targets, so a step that slow is far off target either way.
 */
import type { Page } from '@playwright/test'

export type StepAction = 'zoom-in' | 'zoom-out' | 'pan-right' | 'pan-left'
export type System = 'annalist' | 'vis-timeline'

export const QUIET_MS = 300
/** Pause between the end of opening and the first step, for both systems. */
export const SETTLE_BEFORE_STEPS_MS = 1_000

/** Runs in the page: triggers the step and resolves with its duration in ms. */
async function stepInPage([system, action, quietMs]: [System, StepAction, number]): Promise<number> {
  const region = document.querySelector('[role="region"][aria-label="Timeline"]')
  if (!region) throw new Error('no Timeline region in the page')
  let changed = false
  let lastChange = 0
  const shownWindow = () => `${(region as HTMLElement).dataset.windowStart}/${(region as HTMLElement).dataset.windowEnd}`
  const before = shownWindow()
  // The peer moves its window synchronously, inside the trigger.
  const moved = () => system === 'vis-timeline' || shownWindow() !== before
  const observer = new MutationObserver(() => {
    changed = true
    lastChange = performance.now()
  })
  observer.observe(region, { subtree: true, childList: true, attributes: true, characterData: true })
  const trigger: Record<System, Record<StepAction, () => void>> = {
    // Annalist: the toolbar's buttons and the window-wide arrow keys, as a user works.
    annalist: {
      'zoom-in': () => document.querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!.click(),
      'zoom-out': () => document.querySelector<HTMLButtonElement>('button[aria-label="Zoom out"]')!.click(),
      'pan-right': () => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })),
      'pan-left': () => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })),
    },
    // The peer: the same factors (zoom ×2, pan 20 % of the window) through vis-timeline's API.
    'vis-timeline': {
      'zoom-in': () => window.peer.zoom(2),
      'zoom-out': () => window.peer.zoom(0.5),
      'pan-right': () => window.peer.pan(0.2),
      'pan-left': () => window.peer.pan(-0.2),
    },
  }
  const start = performance.now()
  lastChange = start
  trigger[system][action]()
  return new Promise((resolve) => {
    let framesSinceChange = 0
    let settledAt = start
    const tick = () => {
      if (changed) {
        changed = false
        framesSinceChange = 0
      } else if (++framesSinceChange === 2) {
        settledAt = performance.now()
      }
      if (framesSinceChange >= 2 && moved() && performance.now() - lastChange >= quietMs) {
        observer.disconnect()
        resolve(settledAt - start)
      } else requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

declare global {
  interface Window {
    peer: { open(): Promise<number>; zoom(factor: number): void; pan(fraction: number): void; fit(): void }
  }
}

/**
 * `page.evaluate(fn, arg)` sends `fn`'s source to the page. Under tsx, esbuild's keepNames wraps
 * named inner functions in `__name(…)`, which the page lacks; this supplies a stand-in.
 */
export function inPage<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return page.evaluate(`(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}) })()`) as Promise<R>
}

export class StepTimeout extends Error {
  constructor(readonly limitMs: number, what: string) {
    super(`${what} did not finish within ${Math.round(limitMs / 1000)} s`)
  }
}

/** Rejects with StepTimeout after `limitMs`; the caller then closes the browser (the page is stuck). */
export async function withTimeout<T>(work: Promise<T>, limitMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeout(limitMs, what)), limitMs)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** A user's short session from the whole timeline: in six times, along and back, out six times. */
export const STEP_PLAN: StepAction[] = [
  ...Array<StepAction>(6).fill('zoom-in'),
  ...Array<StepAction>(5).fill('pan-right'),
  ...Array<StepAction>(5).fill('pan-left'),
  ...Array<StepAction>(6).fill('zoom-out'),
]

export interface StepSamples {
  zoom: number[]
  pan: number[]
  /** The step that hit the limit (its figure is then the limit: a lower bound), if any. */
  timedOut: 'zoom' | 'pan' | null
}

/**
 * Runs the plan; stops at the first step over `stepLimitMs` (the page is then busy for an unknown
 * time and later steps would measure the backlog, not themselves).
 */
export async function runSteps(page: Page, system: System, stepLimitMs: number, progress: (line: string) => void): Promise<StepSamples> {
  const samples: StepSamples = { zoom: [], pan: [], timedOut: null }
  // Steps are timed once the opened window has been left alone for a moment, as an analyst looks
  // at a timeline before zooming: work that opening started (Annalist: the panels around the
  // timeline, the drawings one step away) is then not counted as the first steps' own.
  await page.waitForTimeout(SETTLE_BEFORE_STEPS_MS)
  for (const [index, action] of STEP_PLAN.entries()) {
    const kind = action.startsWith('zoom') ? 'zoom' : 'pan'
    try {
      const ms = await withTimeout(inPage(page, stepInPage, [system, action, QUIET_MS] as [System, StepAction, number]), stepLimitMs + QUIET_MS, `${action} step`)
      samples[kind].push(ms)
    } catch (error) {
      if (!(error instanceof StepTimeout)) throw error
      samples[kind].push(stepLimitMs)
      samples.timedOut = kind
      progress(`    ${action} step ${index + 1}: timed out after ${Math.round(stepLimitMs / 1000)} s; stopping the steps`)
      break
    }
  }
  return samples
}

export function quantile(samples: readonly number[], q: number): number | null {
  if (samples.length === 0) return null
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
}

export const median = (samples: readonly number[]) => quantile(samples, 0.5)

/** Heap in use by the page's JavaScript after a full garbage collection, in MB (CDP; null if unavailable). */
export async function heapMB(page: Page): Promise<number | null> {
  try {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
    await cdp.detach()
    return usedSize / 1e6
  } catch {
    const used = await page.evaluate(() => (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null)
    return used === null ? null : used / 1e6
  }
}
