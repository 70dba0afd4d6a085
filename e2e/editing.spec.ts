/**
 * Editing the timeline through the window: an event added with the event editor is drawn and kept
 * across a relaunch; an impossible date is refused in words and nothing reaches the disk; a deleted
 * event comes back with Undo (same id) and goes again with Redo; lanes are added, renamed,
 * reordered and hidden.
 */
import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { test, expect, AnnalistPage } from './fixtures'
import { launchApp, type Target } from './launch'
import { DEFAULT_TIMELINE_NAME, timelinePath } from '../main/store/library'

const GENEVA = 'US–Russia Strategic Stability Dialogue, Geneva (Sherman, Ryabkov)'

function eventEditor(page: Page): Locator {
  return page.getByRole('dialog', { name: /^(New|Edit) event$/ })
}

async function goToDate(annalist: AnnalistPage, edtf: string): Promise<void> {
  await annalist.button('Go to date').click()
  await annalist.page.getByRole('dialog', { name: 'Go to date' }).getByRole('textbox', { name: 'Date (EDTF)' }).fill(edtf)
  await annalist.page.keyboard.press('Enter')
  await expect(annalist.page.getByRole('dialog', { name: 'Go to date' })).toBeHidden()
}

function status(annalist: AnnalistPage, words: string | RegExp): Locator {
  return annalist.page.getByRole('status').filter({ hasText: words })
}

test('an event added with the event editor is drawn, graded and still there after a relaunch', async ({ dataDir }, testInfo) => {
  test.setTimeout(120_000)
  const target = testInfo.project.name as Target
  const app = await launchApp({ dataDir, target })
  const annalist = new AnnalistPage(app.page)
  await annalist.waitForReady()

  await annalist.runCommand('New event…')
  const editor = eventEditor(annalist.page)
  await expect(editor).toHaveAccessibleName('New event')
  await editor.getByRole('textbox', { name: 'Title', exact: true }).fill('Lavrov–Blinken meeting in Geneva')
  await editor.getByRole('textbox', { name: 'Date (EDTF)', exact: true }).fill('[2022-01-20,2022-01-21]')
  await expect(editor.getByRole('status', { name: 'What the date means' })).toHaveText('either 20 or 21 January 2022')
  await editor.getByRole('textbox', { name: 'Date (EDTF)', exact: true }).fill('2022-01-21')
  await expect(editor.getByRole('status', { name: 'What the date means' })).toHaveText('21 January 2022')
  await editor.getByRole('checkbox', { name: 'Russia' }).check()
  await editor.getByRole('checkbox', { name: 'United States' }).check()
  await editor.getByRole('textbox', { name: 'Tags' }).fill('diplomacy, ukraine-crisis')
  await editor.getByRole('textbox', { name: 'Place' }).fill('Geneva, Switzerland')
  await editor.getByRole('textbox', { name: 'Description' }).fill('Ninety minutes; both sides agreed to keep talking.')
  await editor.getByRole('button', { name: 'Add source' }).click()
  await editor.getByRole('textbox', { name: 'Source 1 title' }).fill('Secretary Blinken’s meeting with Foreign Minister Lavrov')
  await editor.getByRole('textbox', { name: 'Source 1 publisher' }).fill('U.S. Department of State')
  await editor.getByRole('combobox', { name: 'Source 1 reliability' }).selectOption('B')
  await editor.getByRole('combobox', { name: 'Source 1 credibility' }).selectOption('2')
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor).toBeHidden()
  await expect(status(annalist, 'Saved: add event Lavrov–Blinken meeting in Geneva')).toBeVisible()
  await expect(annalist.eventItem('Lavrov–Blinken meeting in Geneva')).toBeVisible()
  const details = annalist.detailPanel
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('Lavrov–Blinken meeting in Geneva')
  await expect(details.getByRole('list', { name: 'Lanes' })).toHaveText(/Russia.*United States/)
  await expect(details.getByRole('region', { name: 'Sources' })).toContainText('B2')
  await expect(annalist.button('Undo: add event Lavrov–Blinken meeting in Geneva')).toBeEnabled()
  await app.close()

  const again = await launchApp({ dataDir, target })
  const reopened = new AnnalistPage(again.page)
  await reopened.waitForReady()
  await goToDate(reopened, '2022-01')
  await reopened.eventItem('Lavrov–Blinken meeting in Geneva').click()
  await expect(reopened.detailPanel).toContainText('21 January 2022')
  await expect(reopened.detailPanel).toContainText('source usually reliable; information probably true')
  await expect(reopened.detailPanel).toContainText('Geneva, Switzerland')
  // Editing keeps the source (and its id): it is still there, regraded, after saving.
  await reopened.page.keyboard.press('e')
  const edit = eventEditor(reopened.page)
  await expect(edit).toHaveAccessibleName('Edit event')
  await expect(edit.getByRole('textbox', { name: 'Source 1 title' })).toHaveValue('Secretary Blinken’s meeting with Foreign Minister Lavrov')
  await edit.getByRole('combobox', { name: 'Source 1 reliability' }).selectOption('A')
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(edit).toBeHidden()
  await expect(reopened.detailPanel.getByRole('region', { name: 'Sources' })).toContainText('A2')
  const stored = JSON.parse(await readFile(timelinePath(dataDir, DEFAULT_TIMELINE_NAME), 'utf8')) as { events: { title: string; sources: { id: string; grade: string }[] }[] }
  const saved = stored.events.filter((event) => event.title === 'Lavrov–Blinken meeting in Geneva')
  expect(saved).toHaveLength(1)
  expect(saved[0]!.sources.map((source) => source.grade)).toEqual(['A2'])
  expect(again.networkRequests).toEqual([])
  await again.close()
})

test('an impossible date is refused with the reason, and nothing is saved', async ({ annalist, dataDir }) => {
  const file = timelinePath(dataDir, DEFAULT_TIMELINE_NAME)
  await goToDate(annalist, '2022-01')
  await annalist.eventItem(GENEVA).click()
  await expect(annalist.detailPanel.getByRole('heading', { level: 2 })).toHaveText(GENEVA)
  await annalist.detailPanel.getByRole('button', { name: 'Edit event' }).click()
  const editor = eventEditor(annalist.page)
  await expect(editor).toHaveAccessibleName('Edit event')
  const before = await readFile(file, 'utf8')

  // 29 February in a common year: the EDTF grammar lets it through (as 1 March); Annalist does not.
  await editor.getByRole('textbox', { name: 'Date (EDTF)', exact: true }).fill('2022-02-29')
  await expect(editor.getByRole('status', { name: 'What the date means' })).toContainText('February 2022 has only 28 days')
  await editor.getByRole('textbox', { name: 'Date (EDTF)', exact: true }).fill('2023-02-30')
  await expect(editor.getByRole('status', { name: 'What the date means' })).toContainText('February 2023 has only 28 days')
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor.getByRole('alert')).toContainText('February 2023 has only 28 days')
  await expect(editor).toBeVisible()
  await editor.getByRole('button', { name: 'Cancel' }).click()
  await expect(editor).toBeHidden()

  await expect(annalist.detailPanel).toContainText('10 January 2022')
  await expect(annalist.button('Undo')).toBeDisabled()
  expect(await readFile(file, 'utf8')).toBe(before)
})

test('a deleted event comes back with Undo, with the same id, and goes again with Redo', async ({ annalist }) => {
  await goToDate(annalist, '2022-01')
  await annalist.eventItem(GENEVA).click()
  await annalist.detailPanel.getByRole('button', { name: 'Delete event…' }).click()
  const confirm = annalist.page.getByRole('dialog', { name: 'Delete event?' })
  await expect(confirm).toContainText('You can undo this')
  await confirm.getByRole('button', { name: 'Delete event' }).click()
  await expect(confirm).toBeHidden()
  await expect.poll(() => annalist.drawnEventIds()).not.toContain('geneva-ssd-2022')
  await expect(annalist.detailPanel).toContainText('Select an event')

  const undo = annalist.page.getByRole('button', { name: /^Undo: delete event US–Russia Strategic Stability Dialogue/ })
  await expect(undo).toBeEnabled()
  await annalist.page.keyboard.press('Control+z')
  await expect.poll(() => annalist.drawnEventIds()).toContain('geneva-ssd-2022')
  await expect(status(annalist, /^Undid: delete event US–Russia Strategic Stability Dialogue/)).toBeVisible()
  await expect(annalist.button('Undo')).toBeDisabled()

  await annalist.page.getByRole('button', { name: /^Redo: delete event US–Russia/ }).click()
  await expect.poll(() => annalist.drawnEventIds()).not.toContain('geneva-ssd-2022')
  await expect(status(annalist, /^Redid: delete event/)).toBeVisible()
  // And the menu command undoes it too (focus is not in a text field).
  await annalist.runCommand('Undo')
  await expect.poll(() => annalist.drawnEventIds()).toContain('geneva-ssd-2022')
})

test('a lane is added, renamed, moved up and hidden', async ({ annalist }) => {
  const laneLabels = () => annalist.timeline.locator('.lane-label').allTextContents()
  await annalist.button('Lanes').click()
  const dialog = annalist.page.getByRole('dialog', { name: 'Lanes' })
  const lanes = dialog.getByRole('list', { name: 'Lanes, top to bottom' }).getByRole('listitem')
  await dialog.getByRole('textbox', { name: 'New lane name' }).fill('Belarus')
  await dialog.getByRole('button', { name: 'Add lane' }).click()
  await expect(lanes.last()).toContainText('Belarus')
  await expect.poll(laneLabels).toContain('Belarus')

  await dialog.getByRole('button', { name: 'Rename Belarus' }).click()
  const name = dialog.getByRole('textbox', { name: 'New name for Belarus' })
  await name.fill('Belarus & Union State')
  await name.press('Enter')
  await expect(lanes.last()).toContainText('Belarus & Union State')
  await expect.poll(laneLabels).toContain('Belarus & Union State')

  // Reordering from the keyboard: focus stays on the button, so Enter again moves it again.
  const up = dialog.getByRole('button', { name: 'Move Belarus & Union State up' })
  await up.focus()
  await annalist.page.keyboard.press('Enter')
  await expect(lanes.nth(-2)).toContainText('Belarus & Union State')
  await expect(up).toBeFocused()
  await annalist.page.keyboard.press('Enter')
  await expect(lanes.nth(-3)).toContainText('Belarus & Union State')
  const labels = await laneLabels()
  expect(labels.indexOf('Belarus & Union State')).toBe(labels.indexOf('Central Asia & Afghanistan') - 2)

  await dialog.getByRole('checkbox', { name: 'Show Belarus & Union State' }).uncheck()
  await expect(dialog.getByRole('checkbox', { name: 'Show Belarus & Union State' })).not.toBeChecked()
  await expect.poll(laneLabels).not.toContain('Belarus & Union State')
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(annalist.page.getByRole('button', { name: 'Undo: hide lane Belarus & Union State' })).toBeEnabled()
})
