/** Several timelines through the window: New, Open Recent back to the seed, Save a Copy As, Rename. */
import { mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test, expect, type AnnalistPage } from './fixtures'
import { parseTimelineText } from '../main/store/timelineFile'

const heading = (annalist: AnnalistPage) => annalist.page.getByRole('heading', { level: 1 })

test('New makes an empty timeline titled as typed; Open Recent goes back to the seed', async ({ annalist }) => {
  const seedTitle = (await heading(annalist).textContent()) ?? ''
  expect((await annalist.drawnEventIds()).length).toBeGreaterThan(5)

  await annalist.runCommand('New timeline…')
  const dialog = annalist.page.getByRole('dialog', { name: 'New timeline' })
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Sahel coups, 2020–23')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(heading(annalist)).toHaveText('Sahel coups, 2020–23')
  await expect.poll(() => annalist.drawnEventIds()).toEqual([])

  await annalist.runCommand('Open timeline…')
  const chooser = annalist.page.getByRole('dialog', { name: 'Open a timeline' })
  await expect(chooser.getByRole('table', { name: 'Timelines in your library' })).toContainText('Sahel coups, 2020–23')
  await chooser.getByRole('button', { name: `Open recent: ${seedTitle}` }).click()
  await expect(chooser).toBeHidden()
  await expect(heading(annalist)).toHaveText(seedTitle)
  await expect.poll(async () => (await annalist.drawnEventIds()).length).toBeGreaterThan(5)
})

test('Save a Copy As writes a valid timeline; Rename retitles and Undo puts the title back', async ({ annalist, app }) => {
  const seedTitle = (await heading(annalist).textContent()) ?? ''
  const folder = await mkdtemp(path.join(os.tmpdir(), 'annalist-copy-'))
  const copy = path.join(folder, 'briefing-copy.annalist.json')
  app.answerDialogs(copy)
  await annalist.runCommand('Save a copy as…')
  await expect(annalist.page.getByRole('status').first()).toContainText(`Saved a copy`)
  const saved = parseTimelineText(await readFile(copy, 'utf8'))
  expect(saved.meta.title).toBe(seedTitle)
  expect(saved.events.length).toBeGreaterThan(5)

  await annalist.runCommand('Rename timeline…')
  const dialog = annalist.page.getByRole('dialog', { name: 'Rename timeline' })
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Russia and the West, 2021–22 (working copy)')
  await dialog.getByRole('button', { name: 'Rename' }).click()
  await expect(heading(annalist)).toHaveText('Russia and the West, 2021–22 (working copy)')
  await annalist.runCommand('Undo')
  await expect(heading(annalist)).toHaveText(seedTitle)
})
