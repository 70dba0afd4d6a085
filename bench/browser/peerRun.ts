/**
 * One benchmark run of the peer (bench/browser/peer.html): plain vis-timeline fed every item, in
 * the same Chromium with the same flags and window size as Annalist's Chromium target. The page,
 * its bundle and its data are served through Playwright routing; nothing touches the network.
 */
import { chromium, type Browser } from '@playwright/test'
import { build } from 'esbuild'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { chromiumExecutable } from '../../e2e/launch'
import { isDrawnAsSpan, readDate } from '../../main/domain/dates'
import type { TimelineDocument } from '../../main/domain/timeline'
import { cutShort, formatMs as fmt, noFigures, recordSteps, type Limits, type RunFigures } from './runFigures'
import type { PeerData } from './peer'
import { heapMB, runSteps, withTimeout } from './steps'

const here = path.dirname(fileURLToPath(import.meta.url))
const ORIGIN = 'http://peer.localhost'
/** The same flags e2e/launch.ts starts Chromium with, so both systems run in the same browser. */
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const VIEWPORT = { width: 1400, height: 900 }

/** The page's files: peer.html from disk, peer.js and peer.css bundled (and minified) in memory. */
export async function buildPeerPage(): Promise<Map<string, { body: Buffer; type: string }>> {
  const result = await build({
    entryPoints: [path.join(here, 'peer.ts')],
    bundle: true,
    write: false,
    outdir: path.join(here, 'out'),
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    // Minified, as Annalist's window script is (scripts/build.ts): both pages load the same way.
    minify: true,
    logLevel: 'warning',
  })
  const files = new Map<string, { body: Buffer; type: string }>()
  files.set('/peer.html', { body: await readFile(path.join(here, 'peer.html')), type: 'text/html' })
  for (const output of result.outputFiles) {
    const name = `/${path.basename(output.path)}`
    files.set(name, { body: Buffer.from(output.contents), type: name.endsWith('.css') ? 'text/css' : 'text/javascript' })
  }
  return files
}

/** The document as vis-timeline items: one per event and lane, spans as ranges, like Annalist draws them. */
export function peerData(document: TimelineDocument): PeerData {
  const groups = document.lanes.map((lane) => ({ id: lane.id, content: lane.name }))
  const items: PeerData['items'] = []
  let noLane = false
  for (const event of document.events) {
    const reading = readDate(event.date)
    if (!reading.ok) continue
    const { span } = reading
    const lanes = event.lanes.length ? event.lanes : ['']
    noLane ||= event.lanes.length === 0
    for (const lane of lanes) {
      items.push({ id: `${event.id}@${lane}`, group: lane, content: event.title, start: span.start, ...(isDrawnAsSpan(span) ? { end: span.end + 1 } : {}) })
    }
  }
  if (noLane) groups.push({ id: '', content: 'No lane' })
  return { groups, items }
}

/** `itemsFile`: the peer's data (`peerData`) as JSON, served to its page as /items.json. */
export async function measurePeer(page: Map<string, { body: Buffer; type: string }>, itemsFile: string, limits: Limits, progress: (line: string) => void): Promise<RunFigures> {
  const figures = noFigures()
  const started = performance.now()
  let browser: Browser | null = null
  try {
    const { tab, paintedAt } = await withTimeout(
      (async () => {
        browser = await chromium.launch({ executablePath: chromiumExecutable()!, args: CHROMIUM_FLAGS })
        const context = await browser.newContext({ viewport: VIEWPORT })
        await context.route('**/*', async (route) => {
          const url = new URL(route.request().url())
          if (url.origin !== ORIGIN) return route.abort('blockedbyclient')
          if (url.pathname === '/items.json') return route.fulfill({ status: 200, path: itemsFile, headers: { 'Content-Type': 'application/json' } })
          const file = page.get(url.pathname)
          return file ? route.fulfill({ status: 200, body: file.body, headers: { 'Content-Type': file.type } }) : route.fulfill({ status: 404 })
        })
        const tab = await context.newPage()
        await tab.goto(`${ORIGIN}/peer.html`)
        return { tab, paintedAt: await tab.evaluate(() => window.peer.open()) }
      })(),
      limits.openMs,
      'open',
    )
    figures.openWithLaunchMs = performance.now() - started
    figures.openMs = paintedAt
    progress(`    open ${Math.round(figures.openMs)} ms from the page's start, ${Math.round(figures.openWithLaunchMs)} ms from launch`)
    figures.heapMB = await withTimeout(heapMB(tab), limits.stepMs, 'heap reading')

    recordSteps(figures, await runSteps(tab, 'vis-timeline', limits.stepMs, progress), progress)
    return figures
  } catch (error) {
    return cutShort(error, figures, limits, progress)
  } finally {
    await (browser as Browser | null)?.close().catch(() => undefined)
  }
}
