/**
 * Bringing data in and combining colleagues' work through the window: a CSV through the mapping
 * step (events appear, tagged with where they came from), a cancelled import that changes nothing,
 * and a merge whose conflict is settled in the review list, then undone.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test, expect, type AnnalistPage } from './fixtures'
import { DEFAULT_TIMELINE_NAME, timelinePath } from '../main/store/library'

interface StoredEvent {
  id: string
  title: string
  date: string
  description: string
  lanes: string[]
  tags: string[]
  sources: unknown[]
  provenance?: { file: string; importedAt: string; original: string }
}
interface StoredTimeline {
  lanes: { id: string; name: string }[]
  events: StoredEvent[]
}

async function storedTimeline(dataDir: string): Promise<StoredTimeline> {
  return JSON.parse(await readFile(timelinePath(dataDir, DEFAULT_TIMELINE_NAME), 'utf8')) as StoredTimeline
}

/** Columns Annalist cannot guess ("What happened" is no title it knows), so the mapping step is needed. */
const CSV = [
  'When,What happened,Notes,Country',
  '2023-03-01,Border crossing reopened,"Reported by two agencies,\nconfirmed next day",Ukraine',
  '2023-03,Grain corridor talks,<b>kept as text</b>,Türkiye',
  '2023-04-12,Ceasefire monitors arrive,,Ukraine',
].join('\n')

async function writeCsv(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'annalist-import-'))
  const file = path.join(folder, 'field-reports.csv')
  await writeFile(file, CSV)
  return file
}

test('a CSV comes in through the mapping step, with provenance, as one undoable step', async ({ annalist, app, dataDir }) => {
  app.answerDialogs(await writeCsv())
  await annalist.runCommand('Import…')
  const dialog = annalist.page.getByRole('dialog', { name: 'Import' })
  await expect(dialog.getByText('does not recognise these columns')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled()

  await dialog.getByRole('combobox', { name: 'Date column', exact: true }).selectOption('When')
  await dialog.getByRole('combobox', { name: 'Title column' }).selectOption('What happened')
  await dialog.getByRole('combobox', { name: 'Description column' }).selectOption('Notes')
  await dialog.getByRole('combobox', { name: 'Lane column' }).selectOption('Country')
  await dialog.getByRole('button', { name: 'Read again with these columns' }).click()

  const rows = dialog.getByRole('table', { name: 'First rows as they will appear' })
  await expect(rows.getByRole('row')).toHaveCount(4)
  await expect(rows).toContainText('Border crossing reopened')
  await expect(rows).toContainText('March 2023')
  await expect(dialog.getByLabel('What the import will add')).toContainText('3 events')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(annalist.page.getByRole('status').first()).toContainText('Imported 3 events from field-reports.csv')

  await annalist.button('Fit whole timeline').click()
  await expect(annalist.eventItem('Ceasefire monitors arrive')).toBeVisible()
  // Where it came from, in its details.
  await annalist.eventItem('Border crossing reopened').click()
  const origin = annalist.detailPanel.getByRole('region', { name: 'Imported from' })
  await expect(origin).toContainText('field-reports.csv · row 2')
  const stored = await storedTimeline(dataDir)
  const crossing = stored.events.find((e) => e.title === 'Border crossing reopened')
  expect(crossing?.provenance).toMatchObject({ file: 'field-reports.csv', original: 'row 2' })
  expect(crossing?.description).toBe('Reported by two agencies,\nconfirmed next day')
  const talks = stored.events.find((e) => e.title === 'Grain corridor talks')
  expect(talks?.date).toBe('2023-03')
  expect(talks?.description).toBe('<b>kept as text</b>')
  expect(stored.lanes.map((l) => l.name)).toEqual(expect.arrayContaining(['Türkiye']))

  await annalist.runCommand('Undo')
  await expect.poll(async () => (await storedTimeline(dataDir)).events.some((e) => e.title === 'Border crossing reopened')).toBe(false)
})

test('cancelling an import leaves the timeline as it was', async ({ annalist, app, dataDir }) => {
  const before = await readFile(timelinePath(dataDir, DEFAULT_TIMELINE_NAME), 'utf8')
  const drawn = await annalist.drawnEventIds()
  app.answerDialogs(await writeCsv())
  await annalist.runCommand('Import…')
  const dialog = annalist.page.getByRole('dialog', { name: 'Import' })
  await dialog.getByRole('combobox', { name: 'Date column', exact: true }).selectOption('When')
  await dialog.getByRole('combobox', { name: 'Title column' }).selectOption('What happened')
  await dialog.getByRole('button', { name: 'Read again with these columns' }).click()
  await expect(dialog.getByRole('table', { name: 'First rows as they will appear' })).toContainText('Border crossing reopened')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()

  expect(await readFile(timelinePath(dataDir, DEFAULT_TIMELINE_NAME), 'utf8')).toBe(before)
  expect(await annalist.drawnEventIds()).toEqual(drawn)
  await expect(annalist.eventItem('Border crossing reopened')).toHaveCount(0)
})

test('a colleague’s copy merges through the review list: their title chosen, their new event added; Undo reverts', async ({ annalist, app, dataDir }) => {
  const mine = await storedTimeline(dataDir)
  const changed = mine.events[0]!
  const theirs = JSON.parse(await readFile(timelinePath(dataDir, DEFAULT_TIMELINE_NAME), 'utf8')) as StoredTimeline
  theirs.events[0] = { ...changed, title: `${changed.title} (colleague’s wording)` }
  theirs.events.push({ id: 'colleague-new-event', title: 'Colleague adds: envoy recalled', date: '2022-02-20', description: '', lanes: [mine.lanes[0]!.id], tags: [], sources: [] })
  const folder = await mkdtemp(path.join(os.tmpdir(), 'annalist-merge-'))
  const theirFile = path.join(folder, 'colleague.annalist.json')
  await writeFile(theirFile, JSON.stringify(theirs))

  app.answerDialogs(theirFile)
  await annalist.runCommand('Merge a colleague’s timeline…')
  const dialog = annalist.page.getByRole('dialog', { name: 'Merge a colleague’s timeline' })
  await expect(dialog.getByLabel('What the merge adds')).toContainText('1 new event')
  const conflicts = dialog.getByRole('table', { name: 'Conflicts' })
  await expect(conflicts.getByRole('row')).toHaveCount(2)
  await expect(conflicts).toContainText(`${changed.title} (colleague’s wording)`)
  await conflicts.getByRole('radio', { name: `Theirs: title of “${changed.title}”` }).check()
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(dialog).toBeHidden()

  await annalist.button('Fit whole timeline').click()
  await expect(annalist.eventItem('(colleague’s wording)')).toBeVisible()
  await expect(annalist.eventItem('Colleague adds: envoy recalled')).toBeVisible()

  await annalist.runCommand('Undo')
  await expect(annalist.eventItem('Colleague adds: envoy recalled')).toHaveCount(0)
  await expect(annalist.eventItem('(colleague’s wording)')).toHaveCount(0)
  const after = await storedTimeline(dataDir)
  expect(after.events.find((e) => e.id === changed.id)?.title).toBe(changed.title)
})

test('ambiguous day/month dates are asked about, and the answer shows in the preview; "as a new timeline" opens one', async ({ annalist, app }) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'annalist-import-'))
  const file = path.join(folder, 'embassy-cables.csv')
  await writeFile(file, ['Date,Title,Country', '03/04/2014,Embassy cable on troop movements,Ukraine', '05/06/2014,Second cable,Ukraine'].join('\n'))
  const seedTitle = (await annalist.page.getByRole('heading', { level: 1 }).textContent()) ?? ''
  app.answerDialogs(file)
  await annalist.runCommand('Import…')
  const dialog = annalist.page.getByRole('dialog', { name: 'Import' })
  await expect(dialog.getByRole('group')).toContainText('day first or month first?')
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled()
  // Answering re-reads the file at once (the question then goes away), so a click, not check().
  await dialog.getByRole('radio', { name: /^Day first/ }).click()
  const rows = dialog.getByRole('table', { name: 'First rows as they will appear' })
  await expect(rows).toContainText('3 April 2014')
  await dialog.getByRole('button', { name: 'Read them month first' }).click()
  await expect(rows).toContainText('4 March 2014')
  await dialog.getByRole('button', { name: 'Read them day first' }).click()
  await expect(rows).toContainText('3 April 2014')

  await dialog.getByRole('radio', { name: 'As a new timeline' }).check()
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(annalist.page.getByRole('heading', { level: 1 })).toHaveText('embassy-cables')
  await expect(annalist.eventItem('Embassy cable on troop movements')).toBeVisible()
  await expect(annalist.page.getByRole('heading', { level: 1 })).not.toHaveText(seedTitle)
})

test('a long import shows its progress and can be cancelled while reading', async ({ annalist, app, dataDir }) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'annalist-import-'))
  const file = path.join(folder, 'gdelt-sized.csv')
  const lines = ['When,Headline,Notes,Country']
  for (let i = 0; i < 150_000; i++) lines.push(`${2000 + (i % 25)}-0${1 + (i % 9)}-1${i % 10},Incident ${i},Report ${i},Ukraine`)
  await writeFile(file, lines.join('\n'))
  const before = await readFile(timelinePath(dataDir, DEFAULT_TIMELINE_NAME), 'utf8')
  app.answerDialogs(file)
  await annalist.runCommand('Import…')
  const dialog = annalist.page.getByRole('dialog', { name: 'Import' })
  await expect(dialog.getByRole('progressbar', { name: 'Reading the file' })).toBeVisible()
  await expect(dialog.getByText(/^\d+ %$/)).toBeVisible({ timeout: 30_000 })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(annalist.page.getByRole('status').first()).toContainText('the import was cancelled; the timeline is unchanged')
  expect(await readFile(timelinePath(dataDir, DEFAULT_TIMELINE_NAME), 'utf8')).toBe(before)
})
