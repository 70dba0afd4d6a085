/**
 * File ▸ Export figure… as an analyst uses it: from the command menu, a live preview that follows
 * the options, then files written through the app's own handler (the harness answers the native
 * save dialog, so this runs on the Chromium target).
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PNG } from 'pngjs'
import type { Locator } from '@playwright/test'
import { test, expect, type AnnalistPage } from './fixtures'

const TITLE = 'Russia–West crisis, winter 2021–22'
const BANNER = 'UNCLASSIFIED // FOR OFFICIAL USE ONLY'

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'the save dialog is answered by the Chromium harness only')
})

async function openExportDialog(annalist: AnnalistPage): Promise<Locator> {
  await annalist.button('Commands').click()
  await annalist.page.getByRole('menuitem', { name: 'Export figure…', exact: true }).click()
  const dialog = annalist.page.getByRole('dialog', { name: 'Export figure' })
  await expect(dialog).toBeVisible()
  return dialog
}

function previewImage(dialog: Locator): Locator {
  return dialog.getByRole('img', { name: 'Figure preview' })
}

/** The preview shown once it has been drawn for the latest options. */
async function settledPreviewSource(dialog: Locator): Promise<string> {
  await expect(dialog.getByRole('region', { name: 'Preview' })).toHaveAttribute('aria-busy', 'false')
  await expect.poll(() => previewImage(dialog).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
  return (await previewImage(dialog).getAttribute('src')) ?? ''
}

async function exportAs(app: { answerDialogs(...paths: string[]): void }, dialog: Locator, format: 'PNG' | 'SVG' | 'PDF', file: string): Promise<void> {
  await dialog.getByRole('radio', { name: format }).check()
  app.answerDialogs(file)
  await dialog.getByRole('button', { name: `Export ${format}…` }).click()
  await expect(dialog.getByRole('status').filter({ hasText: `Saved ${path.basename(file)}` })).toBeVisible({ timeout: 30_000 })
}

test('the export dialog previews the figure as options change and writes PNG and SVG through the app', async ({ annalist, app, dataDir }) => {
  const dialog = await openExportDialog(annalist)
  const firstPreview = await settledPreviewSource(dialog)
  expect(firstPreview).toMatch(/^data:image\/png;base64,/)
  await expect(dialog.getByText(/\d+ events? in the figure/)).toBeVisible()

  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(TITLE)
  await dialog.getByRole('combobox', { name: 'Classification banner' }).fill(BANNER)
  await expect.poll(() => settledPreviewSource(dialog)).not.toBe(firstPreview)
  // The preview is an image, not markup in the page: no figure text exists in the document.
  await expect(annalist.page.locator('svg text', { hasText: TITLE })).toHaveCount(0)

  await dialog.getByRole('combobox', { name: 'PNG scale' }).selectOption('2')
  await expect(dialog.getByText('1920 × 1080 px; the PNG is 3840 × 2160 px')).toBeVisible()
  const png = path.join(dataDir, 'crisis.png')
  await exportAs(app, dialog, 'PNG', png)
  const image = PNG.sync.read(await readFile(png))
  expect([image.width, image.height]).toEqual([3840, 2160])
  // The banner across the top is a dark band.
  const topMiddle = (image.width * 6 + 40) * 4
  expect(image.data[topMiddle]! + image.data[topMiddle + 1]! + image.data[topMiddle + 2]!).toBeLessThan(200)

  const svg = path.join(dataDir, 'crisis.svg')
  await exportAs(app, dialog, 'SVG', svg)
  const text = await readFile(svg, 'utf8')
  expect(text).toContain(TITLE)
  expect(text.split(BANNER).length - 1, 'banner top and bottom').toBeGreaterThanOrEqual(2)

  // Reopened, the dialog has this timeline's last options.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await openExportDialog(annalist)
  await expect(dialog.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(TITLE)
  await expect(dialog.getByRole('combobox', { name: 'Classification banner' })).toHaveValue(BANNER)
  await expect(dialog.getByRole('combobox', { name: 'PNG scale' })).toHaveValue('2')

  expect(app.networkRequests).toEqual([])
})

test('dates are read as typed, unreadable ones stop the export, and a cancelled save writes nothing', async ({ annalist, app, dataDir }) => {
  const dialog = await openExportDialog(annalist)
  await settledPreviewSource(dialog)
  await dialog.getByRole('radio', { name: 'Between dates' }).check()
  const from = dialog.getByRole('textbox', { name: 'From (EDTF)' })
  const to = dialog.getByRole('textbox', { name: 'To (EDTF)' })
  await from.fill('2021-11')
  await to.fill('not a date')
  await expect(dialog.getByText('November 2021')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Export PNG…' })).toBeDisabled()
  await expect(dialog.getByText('One of the dates cannot be read; see under it.')).toBeVisible()

  await to.fill('2022-02')
  await expect(dialog.getByText('February 2022')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Export PNG…' })).toBeEnabled()
  const before = await previewImage(dialog).getAttribute('src')
  await expect.poll(() => settledPreviewSource(dialog)).not.toBe(before)
  await expect(dialog.getByText('10 events in the figure')).toBeVisible()

  app.answerDialogs(null)
  await dialog.getByRole('button', { name: 'Export PNG…' }).click()
  await expect(dialog.getByText('Export cancelled; nothing was saved.')).toBeVisible()
  expect(existsSync(path.join(dataDir, 'crisis.png'))).toBe(false)
  expect(app.networkRequests).toEqual([])
})

test("the figure follows the timeline window's filter and says so", async ({ annalist }) => {
  const page = annalist.page
  await page.getByRole('tab', { name: 'Search' }).click()
  await page.locator('summary', { hasText: 'Filters' }).click()
  await page.getByRole('combobox', { name: 'Tags' }).fill('unrest')
  // The filter applies once typing pauses; the dialog reads it when it opens.
  await page.waitForTimeout(800)
  const dialog = await openExportDialog(annalist)
  await expect(dialog.getByText('All lanes · tagged unrest, as in the timeline window.')).toBeVisible()
  await dialog.getByRole('radio', { name: 'Between dates' }).check()
  await dialog.getByRole('textbox', { name: 'From (EDTF)' }).fill('2021-11')
  await dialog.getByRole('textbox', { name: 'To (EDTF)' }).fill('2022-02')
  // Kazakhstan unrest, the CSTO deployment and Wang Yi's call carry the tag; seven other events in the range do not.
  await expect(dialog.getByText('3 events in the figure')).toBeVisible()
})
