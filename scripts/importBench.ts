/**
 * Import time through the window: a generated N-row CSV (`When,Headline,Notes,Country`) imported into
 * the seed timeline with the same clicks an analyst makes, timed from choosing Import… to the preview
 * and from Import to the status line (applied, saved durably, window reloaded). Takes screenshots of
 * the preview on the way. `npx tsx scripts/importBench.ts [rows] [outDir]`; needs the build first.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { launchApp } from '../e2e/launch'

const rows = Number(process.argv[2] ?? 10_000)
const outDir = process.argv[3] ?? path.join(os.tmpdir(), 'annalist-import-bench')
const countries = ['Ukraine', 'Russia', 'Kazakhstan', 'Türkiye', 'Poland', 'Finland', 'Georgia', 'Moldova']
const lines = ['When,Headline,Notes,Country']
for (let i = 0; i < rows; i++) {
  const day = new Date(Date.UTC(2015, 0, 1) + i * 6 * 3_600_000).toISOString().slice(0, 10)
  lines.push(`${day},"Reported incident ${i + 1}","Field report ${i + 1}, second source pending",${countries[i % countries.length]}`)
}
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'annalist-bench-'))
const csv = path.join(dataDir, `reports-${rows}.csv`)
await writeFile(csv, lines.join('\n'))
await mkdir(outDir, { recursive: true })
const app = await launchApp({ dataDir, viewport: { width: 1440, height: 900 } })
try {
  const { page } = app
  await page.locator('#app[data-ready="true"]').waitFor()
  app.answerDialogs(csv)
  const started = performance.now()
  await page.getByRole('button', { name: 'Commands', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Import…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import' })
  await dialog.getByRole('table', { name: 'First rows as they will appear' }).waitFor()
  const previewed = performance.now()
  await page.screenshot({ path: path.join(outDir, 'import-preview.png') })
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 300_000 })
  const applied = performance.now()
  await page.screenshot({ path: path.join(outDir, 'after-import.png') })
  const loadMs = await page.evaluate(async () => {
    const t = performance.now()
    await window.annalist.loadTimeline()
    return performance.now() - t
  })
  console.log(`loadTimeline over the bridge alone: ${(loadMs / 1000).toFixed(1)} s`)
  console.log(`${rows.toLocaleString('en')} rows: preview ${((previewed - started) / 1000).toFixed(1)} s, apply+save+reload ${((applied - previewed) / 1000).toFixed(1)} s, total ${((applied - started) / 1000).toFixed(1)} s (target ${app.target}; load ${os.loadavg()[0]!.toFixed(1)})`)
} finally {
  await app.close()
  await rm(dataDir, { recursive: true, force: true })
}
