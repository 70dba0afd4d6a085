/**
 * One benchmark run of Annalist on one target: launch on a data folder holding the synthetic
 * timeline, then open, zoom/pan steps, search, note acknowledgement and heap, all through the
 * window as the app uses them (window.annalist is the preload's API on both targets).
 */
import { performance } from 'node:perf_hooks'
import { launchApp, type LaunchedApp, type Target } from '../../e2e/launch'
import { cutShort, formatMs as fmt, noFigures, recordSteps, type Limits, type RunFigures } from './runFigures'
import { heapMB, inPage, median, runSteps, withTimeout } from './steps'

/**
 * Common and rare words, a two-word query, a prefix, a typo, a record number and a miss (the same
 * kinds bench/engine.ts uses); the synthetic vocabulary makes the common ones match thousands.
 */
export const SEARCHES = ['kazakh', 'pipeline construction', 'sevastopol ratifies', 'sanctions moscow', 'zhanaozen fuel', 'ceasfire', 'corroborate', 'provoc', 'reuters troop', 'kazakhstan', 'shevchnko', 'gelashvili tbilisi', 'xylophone']
const NOTES_TO_ADD = 9

export async function measureAnnalist(dataDir: string, events: number, target: Target, limits: Limits, withFigure: boolean, progress: (line: string) => void): Promise<RunFigures> {
  const figures = noFigures()
  const started = performance.now()
  const launching = launchApp({ dataDir, target })
  let app: LaunchedApp | null = null
  try {
    // Open: the window's own clock, from its start to the first items drawn and painted; and the
    // launch (browser start) to the same moment.
    const paintedAt = await withTimeout(
      (async () => {
        app = await launching
        return inPage(app.page, firstPaint, null)
      })(),
      limits.openMs,
      'open',
    )
    figures.openWithLaunchMs = performance.now() - started
    figures.openMs = paintedAt
    const page = (app as LaunchedApp | null)!.page
    // A file the app refuses is replaced by a backup or the seed: the figures would be for that.
    const opened = await inPage(page, openedTimeline, null)
    if (opened.eventCount !== events) throw new Error(`Annalist opened a timeline of ${opened.eventCount} events instead of the ${events} written: ${opened.notices.join(' ')}`)
    const drawn = await page.getAttribute('.timeline', 'data-drawn-items')
    progress(`    open ${Math.round(figures.openMs)} ms from the window's start, ${Math.round(figures.openWithLaunchMs)} ms from launch (${drawn} items drawn)`)

    const steps = await runSteps(page, 'annalist', limits.stepMs, progress)
    recordSteps(figures, steps, progress)
    if (steps.timedOut) return figures

    // Notes before searches: at 100,000 events the search index is then still being built (it
    // waits while the window moves), as when an analyst adds a note soon after opening.
    const noteAcks = await withTimeout(inPage(page, noteTimes, NOTES_TO_ADD), limits.stepMs * NOTES_TO_ADD, 'adding notes')
    figures.annotationAckMs = median(noteAcks)
    figures.firstNoteAckMs = noteAcks[0] ?? null
    figures.searchMs = median(await withTimeout(inPage(page, searchTimes, SEARCHES), limits.stepMs * SEARCHES.length, 'search'))
    progress(`    note acknowledged ${fmt(figures.annotationAckMs)} (the first ${fmt(figures.firstNoteAckMs)}), search ${fmt(figures.searchMs)}`)
    if (withFigure) {
      figures.figurePreviewMs = await withTimeout(inPage(page, figurePreviewTime, null), limits.openMs, 'figure preview')
      progress(`    figure preview (SVG, whole timeline) ${fmt(figures.figurePreviewMs)}`)
    }
    figures.heapMB = await heapMB(page)
    return figures
  } catch (error) {
    return cutShort(error, figures, limits, progress)
  } finally {
    // A launch the open's time limit overtook is still under way, writing into the data folder the
    // caller removes next: give it as long again to finish, then close it.
    const launched = app ?? (await withTimeout(launching, limits.openMs, 'launch').catch(() => null))
    await launched?.close().catch(() => undefined)
  }
}

/**
 * In the page: waits, a frame at a time, for the window to be ready with its first items drawn,
 * then two more frames so they are on screen; answers that moment on the page's clock, which starts
 * when the window starts loading.
 */
async function firstPaint(_: null): Promise<number> {
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
  const drawn = () => document.querySelector('#app[data-ready="true"]') !== null && Number(document.querySelector('.timeline[data-drawn-items]')?.getAttribute('data-drawn-items')) > 0
  while (!drawn()) await frame()
  await frame()
  await frame()
  return performance.now()
}

/** In the page: what the window opened (its event count and any notices). */
async function openedTimeline(_: null): Promise<{ eventCount: number; notices: string[] }> {
  const view = await window.annalist.loadTimeline()
  if (!view.ok) throw new Error(`loadTimeline failed: ${view.error}`)
  return { eventCount: view.value.eventCount, notices: view.value.notices }
}

/** In the page: each query's round trip through window.annalist.search. */
async function searchTimes(queries: string[]): Promise<number[]> {
  const times: number[] = []
  for (const text of queries) {
    const start = performance.now()
    const outcome = await window.annalist.search({ text, limit: 100 })
    times.push(performance.now() - start)
    if (!outcome.ok) throw new Error(`search "${text}" failed: ${outcome.error}`)
  }
  return times
}

/**
 * In the page: adding a note and waiting for the answer, which comes only once the change is
 * durably on disk (the acknowledged-durable latency). The author is set first, as the window does.
 */
async function noteTimes(count: number): Promise<number[]> {
  const named = await window.annalist.setPreferences({ author: { name: 'Bench Analyst' } })
  if (!named.ok) throw new Error(`setPreferences failed: ${named.error}`)
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    const outcome = await window.annalist.addAnnotation({ anchor: { kind: 'moment', date: `2014-03-${String(i + 1).padStart(2, '0')}` }, text: `Benchmark note ${i + 1}` })
    times.push(performance.now() - start)
    if (!outcome.ok) throw new Error(`addAnnotation failed: ${outcome.error}`)
  }
  return times
}

/** In the page: the export dialog's live preview of the whole timeline as a slide (SVG). */
async function figurePreviewTime(_: null): Promise<number> {
  const start = performance.now()
  const outcome = await window.annalist.previewFigure({ size: { preset: 'slide' } })
  if (!outcome.ok) throw new Error(`previewFigure failed: ${outcome.error}`)
  return performance.now() - start
}
