/**
 * `npm run bench`: Annalist against plain vis-timeline on deterministic synthetic timelines
 * (bench/synthetic.ts: 10 lanes, 1991–2022, points, spans and uncertain dates, 10,000 notes).
 *
 *   npm run bench -- [--sizes 1000,10000,100000] [--runs 3] [--open-timeout 180] [--step-timeout 30] [--annotations 10000] [--no-import]
 *
 * For each size and run: Annalist on the Chromium target (and Electron when installed) through
 * e2e/launch.ts, then the peer (bench/browser/peer.html) in the same Chromium. Each figure is the
 * median over runs. Prints a table with Annalist ÷ peer ratios and writes bench/results.json.
 *
 * What each figure is:
 * - openMs: on the window's own clock, from its start (the page's navigation) to the window ready
 *   with the first items drawn, plus two animation frames so they are on screen. Annalist's main
 *   process starts reading the file as the window starts loading (as the app does). The peer's
 *   page starts loading its data as its script runs and stops two frames after its timeline is
 *   built and shown. Starting the browser and its page (1.2–1.9 s here, Playwright's and the
 *   same for both) is not counted; the same moment timed from the launch is printed under the table.
 * - zoomP50Ms / zoomP95Ms / panP95Ms: see bench/browser/steps.ts (trigger to the second frame after
 *   the timeline's DOM stops changing). Plan: from the whole timeline, one second after opening,
 *   zoom in ×2 six times, pan 20 % right five times and left five times, zoom out six times.
 * - searchMs: median round trip of window.annalist.search over 13 queries (peer: no search, null).
 * - annotationAckMs: median round trip of window.annalist.addAnnotation over 9 notes, answered once
 *   the note is durably saved (peer: no notes, null). Added after the steps and before the searches:
 *   at 100,000 events the search index is then still being built, as soon after opening.
 * - heapMB: the page's JavaScript heap after a forced garbage collection (CDP Runtime.getHeapUsage);
 *   Annalist's after the steps, notes and search, the peer's right after opening.
 * - A step over its time limit stops that run's steps; its figure is then the limit (a lower
 *   bound, marked ">" in the table) and the figures after it are null.
 * Extras printed under the table (not in results.json, whose shape the issue fixes): open timed
 * from the launch, the first of the 9 notes' acknowledgement, the figure preview round trip at 10,000 events (window.annalist.previewFigure:
 * whole timeline, slide, SVG), the main process's memory at the largest size, stage by stage
 * (bench/mainMemory.ts: the heap figure above is the window's) and a 100,000-row ACLED CSV import
 * through the formats modules in Node (bench/csvImport.ts).
 */
import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { chromiumExecutable, electronExecutable, type Target } from '../e2e/launch'
import { serializeTimeline } from '../main/store/timelineFile'
import { DEFAULT_TIMELINE_NAME, timelinePath } from '../main/store/library'
import { syntheticTimeline } from './synthetic'
import { measureAnnalist } from './browser/annalistRun'
import type { Limits, RunFigures } from './browser/runFigures'
import { buildPeerPage, measurePeer, peerData } from './browser/peerRun'
import { median } from './browser/steps'

const here = path.dirname(fileURLToPath(import.meta.url))
const FIGURES = ['openMs', 'zoomP50Ms', 'zoomP95Ms', 'panP95Ms', 'searchMs', 'annotationAckMs', 'heapMB'] as const
type Figure = (typeof FIGURES)[number]
type System = 'annalist' | 'vis-timeline'

interface ResultRun extends Record<Figure, number | null> {
  system: System
  target: Target
  events: number
  annotations: number
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? process.argv[at + 1] : undefined
}
const SIZES = (option('sizes') ?? '1000,10000,100000').split(',').map(Number)
const RUNS = Number(option('runs') ?? 3)
const LIMITS: Limits = { openMs: Number(option('open-timeout') ?? 180) * 1000, stepMs: Number(option('step-timeout') ?? 30) * 1000 }
/** The issue pairs 10,000 notes with every size; `--annotations` changes it (e.g. to tell note costs from event costs). */
const ANNOTATIONS = Number(option('annotations') ?? 10_000)
if (SIZES.some((size) => !Number.isInteger(size) || size < 1) || !(RUNS >= 1)) throw new Error('usage: npm run bench -- [--sizes 1000,10000] [--runs 3]')

const began = Date.now()
const progress = (line: string) => console.error(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`)

async function machine(): Promise<string> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable()!, args: ['--no-sandbox'] })
  const version = browser.version()
  await browser.close()
  const cpu = cpus()
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GB, ${platform()} ${release()}, Node ${process.version}, Chromium ${version}, load average ${loadavg()[0]!.toFixed(1)} at start`
}

/** Figure by figure, the median over runs; a figure any run timed out on is kept as a timeout. */
function combine(runs: RunFigures[]): { figures: Record<Figure, number | null>; timedOut: Set<Figure> } {
  const figures = {} as Record<Figure, number | null>
  const timedOut = new Set<Figure>()
  for (const figure of FIGURES) {
    const values = runs.map((run) => run[figure]).filter((value): value is number => value !== null)
    figures[figure] = median(values)
    if (runs.some((run) => run.timedOut.includes(figure))) timedOut.add(figure)
  }
  return { figures, timedOut }
}

async function csvImportSeconds(): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(here, 'csvImport.ts'), '100000'], { maxBuffer: 1e7 })
  const total = /total to an importable document\s+([\d.]+ s)/.exec(stdout)?.[1]
  const cpu = /CPU time for those stages\s+([\d.]+ s)/.exec(stdout)?.[1]
  return total ? `${total} wall, ${cpu ?? '?'} CPU (read, parse, preview and apply in Node; bench/csvImport.ts)` : 'not measured (unexpected output)'
}

/**
 * Writes the synthetic timeline of this size and the peer's items to files, keeping neither in
 * memory: on the Chromium target this process runs Annalist's main-process side, and with the
 * generated timeline and the peer's items held here (~200 MB at 100,000 events) its garbage
 * collection slowed Annalist's opening: 5.5 s against 4.1 s (medians of 6, 100,000 events).
 */
async function writeSyntheticFiles(events: number, work: string): Promise<{ template: string; peerItems: string }> {
  const document = syntheticTimeline({ events, annotations: ANNOTATIONS })
  const template = path.join(work, `timeline-${events}.json`)
  const peerItems = path.join(work, `peer-items-${events}.json`)
  await writeFile(template, serializeTimeline(document))
  await writeFile(peerItems, JSON.stringify(peerData(document)))
  return { template, peerItems }
}

/** `npm run bench` runs this with --expose-gc (as bench/mainMemory.ts). */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('run with --expose-gc (npm run bench does)')
  gc()
}

/** The main process's memory for an open timeline, stage by stage, in a Node process of its own (bench/mainMemory.ts). */
async function mainProcessMemory(file: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(here, 'mainMemory.ts'), file], { maxBuffer: 1e7 })
  return stdout.trim().split('\n')
}

async function main(): Promise<void> {
  if (!chromiumExecutable()) throw new Error('Chromium not found (set PLAYWRIGHT_CHROMIUM_EXECUTABLE)')
  const targets: Target[] = ['chromium', ...(electronExecutable() ? (['electron'] as const) : [])]
  progress(`sizes ${SIZES.join(', ')}; ${RUNS} run(s) each; targets ${targets.join(', ')} + peer (vis-timeline, chromium)`)
  const results: ResultRun[] = []
  const marks = new Map<ResultRun, Set<Figure>>()
  const extras: string[] = []
  const peerPage = await buildPeerPage()
  const work = await mkdtemp(path.join(tmpdir(), 'annalist-bench-'))
  try {
    for (const events of SIZES) {
      progress(`${events.toLocaleString('en')} events: generating the synthetic timeline`)
      const { template, peerItems } = await writeSyntheticFiles(events, work)
      const perSystem = new Map<string, RunFigures[]>()
      const record = (key: string, figures: RunFigures) => perSystem.set(key, [...(perSystem.get(key) ?? []), figures])
      for (let run = 1; run <= RUNS; run++) {
        for (const target of targets) {
          progress(`${events.toLocaleString('en')} events, run ${run}/${RUNS}: Annalist (${target})`)
          const dataDir = await mkdtemp(path.join(work, 'data-'))
          await mkdir(path.dirname(timelinePath(dataDir, DEFAULT_TIMELINE_NAME)), { recursive: true })
          await copyFile(template, timelinePath(dataDir, DEFAULT_TIMELINE_NAME))
          // On the Chromium target this process stands in for Annalist's main process, which starts with nothing else in its heap.
          collectGarbage()
          record(`annalist/${target}`, await measureAnnalist(dataDir, events, target, LIMITS, events === 10_000 && run === 1 && target === 'chromium', progress))
          await rm(dataDir, { recursive: true, force: true })
        }
        progress(`${events.toLocaleString('en')} events, run ${run}/${RUNS}: peer (vis-timeline, chromium)`)
        record('vis-timeline/chromium', await measurePeer(peerPage, peerItems, LIMITS, progress))
      }
      if (events === Math.max(...SIZES)) {
        progress(`${events.toLocaleString('en')} events: the main process's memory (Node)`)
        for (const line of await mainProcessMemory(template)) extras.push(`Main process memory, ${events.toLocaleString('en')} events, ${line}`)
      }
      for (const [key, runs] of perSystem) {
        const [system, target] = key.split('/') as [System, Target]
        const { figures, timedOut } = combine(runs)
        const row: ResultRun = { system, target, events, annotations: ANNOTATIONS, ...figures }
        results.push(row)
        marks.set(row, timedOut)
        const launched = median(runs.flatMap((run) => (run.openWithLaunchMs == null ? [] : [run.openWithLaunchMs])))
        if (launched !== null) extras.push(`Open from launch (browser start included), ${system} (${target}), ${events.toLocaleString('en')} events: ${Math.round(launched)} ms`)
        const firstNote = median(runs.flatMap((run) => (run.firstNoteAckMs == null ? [] : [run.firstNoteAckMs])))
        if (firstNote !== null) extras.push(`First note acknowledged, ${system} (${target}), ${events.toLocaleString('en')} events: ${Math.round(firstNote)} ms`)
        const preview = runs[0]?.figurePreviewMs
        if (preview != null) extras.push(`Figure preview, ${events.toLocaleString('en')} events (window.annalist.previewFigure, whole timeline, slide, SVG): ${Math.round(preview)} ms`)
      }
    }
    if (!process.argv.includes('--no-import')) {
      progress('100,000-row CSV import (Node)')
      extras.push(`CSV import, 100,000 ACLED rows: ${await csvImportSeconds()}`)
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }

  const report = { machine: await machine(), runs: results.map((run) => roundFigures(run)) }
  await writeFile(path.join(here, 'results.json'), `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\n${report.machine}; median of ${RUNS} run(s)\n`)
  console.log(table(results, marks))
  for (const line of extras) console.log(line)
  console.log('\nWrote bench/results.json')
}

function roundFigures(run: ResultRun): ResultRun {
  const rounded = { ...run }
  for (const figure of FIGURES) rounded[figure] = run[figure] === null ? null : Math.round(run[figure]! * 10) / 10
  return rounded
}

function table(runs: ResultRun[], marks: Map<ResultRun, Set<Figure>>): string {
  const heads = ['system', 'target', 'events', 'open ms', 'zoom p50', 'zoom p95', 'pan p95', 'search', 'note ack', 'heap MB']
  const cell = (run: ResultRun, figure: Figure) => {
    const value = run[figure]
    if (value === null) return '—'
    return `${marks.get(run)?.has(figure) ? '>' : ''}${value < 10 ? value.toFixed(1) : Math.round(value)}`
  }
  const rows = runs.map((run) => [run.system, run.target, run.events.toLocaleString('en'), ...FIGURES.map((figure) => cell(run, figure))])
  // Ratios: Annalist ÷ peer on the same target and size (below 1: Annalist is faster / smaller).
  for (const run of runs.filter((r) => r.system === 'annalist' && r.target === 'chromium')) {
    const peer = runs.find((r) => r.system === 'vis-timeline' && r.events === run.events)
    if (!peer) continue
    rows.push([
      'annalist ÷ peer',
      'chromium',
      run.events.toLocaleString('en'),
      ...FIGURES.map((figure) => {
        const a = run[figure]
        const b = peer[figure]
        if (a === null || b === null || b === 0) return '—'
        // A timed-out figure is a bound, so the ratio is too: ">" if Annalist's, "<" if the peer's;
        // two bounds say nothing about each other.
        const annalistBound = marks.get(run)?.has(figure)
        const peerBound = marks.get(peer)?.has(figure)
        if (annalistBound && peerBound) return '—'
        const bound = annalistBound ? '>' : peerBound ? '<' : ''
        return `${bound}${(a / b).toPrecision(2)}`
      }),
    ])
  }
  const widths = heads.map((head, i) => Math.max(head.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(heads), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

await main()
