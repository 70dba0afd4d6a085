/**
 * Figures for the main-process timeline engine (interval index, level of detail, density overview,
 * search) on synthetic timelines. Run: `node --import tsx bench/engine.ts [--sizes 1000,10000,100000]`
 * (add `--expose-gc` before `--import` for steadier memory figures).
 *
 * Zoom/pan sequences are seeded, so two runs make the same queries; timings vary with the machine.
 */
import { performance } from 'node:perf_hooks'
import { TimelineIndexes } from '../main/timelineIndex/timelineIndexes'
import { readDate, readDateWithEdtf } from '../main/domain/dates'
import { seededRandom, syntheticTimeline } from './synthetic'

const sizesArg = process.argv.indexOf('--sizes')
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [1_000, 10_000, 100_000]
const FROM = Date.UTC(1991, 0, 1)
const TO = Date.UTC(2023, 0, 1)
/**
 * Common words (each in 3–25 % of the synthetic documents: its vocabulary is small, the worst case for
 * an inverted index), rarer names and record numbers, two-word queries, a prefix ('provoc'), typos
 * ('ceasfire', 'shevchnko'), and a miss.
 */
const SEARCHES = ['kazakh', 'pipeline construction', 'sevastopol ratifies', 'sanctions moscow', 'zhanaozen fuel', 'ceasfire', 'corroborate', 'provoc', 'reuters troop', 'likely energy', 'kazakhstan', 'aigerim karimov', 'shevchnko', 'UKR48213', 'gelashvili tbilisi']

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`
/** Wall time and this process's CPU time: on a busy machine CPU time is closer to what a quiet one would show. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1_000
}
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`

function collect(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

/** A user's session: zoom in and out by steps of 1.5× around a point, pan by 10–30 % of the window. */
function zoomPanWindows(count: number, seed: number): { start: number; end: number; widthPx: number; kind: 'zoom' | 'pan' }[] {
  const random = seededRandom(seed)
  const windows: { start: number; end: number; widthPx: number; kind: 'zoom' | 'pan' }[] = []
  let start = FROM
  let end = TO
  for (let i = 0; i < count; i++) {
    const span = end - start
    if (random() < 0.5) {
      const factor = random() < 0.55 ? 1 / 1.5 : 1.5
      const centre = start + span * random()
      const next = Math.min(TO - FROM, Math.max(6 * 3_600_000, span * factor))
      start = centre - next * ((centre - start) / span)
      end = start + next
      windows.push({ start, end, widthPx: 1_400, kind: 'zoom' })
    } else {
      const shift = span * (0.1 + 0.2 * random()) * (random() < 0.5 ? -1 : 1)
      start += shift
      end += shift
      if (end < FROM || start > TO) {
        start = FROM
        end = TO
      }
      windows.push({ start, end, widthPx: 1_400, kind: 'pan' })
    }
  }
  return windows
}

/** One row of the summary printed at the end (wall-clock ms unless named CPU). */
interface Summary {
  events: number
  buildMs: number
  viewportP95Ms: number
  viewportP95CpuMs: number
  searchP95Ms: number
  searchP95CpuMs: number
  searchReadyMs: number
  indexHeapMB: number
}
const summaries: Summary[] = []

async function measure(events: number): Promise<void> {
  console.log(`\n== ${events.toLocaleString('en-GB')} events, 10,000 annotations ==`)
  const document = syntheticTimeline({ events })
  collect()
  const heapBefore = process.memoryUsage().heapUsed

  // Reading dates alone, through the edtf package and through readDate (plain shapes first), on 5,000 of them.
  const sample = document.events.slice(0, 5_000).map((e) => e.date)
  let t = performance.now()
  for (const date of sample) readDateWithEdtf(date)
  const edtfPer = (performance.now() - t) / sample.length
  t = performance.now()
  for (const date of sample) readDate(date)
  const quickPer = (performance.now() - t) / sample.length
  console.log(`date reading per date: edtf package ${ms(edtfPer)}, readDate (plain shapes first) ${ms(quickPer)}`)

  let lazy: TimelineIndexes | null = new TimelineIndexes({ searchBuild: 'on-first-search' })
  let cpu = cpuNow()
  t = performance.now()
  lazy.rebuild(document)
  const buildMs = performance.now() - t
  console.log(`index build (records, interval indexes; search not yet): ${ms(buildMs)} (CPU ${ms(cpuNow() - cpu)})`)

  cpu = cpuNow()
  t = performance.now()
  lazy.densityOverview(600)
  const densityFirst = performance.now() - t
  const densityCpu = cpuNow() - cpu
  t = performance.now()
  lazy.densityOverview(600)
  console.log(`density overview, 600 bins: first ${ms(densityFirst)} (CPU ${ms(densityCpu)}), cached ${ms(performance.now() - t)}`)

  for (const w of zoomPanWindows(50, 99)) lazy.viewportItems(w) // warm-up, unmeasured
  const windows = zoomPanWindows(400, 7)
  const zoomTimes: number[] = []
  const panTimes: number[] = []
  const cpuTimes: number[] = []
  let shownMax = 0
  for (const w of windows) {
    const cpu = cpuNow()
    t = performance.now()
    const slice = lazy.viewportItems(w)
    const took = performance.now() - t
    cpuTimes.push(cpuNow() - cpu)
    ;(w.kind === 'zoom' ? zoomTimes : panTimes).push(took)
    shownMax = Math.max(shownMax, slice.items.length + slice.clusters.length)
  }
  const all = [...zoomTimes, ...panTimes]
  console.log(
    `viewport query over ${all.length} zoom/pan steps: median ${ms(quantile(all, 0.5))}, p95 ${ms(quantile(all, 0.95))}, max ${ms(Math.max(...all))}` +
      ` (zoom p95 ${ms(quantile(zoomTimes, 0.95))}, pan p95 ${ms(quantile(panTimes, 0.95))}; CPU time median ${ms(quantile(cpuTimes, 0.5))}, p95 ${ms(quantile(cpuTimes, 0.95))}); most drawn at once: ${shownMax}`,
  )
  t = performance.now()
  const whole = lazy.viewportItems({ start: FROM, end: TO, widthPx: 1_400 })
  console.log(`whole range in one view: ${ms(performance.now() - t)}, ${whole.items.length} items + ${whole.clusters.length} clusters for ${whole.total} event-lane pairs`)

  cpu = cpuNow()
  t = performance.now()
  const first = await lazy.search({ text: SEARCHES[0]! })
  console.log(`search built on first search: ${ms(performance.now() - t)} (CPU ${ms(cpuNow() - cpu)}; first query included; ${first.total} hits)`)

  // One unmeasured round first: the first run of each query shape pays for compiling the code.
  for (const text of SEARCHES) await lazy.search({ text, limit: 100 })
  const searchTimes: number[] = []
  const searchCpu: number[] = []
  for (let round = 0; round < 3; round++) {
    for (const text of SEARCHES) {
      const cpu = cpuNow()
      t = performance.now()
      await lazy.search({ text, limit: 100 })
      searchTimes.push(performance.now() - t)
      searchCpu.push(cpuNow() - cpu)
    }
  }
  console.log(
    `search latency over ${searchTimes.length} queries: median ${ms(quantile(searchTimes, 0.5))}, p95 ${ms(quantile(searchTimes, 0.95))}` +
      ` (CPU time median ${ms(quantile(searchCpu, 0.5))}, p95 ${ms(quantile(searchCpu, 0.95))})`,
  )
  t = performance.now()
  await lazy.search({ text: 'sanctions', filter: { lanes: ['russia'], minGrade: 'B2', from: Date.UTC(2014, 0, 1), to: Date.UTC(2015, 0, 1) } })
  console.log(`filtered search (lane, grade B2, one year): ${ms(performance.now() - t)}`)

  lazy = null
  collect()
  const eager = new TimelineIndexes({ searchBuild: 'at-open' })
  t = performance.now()
  eager.rebuild(document)
  const blocking = performance.now() - t
  let longestPause = 0
  let last = performance.now()
  const ticker = setInterval(() => {
    const now = performance.now()
    longestPause = Math.max(longestPause, now - last)
    last = now
  }, 1)
  await eager.searchReady()
  clearInterval(ticker)
  const searchReadyMs = performance.now() - t
  console.log(`search built at open, in the background: ${ms(searchReadyMs)} to ready (rebuild itself ${ms(blocking)}; longest main-loop pause ${ms(longestPause)})`)

  const editTimes: number[] = []
  for (let i = 0; i < 50; i++) {
    const original = document.events[(i * 1_999) % document.events.length]!
    const edited = { ...original, title: `${original.title} (revised)`, date: '2022-02-24' }
    t = performance.now()
    eager.applyChange({ events: { updated: [edited] } })
    editTimes.push(performance.now() - t)
  }
  console.log(`one event edited (indexes and search updated): median ${ms(quantile(editTimes, 0.5))}, p95 ${ms(quantile(editTimes, 0.95))}`)
  // A document as an edit leaves it: 50 events replaced by copies, every other object shared.
  const revised = { ...document, events: document.events.map((e, i) => (i % Math.ceil(document.events.length / 50) === 0 ? { ...e, title: `${e.title} (again)` } : e)) }
  eager.sync(document)
  cpu = cpuNow()
  t = performance.now()
  eager.sync(revised)
  console.log(`sync with a document where 50 events changed (one pass over all events): ${ms(performance.now() - t)} (CPU ${ms(cpuNow() - cpu)})`)
  const noted = { ...revised, annotations: [...revised.annotations.slice(1), { ...revised.annotations[0]!, text: 'Revised note' }] }
  cpu = cpuNow()
  t = performance.now()
  eager.sync(noted)
  console.log(`sync after a note edit (events array unchanged, skipped): ${ms(performance.now() - t)} (CPU ${ms(cpuNow() - cpu)})`)
  collect()
  const usage = process.memoryUsage()
  console.log(`memory with one complete index set: heap used ${mb(usage.heapUsed)} (document alone ${mb(heapBefore)}; indexes ${mb(usage.heapUsed - heapBefore)}), rss ${mb(usage.rss)}`)
  summaries.push({
    events,
    buildMs,
    viewportP95Ms: quantile(all, 0.95),
    viewportP95CpuMs: quantile(cpuTimes, 0.95),
    searchP95Ms: quantile(searchTimes, 0.95),
    searchP95CpuMs: quantile(searchCpu, 0.95),
    searchReadyMs,
    indexHeapMB: Math.round((usage.heapUsed - heapBefore) / 1e6),
  })
}

for (const size of SIZES) await measure(size)
const load = (await import('node:os')).loadavg()[0]!
console.log(`\nSummary (targets at 100,000: viewport p95 well under 10 ms, search ≤ 50 ms, index build part of a ≤ 1.5 s open; load average now ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`)
console.table(
  summaries.map((s) => ({
    events: s.events,
    'index build ms': Math.round(s.buildMs),
    'viewport p95 ms (CPU)': `${s.viewportP95Ms.toFixed(1)} (${s.viewportP95CpuMs.toFixed(1)})`,
    'search p95 ms (CPU)': `${s.searchP95Ms.toFixed(1)} (${s.searchP95CpuMs.toFixed(1)})`,
    'search ready at open ms': Math.round(s.searchReadyMs),
    'index heap MB': s.indexHeapMB,
  })),
)
