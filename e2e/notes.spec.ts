/**
 * The analyst's notes through the window: each kind added through the UI (on an event, on a span by
 * the dialog and by dragging across the dates, on a moment), drawn on the timeline and listed in the
 * Notes tab, kept across a relaunch; history and restore; the trash; a keyboard-only note; hostile text.
 */
import type { Locator, Page } from '@playwright/test'
import { INJECTED_ELEMENTS, launchOnTimeline, test, expect, AnnalistPage } from './fixtures'
import { launchApp, type Target } from './launch'
import { ANALYST, noteOnTimeline, noteRows, notesTab } from './notePage'


// Each test walks a whole flow (dialogs, saves, sometimes a relaunch); a loaded machine needs more than the default minute.
test.describe.configure({ timeout: 120_000 })

/** The note editor, new or edit. */
function noteEditor(page: Page): Locator {
  return page.getByRole('dialog', { name: /^(New|Edit) note$/ })
}

function savedStatus(annalist: AnnalistPage, words: string | RegExp): Locator {
  return annalist.page.getByRole('status').filter({ hasText: words })
}

async function setName(annalist: AnnalistPage): Promise<void> {
  await annalist.runCommand('Preferences…')
  const dialog = annalist.page.getByRole('dialog', { name: 'Preferences' })
  await dialog.getByRole('textbox', { name: 'Your name' }).fill(ANALYST)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
}

/** Winter 2021–22, where the seed's crisis events are. */
async function frameWinter(annalist: AnnalistPage): Promise<void> {
  await annalist.button('Go to date').click()
  await annalist.page.getByRole('dialog', { name: 'Go to date' }).getByRole('textbox', { name: 'Date (EDTF)' }).fill('2021-11-01/2022-02-28')
  await annalist.page.keyboard.press('Enter')
  await expect.poll(() => annalist.visibleWidth()).toBeLessThan(200 * 86_400_000)
}

/** Drags across the dates at the top of the timeline, from one fraction of its width to another. */
async function dragAcrossAxis(annalist: AnnalistPage, from: number, to: number): Promise<void> {
  const axis = annalist.timeline.locator('.vis-panel.vis-top')
  const box = (await axis.boundingBox())!
  const y = box.y + box.height / 2
  await annalist.page.mouse.move(box.x + box.width * from, y)
  await annalist.page.mouse.down()
  await annalist.page.mouse.move(box.x + box.width * to, y, { steps: 8 })
  await annalist.page.mouse.up()
}

async function addEventNote(annalist: AnnalistPage, eventTitle: string, text: string): Promise<void> {
  await annalist.eventItem(eventTitle).click()
  await annalist.page.keyboard.press('n')
  const editor = noteEditor(annalist.page)
  await expect(editor.getByRole('radio', { name: `On the event “${eventTitle}”` })).toBeChecked()
  await editor.getByRole('textbox', { name: 'Text' }).fill(text)
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor).toBeHidden()
}

test('each kind of note is added through the window, drawn, listed, and still there after a relaunch', async ({ dataDir }, testInfo) => {
  test.setTimeout(150_000)
  const target = testInfo.project.name as Target
  const app = await launchApp({ dataDir, target })
  const annalist = new AnnalistPage(app.page)
  await annalist.waitForReady()
  await frameWinter(annalist)

  // On an event, with N; the first note asks who is writing.
  await annalist.eventItem('Biden–Putin video summit').click()
  await annalist.page.keyboard.press('n')
  const preferences = annalist.page.getByRole('dialog', { name: 'Preferences' })
  await expect(preferences).toContainText('Before your first note')
  await preferences.getByRole('textbox', { name: 'Your name' }).fill(ANALYST)
  await preferences.getByRole('button', { name: 'Save' }).click()
  const editor = noteEditor(annalist.page)
  await expect(editor.getByRole('radio', { name: 'On the event “Biden–Putin video summit”' })).toBeChecked()
  await editor.getByRole('textbox', { name: 'Text' }).fill('Readouts differ: the Kremlin stressed *guarantees*, the White House *costs*.')
  await editor.getByRole('combobox', { name: 'Likelihood' }).selectOption('likely')
  await editor.getByRole('combobox', { name: 'Confidence' }).selectOption('moderate')
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor).toBeHidden()
  await expect(savedStatus(annalist, 'Saved: add note on Biden–Putin video summit')).toBeVisible()
  await expect(annalist.eventItem('Biden–Putin video summit').locator('.ev-notes')).toHaveText('✎ 1')
  await expect(notesTab(annalist).getByRole('article', { name: 'Note' })).toContainText('likely (moderate confidence)')

  // On a span, through the dialog: the date is explained as it is typed.
  await annalist.runCommand('New span note for the view')
  await editor.getByRole('textbox', { name: 'Start (EDTF)' }).fill('2022-01-08')
  await editor.getByRole('textbox', { name: 'End (EDTF)' }).fill('2022-01-13')
  await expect(editor.getByRole('status', { name: 'What the date means' })).toHaveText('8 January 2022 – 13 January 2022')
  await editor.getByRole('textbox', { name: 'Label' }).fill('Geneva week')
  await editor.getByRole('radio', { name: 'Blue' }).check()
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor).toBeHidden()
  await expect(noteOnTimeline(annalist, 'Geneva week')).toBeVisible()

  // On a span, by dragging across the dates: the editor opens with the dragged span.
  const before = await annalist.visibleWindow()
  await dragAcrossAxis(annalist, 0.2, 0.35)
  await expect(editor).toBeVisible()
  expect(await annalist.visibleWindow(), 'the drag did not pan the view').toEqual(before)
  await expect(editor.getByRole('radio', { name: 'On a span of time' })).toBeChecked()
  await expect(editor.getByRole('textbox', { name: 'Start (EDTF)' })).toHaveValue(/^2021-1[12]-\d\d$/)
  await expect(editor.getByRole('textbox', { name: 'End (EDTF)' })).toHaveValue(/^2021-12-\d\d$/)
  await expect(editor.getByRole('status', { name: 'What the date means' })).toContainText('December 2021')
  await editor.getByRole('textbox', { name: 'Label' }).fill('Summit season')
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor).toBeHidden()
  await expect(noteOnTimeline(annalist, 'Summit season')).toBeVisible()

  // On a moment.
  await annalist.page.keyboard.press('Escape')
  await annalist.page.keyboard.press('m')
  await editor.getByRole('textbox', { name: 'Date (EDTF)' }).fill('2022-02-24')
  await expect(editor.getByRole('status', { name: 'What the date means' })).toHaveText('24 February 2022')
  await editor.getByRole('textbox', { name: 'Label' }).fill('Invasion begins')
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor).toBeHidden()
  await expect(noteOnTimeline(annalist, 'Invasion begins')).toBeVisible()
  await expect(annalist.timeline.locator('.vis-custom-time')).toHaveCount(1)

  await annalist.page.keyboard.press('Escape')
  await annalist.page.getByRole('tab', { name: 'Notes' }).click()
  await expect(noteRows(annalist)).toHaveText([/Summit season/, /Biden–Putin video summit/, /Geneva week/, /Invasion begins/])
  const filters = notesTab(annalist).getByRole('group', { name: 'Filter notes' })
  await filters.getByRole('combobox', { name: 'Kind' }).selectOption('moment')
  await expect(noteRows(annalist)).toHaveText([/Invasion begins/])
  await filters.getByRole('combobox', { name: 'Kind' }).selectOption('')
  await filters.getByRole('combobox', { name: 'Judgement' }).selectOption('likely')
  await expect(noteRows(annalist)).toHaveText([/likely \(moderate confidence\)/])
  await filters.getByRole('combobox', { name: 'Judgement' }).selectOption('')
  await filters.getByRole('combobox', { name: 'Author' }).selectOption(ANALYST)
  await expect(noteRows(annalist)).toHaveCount(4)
  await app.close()

  const again = await launchApp({ dataDir, target })
  const reopened = new AnnalistPage(again.page)
  await reopened.waitForReady()
  await frameWinter(reopened)
  for (const label of ['Geneva week', 'Summit season', 'Invasion begins']) await expect(noteOnTimeline(reopened, label)).toBeVisible()
  await expect(reopened.eventItem('Biden–Putin video summit').locator('.ev-notes')).toHaveText('✎ 1')
  await reopened.page.getByRole('tab', { name: 'Notes' }).click()
  await expect(noteRows(reopened)).toHaveCount(4)
  // A row frames its note on the timeline and selects it.
  await reopened.button('Fit whole timeline').click()
  await noteRows(reopened).filter({ hasText: 'Geneva week' }).getByRole('button').click()
  await expect(notesTab(reopened).getByRole('heading', { level: 2 })).toHaveText('Geneva week')
  await expect.poll(() => reopened.visibleWidth()).toBeLessThan(30 * 86_400_000)
  const framed = await reopened.visibleWindow()
  expect(framed.start).toBeLessThanOrEqual(Date.parse('2022-01-08'))
  expect(framed.end).toBeGreaterThanOrEqual(Date.parse('2022-01-14'))
  await expect(noteOnTimeline(reopened, 'Geneva week')).toHaveClass(/vis-selected/)
  expect(again.networkRequests).toEqual([])
  await again.close()
})

test('a note edited twice shows three versions, and the first can be restored', async ({ annalist }) => {
  await setName(annalist)
  await frameWinter(annalist)
  await addEventNote(annalist, 'NATO–Russia Council meets in Brussels', 'First reading: no common ground.')
  const detail = notesTab(annalist).getByRole('article', { name: 'Note' })
  const editor = noteEditor(annalist.page)
  for (const text of ['Second reading: talks to continue.', 'Third reading: Russia wants written answers.']) {
    await detail.getByRole('button', { name: 'Edit note' }).click()
    await editor.getByRole('textbox', { name: 'Text' }).fill(text)
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect(editor).toBeHidden()
    await expect(detail).toContainText(text)
  }
  const versions = detail.getByRole('list', { name: 'Versions' }).getByRole('listitem')
  await expect(versions).toHaveCount(3)
  await expect(versions.nth(0)).toContainText('Third reading')
  await expect(versions.nth(2)).toContainText('First reading')
  await expect(versions.nth(0)).toContainText(ANALYST)

  await versions.filter({ hasText: 'First reading' }).getByRole('button', { name: 'Restore this version' }).click()
  await expect(versions).toHaveCount(4)
  await expect(versions.nth(0)).toContainText('Restored version 1')
  await expect(versions.nth(1)).toContainText('Changed the text')
  await expect(detail.locator('.note-text').first()).toHaveText('First reading: no common ground.')
  await expect(savedStatus(annalist, /^Saved: restore an earlier version of/)).toBeVisible()
})

test('a note on an event, once chosen, marks its event on the timeline', async ({ annalist }) => {
  await setName(annalist)
  await frameWinter(annalist)
  const council = annalist.eventItem('NATO–Russia Council meets in Brussels')
  await addEventNote(annalist, 'NATO–Russia Council meets in Brussels', 'Allies and Russia far apart.')
  await expect(council).toHaveClass(/vis-selected/) // the new note is chosen, and with it its event
  await annalist.page.keyboard.press('Escape')
  await expect(council).not.toHaveClass(/vis-selected/)
  await annalist.page.getByRole('tab', { name: 'Notes' }).click()
  await noteRows(annalist).filter({ hasText: 'Allies and Russia far apart.' }).click()
  await expect(notesTab(annalist).getByRole('article', { name: 'Note' })).toContainText('Allies and Russia far apart.')
  await expect(council).toHaveClass(/vis-selected/)
  await expect(annalist.eventItem('US–Russia Strategic Stability Dialogue, Geneva')).not.toHaveClass(/vis-selected/)
})

test('a note links to sources of its event and of the events it links to, chosen in the editor', async ({ annalist }) => {
  await setName(annalist)
  await frameWinter(annalist)
  await addEventNote(annalist, 'NATO–Russia Council meets in Brussels', 'Allies and Russia far apart.')
  const detail = notesTab(annalist).getByRole('article', { name: 'Note' })
  const editor = noteEditor(annalist.page)
  const sources = editor.getByRole('group', { name: 'Linked sources, optional' })
  const pressConference = sources.getByRole('checkbox', { name: /^A1\s*Press conference by NATO Secretary General .* — NATO–Russia Council meets in Brussels$/ })
  const tass = sources.getByRole('checkbox', { name: /^B2\s*Putin-Biden video conference over — Biden–Putin video summit$/ })

  await detail.getByRole('button', { name: 'Edit note' }).click()
  await expect(sources.getByRole('checkbox')).toHaveCount(2) // the note's own event's two sources
  await pressConference.check()
  // Part of a title, in any case, is enough for the suggestions.
  const eventToLink = editor.getByRole('combobox', { name: 'Event to link' })
  await eventToLink.fill('putin video')
  await expect(editor.locator('datalist option')).toHaveCount(1)
  await expect(editor.locator('datalist option')).toHaveAttribute('value', 'Biden–Putin video summit')
  await eventToLink.fill('Biden–Putin video summit')
  await editor.getByRole('button', { name: 'Link', exact: true }).click()
  await expect(sources.getByRole('checkbox')).toHaveCount(4)
  await tass.check()
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor).toBeHidden()
  const linked = detail.getByRole('region', { name: 'Linked sources' }).getByRole('listitem')
  await expect(linked).toHaveCount(2)
  await expect(linked.nth(0)).toContainText('Press conference by NATO Secretary General')
  await expect(linked.nth(1)).toContainText('Putin-Biden video conference over')

  // Reopened, the editor shows what is linked; one link is taken back.
  await detail.getByRole('button', { name: 'Edit note' }).click()
  await expect(editor.getByRole('list', { name: 'Linked events' }).getByRole('listitem')).toHaveText(['Biden–Putin video summit×'])
  await expect(pressConference).toBeChecked()
  await expect(tass).toBeChecked()
  await tass.uncheck()
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor).toBeHidden()
  await expect(linked).toHaveCount(1)
  await expect(linked.first()).toContainText('Press conference by NATO Secretary General')

  // The source is removed from its event: the editor says the link goes, and saving drops it.
  await annalist.eventItem('NATO–Russia Council meets in Brussels').click()
  await annalist.detailPanel.getByRole('button', { name: 'Edit event' }).click()
  const eventEditor = annalist.page.getByRole('dialog', { name: 'Edit event' })
  await eventEditor.getByRole('button', { name: 'Remove source 1' }).click()
  await eventEditor.getByRole('button', { name: 'Save' }).click()
  await expect(eventEditor).toBeHidden()
  await annalist.page.getByRole('tab', { name: 'Notes' }).click()
  await noteRows(annalist).filter({ hasText: 'Allies and Russia far apart.' }).click()
  await detail.getByRole('button', { name: 'Edit note' }).click()
  const removed = sources.getByRole('checkbox', { name: /^A source removed from the timeline — the link is dropped on saving$/ })
  await expect(removed).not.toBeChecked()
  await expect(sources.getByRole('checkbox')).toHaveCount(4) // the remaining sources of both events, and the removed one
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor).toBeHidden()
  await expect(detail.getByRole('region', { name: 'Linked sources' })).toHaveCount(0)
})

test('deleting moves a note to the trash, and it can be restored from there', async ({ annalist }) => {
  await setName(annalist)
  await frameWinter(annalist)
  await annalist.page.keyboard.press('m')
  const editor = noteEditor(annalist.page)
  await editor.getByRole('textbox', { name: 'Date (EDTF)' }).fill('2022-01-10')
  await editor.getByRole('textbox', { name: 'Label' }).fill('Talks open')
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(noteOnTimeline(annalist, 'Talks open')).toBeVisible()

  const detail = notesTab(annalist).getByRole('article', { name: 'Note' })
  await detail.getByRole('button', { name: 'Delete note' }).click()
  await expect(savedStatus(annalist, 'Saved: delete note “Talks open”')).toBeVisible()
  await expect(noteOnTimeline(annalist, 'Talks open')).toHaveCount(0)
  await expect(detail.getByText('In the trash', { exact: true })).toBeVisible()

  await detail.getByRole('button', { name: 'All notes' }).click()
  await expect(noteRows(annalist)).toHaveCount(0)
  await notesTab(annalist).getByRole('checkbox', { name: 'Show trash' }).check()
  await expect(noteRows(annalist)).toHaveCount(1)
  await expect(noteRows(annalist)).toContainText('in the trash')
  await noteRows(annalist).getByRole('button').click()
  await detail.getByRole('button', { name: 'Restore from the trash' }).click()
  await expect(noteOnTimeline(annalist, 'Talks open')).toBeVisible()
  await expect(detail.getByRole('button', { name: 'Edit note' })).toBeVisible()
})

test('declining to give a name says why on one line: the toolbar and the timeline below stay where they were', async ({ annalist }) => {
  const page = annalist.page
  const toolbar = page.getByRole('toolbar', { name: 'Timeline controls' })
  const before = { toolbar: (await toolbar.boundingBox())!, timeline: (await annalist.timeline.boundingBox())! }
  await page.keyboard.press('j')
  await expect(annalist.detailPanel.getByRole('heading', { level: 2 })).toBeVisible()
  await page.keyboard.press('n')
  const preferences = page.getByRole('dialog', { name: 'Preferences' })
  await preferences.getByRole('button', { name: 'Cancel' }).click()
  const status = page.getByRole('status').filter({ hasText: 'A note needs your name first' })
  await expect(status).toBeVisible()
  await expect(status).toHaveAttribute('title', 'A note needs your name first: set it in Preferences.')
  expect((await toolbar.boundingBox())!.height).toBe(before.toolbar.height)
  expect((await annalist.timeline.boundingBox())!.y).toBe(before.timeline.y)
  for (const name of ['Go to date', 'Zoom in', 'Lanes']) {
    const button = (await annalist.button(name).boundingBox())!
    expect(button.height, `${name} on one line`).toBeLessThan(36)
  }
})

test('a note can be written with the keyboard alone', async ({ annalist, app }) => {
  const page = annalist.page
  await page.keyboard.press('j')
  const heading = annalist.detailPanel.getByRole('heading', { level: 2 })
  await expect(heading).toBeVisible()
  const eventTitle = (await heading.textContent())!
  await page.keyboard.press('n')
  // The first note asks for the name; Enter saves it and goes on to the note.
  await expect(page.getByRole('textbox', { name: 'Your name' })).toBeFocused()
  await page.keyboard.type(ANALYST)
  await page.keyboard.press('Enter')
  const text = noteEditor(page).getByRole('textbox', { name: 'Text' })
  await expect(text).toBeFocused()
  await page.keyboard.type('Written without the mouse.')
  await page.keyboard.press('Control+Enter')
  await expect(noteEditor(page)).toBeHidden()
  await expect(savedStatus(annalist, `Saved: add note on ${eventTitle}`)).toBeVisible()
  await expect(notesTab(annalist).getByRole('article', { name: 'Note' })).toContainText('Written without the mouse.')

  // Enter on the Save button saves too.
  await page.keyboard.press('Escape')
  await page.keyboard.press('j')
  await page.keyboard.press('n')
  await expect(text).toBeFocused()
  await page.keyboard.type('Saved from the button.')
  const save = noteEditor(page).getByRole('button', { name: 'Save' })
  for (let i = 0; i < 30 && !(await save.evaluate((button) => button === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(save).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(noteEditor(page)).toBeHidden()
  await expect(notesTab(annalist).getByRole('article', { name: 'Note' })).toContainText('Saved from the button.')
  expect(app.networkRequests).toEqual([])
})

test('hostile note text is shown as text: no markup, no script, no link, no network', async ({ annalist, app }) => {
  const alerts: string[] = []
  annalist.page.on('dialog', (dialog) => {
    alerts.push(dialog.message())
    void dialog.dismiss()
  })
  const hostile = '<img src=x onerror=alert(1)> <img src=x onerror="window.__pwned=1">\n\n[x](javascript:alert(1)) [y](javascript:window.__pwned=2)'
  await setName(annalist)
  await frameWinter(annalist)
  await annalist.eventItem('US–Russia Strategic Stability Dialogue').click()
  await annalist.page.keyboard.press('n')
  const editor = noteEditor(annalist.page)
  await editor.getByRole('textbox', { name: 'Text' }).fill(hostile)
  const preview = editor.getByRole('region', { name: 'Text preview' })
  await expect(preview).toContainText('[x](javascript:alert(1))')
  await expect(preview.getByRole('button')).toHaveCount(0)
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(editor).toBeHidden()

  const detail = notesTab(annalist).getByRole('article', { name: 'Note' })
  const text = detail.locator('.note-text').first()
  await expect(text).toContainText('<img src=x onerror=alert(1)>')
  await expect(text).toContainText('[x](javascript:alert(1))')
  await expect(text.getByRole('button')).toHaveCount(0)
  // The note under its event's details, and back to it from there.
  await annalist.eventItem('US–Russia Strategic Stability Dialogue').click()
  await annalist.detailPanel.getByRole('region', { name: 'Notes on this event' }).getByRole('button', { name: /img src=x/ }).click()

  await expect(text).toContainText('[y](javascript:window.__pwned=2)')
  expect(await annalist.page.locator(INJECTED_ELEMENTS).count()).toBe(0)
  expect(await annalist.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(alerts).toEqual([])
  expect(app.openedInBrowser).toEqual([])
  expect(app.networkRequests).toEqual([])
})
