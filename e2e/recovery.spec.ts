/** A damaged timeline file is moved aside, never overwritten, and the analyst is told in plain words. */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { test, expect, AnnalistPage } from './fixtures'
import { launchApp, type Target } from './launch'
import { DEFAULT_TIMELINE_NAME, timelinePath, timelinesDir } from '../main/store/library'

const DAMAGED_FILES: Record<string, string> = {
  'an empty file': '',
  'invalid JSON': '{"schemaVersion": 1, "meta": {"title": "Half a',
  'NUL bytes from a power cut': '\u0000'.repeat(64),
}

for (const [kind, contents] of Object.entries(DAMAGED_FILES)) {
  test(`opening ${kind} keeps it aside, restores a timeline and says so`, async ({ dataDir }, testInfo) => {
    await mkdir(timelinesDir(dataDir), { recursive: true })
    const file = timelinePath(dataDir, DEFAULT_TIMELINE_NAME)
    await writeFile(file, contents)

    const app = await launchApp({ dataDir, target: testInfo.project.name as Target })
    const annalist = new AnnalistPage(app.page)
    await annalist.waitForReady()
    const notice = annalist.page.getByRole('alert')
    await expect(notice).toContainText('could not open')
    await expect(notice).toContainText('.corrupt-')
    await expect(annalist.eventItems().first()).toBeVisible()
    await app.close()

    const aside = (await readdir(timelinesDir(dataDir))).filter((name) => name.includes('.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(await readFile(`${timelinesDir(dataDir)}/${aside[0]}`, 'utf8')).toBe(contents)
    JSON.parse(await readFile(file, 'utf8'))
  })
}

test('a backup is listed with its counts and restores the timeline', async ({ annalist }) => {
  await annalist.button('Commands').click()
  await annalist.page.getByRole('menuitem', { name: 'Restore from backup…' }).click()
  const dialog = annalist.page.getByRole('dialog', { name: 'Restore from backup' })
  const rows = dialog.getByRole('row')
  await expect(rows.nth(1)).toContainText('17')
  await dialog.getByRole('button', { name: /^Restore the backup from/ }).first().click()
  await expect(dialog).toBeHidden()
  await expect(annalist.page.getByRole('status').filter({ hasText: 'Restored the backup' })).toBeVisible()
  await expect.poll(async () => (await annalist.drawnEventIds()).length).toBe(17)
})

test('the toolbar says when every change is saved', async ({ annalist }) => {
  await expect(annalist.page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved')
})

test('while saving fails the toolbar says so, and Retry now saves as soon as the folder is back', async ({ annalist, dataDir }) => {
  const { page } = annalist
  const status = page.getByRole('status', { name: 'Save state' })
  const retry = annalist.button('Retry now')
  await expect(status).toHaveText('All changes saved')
  await expect(retry).toBeHidden()

  // The timelines folder goes away, as on an unplugged drive: a file in its place takes no writes.
  const folder = timelinesDir(dataDir)
  await rename(folder, `${folder}.away`)
  await writeFile(folder, '')
  await page.evaluate(async () => {
    await window.annalist.setPreferences({ author: { name: 'Test Analyst' } })
    await window.annalist.addAnnotation({ anchor: { kind: 'moment', date: '2021-12-07' }, text: 'Written while the folder was away' })
  })
  await expect(status).toContainText('Not saved — retrying (the folder holding the timeline cannot be found (ENOTDIR))')
  await expect(retry).toBeVisible()

  // Retries come after 0.5, 1 and 2 s, then wait 5 s: 4.5 s on, the next one is seconds away.
  await page.waitForTimeout(4_500)
  await rm(folder)
  await rename(`${folder}.away`, folder)
  await retry.click()
  await expect(status).toHaveText('All changes saved', { timeout: 2_000 })
  await expect(retry).toBeHidden()
  expect(await readFile(timelinePath(dataDir, DEFAULT_TIMELINE_NAME), 'utf8')).toContain('Written while the folder was away')
})
