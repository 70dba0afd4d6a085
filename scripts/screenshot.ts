/**
 * Takes the README's screenshots of the seed timeline through `launchApp`, on whichever target
 * runs here: `npx tsx scripts/screenshot.ts [outDir]`. Needs `npm run build` first.
 */
import { mkdtemp, mkdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { launchApp } from '../e2e/launch'
import { takeNoteScreenshots } from './noteScreenshots'

const outDir = process.argv[2] ?? path.join('docs', 'screenshots')
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'annalist-shot-'))
await mkdir(outDir, { recursive: true })
const app = await launchApp({ dataDir, viewport: { width: 1440, height: 860 } })
try {
  const { page } = app
  await page.locator('#app[data-ready="true"]').waitFor()
  await page.waitForTimeout(400)
  await page.screenshot({ path: path.join(outDir, 'seed-timeline.png') })
  await page.keyboard.press('g')
  await page.getByRole('textbox', { name: 'Date (EDTF)' }).fill('2021-11-01/2022-02-28')
  await page.keyboard.press('Enter')
  await page.locator('.ev-title', { hasText: 'US–Russia Strategic Stability Dialogue' }).first().click()
  await page.getByRole('tabpanel', { name: 'Details' }).getByRole('heading', { level: 2 }).waitFor()
  await page.waitForTimeout(500)
  await page.screenshot({ path: path.join(outDir, 'crisis-winter-2021-22.png') })
  await takeNoteScreenshots(page, outDir)
  console.log(`screenshots written to ${outDir} (target: ${app.target})`)
} finally {
  await app.close()
  await rm(dataDir, { recursive: true, force: true })
}
