/**
 * How long a figure export takes for 1,000 and 10,000 events, per format (`npx tsx bench/figureExport.ts`).
 * "first" is a fresh process's first export (what the command line pays: JIT warm-up, EDTF parsing);
 * "warm" is the median of the next three (what the app pays on a second export or preview).
 * CPU time (all threads of this process) is printed beside wall time: on a busy machine wall time
 * measures the neighbours as much as the export.
 */
import { performance } from 'node:perf_hooks'
import { renderFigureFile } from '../main/figure/figureFile'
import { loadFigureFonts } from '../main/figure/fonts'
import type { FigureFormat } from '../main/figure/options'
import { syntheticTimeline } from '../test/figure/fixtures'

const fonts = loadFigureFonts()
const FORMATS: FigureFormat[] = ['svg', 'png', 'pdf']

async function time(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const start = performance.now()
  const cpu = process.cpuUsage()
  await run()
  const used = process.cpuUsage(cpu)
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

console.log('events  format  first ms (cpu)  warm ms (cpu)  file size  labels dropped')
for (const count of [1_000, 10_000]) {
  const document = syntheticTimeline(count)
  for (const format of FORMATS) {
    const options = { size: { preset: 'slide' as const }, banner: 'UNCLASSIFIED', footnotes: true }
    let last: Awaited<ReturnType<typeof renderFigureFile>> | null = null
    const first = await time(async () => (last = await renderFigureFile(document, options, format, fonts)))
    const warm: { wall: number; cpu: number }[] = []
    for (let i = 0; i < 3; i++) warm.push(await time(() => renderFigureFile(document, options, format, fonts)))
    const { bytes, figure } = last!
    const both = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(0)} (${t.cpu.toFixed(0)})`
    const typical = { wall: median(warm.map((w) => w.wall)), cpu: median(warm.map((w) => w.cpu)) }
    console.log(
      `${String(count).padStart(6)}  ${format.padEnd(6)}  ${both(first).padStart(14)}  ${both(typical).padStart(13)}  ${`${(bytes.byteLength / 1024).toFixed(0)} KB`.padStart(9)}  ${String(figure.dropped.length).padStart(14)}`,
    )
  }
}
