/**
 * A Notes lane crowded by more notes than it can show: the most recently edited are drawn and the
 * rest counted; a note the analyst chooses is drawn all the same; the lane folds to one row.
 */
import { launchOnTimeline, test, expect } from './fixtures'
import type { Target } from './launch'
import { ANALYST, noteOnTimeline, noteRows, notesTab } from './notePage'
import type { Annotation, TimelineDocument } from '../main/domain/timeline'
import { emptyTimeline } from '../main/store/openTimeline'

test.describe.configure({ timeout: 120_000 })

/**
 * A note on the whole of 2021, edited first, and eighty ten-day notes through it edited after:
 * where they crowd, the most recently edited are drawn, so the year's note is not, even framed.
 */
function crowdedNotesTimeline(): TimelineDocument {
  const document = emptyTimeline('Crowded notes', new Date('2026-01-01T00:00:00Z'))
  document.lanes = [{ id: 'main', name: 'Main', hidden: false }]
  document.events.push({ id: 'talks', title: 'Ceasefire talks resume', date: '2021-06-01', description: '', lanes: ['main'], tags: [], sources: [] })
  for (let n = 0; n <= 80; n++) {
    const from = new Date(Date.UTC(2021, 0, n * 4))
    const to = new Date(from.valueOf() + 9 * 86_400_000)
    const date = n === 0 ? '2021-01-01/2021-12-31' : `${from.toISOString().slice(0, 10)}/${to.toISOString().slice(0, 10)}`
    const stamp = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString()
    const note: Annotation = {
      id: `crowd-${n}`,
      anchor: { kind: 'span', date },
      label: n === 0 ? 'Earliest judgement on the ceasefire' : `Weekly reading ${n}`,
      text: n === 0 ? 'The first reading of the year.' : `Reading number ${n}.`,
      tags: [],
      colour: 'blue',
      links: { events: [], sources: [] },
      author: { name: ANALYST, initials: 'JA' },
      created: stamp,
      updated: stamp,
      history: [],
    }
    document.annotations.push(note)
  }
  return document
}

test('a note chosen in the Notes tab is drawn and marked where more notes than the Notes lane shows crowd it out', async ({ dataDir }, testInfo) => {
  const document = crowdedNotesTimeline()
  const { app, annalist } = await launchOnTimeline(dataDir, testInfo.project.name as Target, document)
  try {
    await annalist.waitForReady()
    await annalist.button('Go to date').click()
    await annalist.page.getByRole('dialog', { name: 'Go to date' }).getByRole('textbox', { name: 'Date (EDTF)' }).fill('2021')
    await annalist.page.keyboard.press('Enter')
    await expect(noteOnTimeline(annalist, 'Weekly reading 80')).toBeVisible()
    const earliest = noteOnTimeline(annalist, 'Earliest judgement on the ceasefire')
    await expect(earliest).toHaveCount(0)
    await annalist.page.getByRole('tab', { name: 'Notes' }).click()
    await noteRows(annalist).filter({ hasText: 'Earliest judgement on the ceasefire' }).click()
    await expect(notesTab(annalist).getByRole('article', { name: 'Note' })).toContainText('The first reading of the year.')
    await expect(earliest).toBeVisible()
    await expect(earliest).toHaveClass(/vis-selected/)
    // No longer chosen, it gives its place back to the notes edited since.
    await annalist.page.keyboard.press('Escape')
    await expect(earliest).toHaveCount(0)
    await expect(noteOnTimeline(annalist, 'Weekly reading 80')).toBeVisible()
  } finally {
    await app.close()
  }
})

test('the Notes lane folds to one row counting its notes, stays folded when the window reloads and for that timeline only, and its row unfolds it', async ({ dataDir }, testInfo) => {
  const { app, annalist } = await launchOnTimeline(dataDir, testInfo.project.name as Target, crowdedNotesTimeline())
  const { page } = annalist
  const fold = page.getByRole('button', { name: 'Notes lane' })
  const laneHeight = async () => (await annalist.timeline.locator('.vis-label.notes-lane').boundingBox())!.height
  const countingRow = annalist.timeline.locator('.vis-item.note-more')
  try {
    await annalist.waitForReady()
    await annalist.button('Go to date').click()
    await page.getByRole('dialog', { name: 'Go to date' }).getByRole('textbox', { name: 'Date (EDTF)' }).fill('2021')
    await page.keyboard.press('Enter')
    await expect(noteOnTimeline(annalist, 'Weekly reading 80')).toBeVisible()
    await expect(fold).toHaveAttribute('aria-expanded', 'true')
    const unfolded = await laneHeight()

    await fold.click()
    await expect(fold).toHaveAttribute('aria-expanded', 'false')
    await expect(noteOnTimeline(annalist, 'Weekly reading 80')).toHaveCount(0)
    await expect(countingRow).toContainText('81 notes here: click to unfold the Notes lane')
    await expect.poll(laneHeight).toBeLessThan(50)
    expect(unfolded).toBeGreaterThan(100)

    // Chosen in the Notes tab, a note is drawn all the same.
    await page.getByRole('tab', { name: 'Notes' }).click()
    await noteRows(annalist).filter({ hasText: 'Earliest judgement on the ceasefire' }).click()
    await expect(noteOnTimeline(annalist, 'Earliest judgement on the ceasefire')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(noteOnTimeline(annalist, 'Earliest judgement on the ceasefire')).toHaveCount(0)

    await page.reload()
    await annalist.waitForReady()
    await expect(fold).toHaveAttribute('aria-expanded', 'false')
    await expect(countingRow).toContainText('notes here: click to unfold the Notes lane')

    // Folded for this timeline only: another opens with its lane as it was left there.
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? ''
    await annalist.runCommand('New timeline…')
    const dialog = page.getByRole('dialog', { name: 'New timeline' })
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Sahel coups, 2020–23')
    await dialog.getByRole('button', { name: 'Create' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sahel coups, 2020–23')
    await expect(fold).toHaveAttribute('aria-expanded', 'true')
    await annalist.runCommand('Open timeline…')
    await page.getByRole('dialog', { name: 'Open a timeline' }).getByRole('button', { name: `Open recent: ${title}` }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(fold).toHaveAttribute('aria-expanded', 'false')
    await expect(countingRow).toContainText('notes here: click to unfold the Notes lane')

    await countingRow.click()
    await expect(fold).toHaveAttribute('aria-expanded', 'true')
    await expect(countingRow.filter({ hasText: 'click to unfold' })).toHaveCount(0)
    await expect(annalist.timeline.locator('.vis-item.note:not(.note-more)').first()).toBeVisible()
  } finally {
    await app.close()
  }
})
