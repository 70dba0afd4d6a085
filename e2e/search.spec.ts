/**
 * Search and filters through the window: "Geneva" finds the Geneva talks and a note that mentions
 * Geneva, emphasises the event on the timeline, and "Fit view to results" frames the matches; a
 * minimum source grade hides events only graded lower, on the timeline and in the results.
 */
import type { Locator } from '@playwright/test'
import { test, expect, type AnnalistPage } from './fixtures'

const GENEVA = 'US–Russia Strategic Stability Dialogue, Geneva (Sherman, Ryabkov)'
const YEAR_MS = 365 * 86_400_000

function searchTab(annalist: AnnalistPage): Locator {
  return annalist.page.getByRole('tabpanel', { name: 'Search' })
}

function hits(annalist: AnnalistPage): Locator {
  return searchTab(annalist).getByRole('list', { name: 'Search results' }).getByRole('listitem')
}

test('"Geneva" finds the talks and the note about them, emphasised on the timeline, and fit-to-results frames them', async ({ annalist }) => {
  const { page } = annalist
  // A note mentioning Geneva, made through the same verbs the window uses (notes are signed, so a name first).
  const added = await page.evaluate(async () => {
    const named = await window.annalist.setPreferences({ author: { name: 'Jane Analyst' } })
    if (!named.ok) return named.error
    const note = await window.annalist.addAnnotation({
      anchor: { kind: 'span', date: '2022-01-09/2022-01-13' },
      label: 'Talks week',
      text: 'The Geneva round changed nothing on the ground.',
    })
    return note.ok ? 'ok' : note.error
  })
  expect(added).toBe('ok')
  // Any edit, from any part of the window, updates the Undo button's label.
  await expect(annalist.button('Undo: add note “Talks week”')).toBeEnabled()

  await page.keyboard.press('Control+f')
  const box = page.getByRole('searchbox', { name: 'Search' })
  await expect(box).toBeFocused()
  await page.keyboard.type('Geneva')
  await expect(searchTab(annalist)).toBeVisible()
  await expect(searchTab(annalist).getByRole('status')).toHaveText(/^\d+ match(es)?$/)
  await expect(hits(annalist).filter({ hasText: GENEVA })).toHaveCount(1)
  await expect(hits(annalist).filter({ hasText: 'Talks week' })).toContainText('The Geneva round changed nothing')
  // The word matched is marked in each hit's title and passage, as text.
  await expect(hits(annalist).filter({ hasText: GENEVA }).locator('.search-hit-title mark')).toHaveText(['Geneva'])
  await expect(hits(annalist).filter({ hasText: 'Talks week' }).locator('.search-hit-snippet mark').first()).toHaveText('Geneva')
  const count = Number((await searchTab(annalist).getByRole('status').textContent())!.split(' ')[0])
  expect(count).toBe(await hits(annalist).count())
  await expect(annalist.eventItem(GENEVA)).toHaveClass(/ev-highlight/)

  await searchTab(annalist).getByRole('button', { name: 'Fit view to results' }).click()
  await expect.poll(() => annalist.visibleWidth()).toBeLessThan(YEAR_MS)
  const framed = await annalist.visibleWindow()
  expect(framed.start).toBeLessThanOrEqual(Date.parse('2022-01-10'))
  expect(framed.end).toBeGreaterThanOrEqual(Date.parse('2022-01-11'))
  await expect(annalist.eventItem(GENEVA)).toHaveClass(/ev-highlight/)

  // A hit selects its event and shows it.
  await hits(annalist).filter({ hasText: GENEVA }).getByRole('button').click()
  await expect(annalist.detailPanel.getByRole('heading', { level: 2 })).toHaveText(GENEVA)

  // Escape in the box clears it, and the emphasis goes with it.
  await box.focus()
  await page.keyboard.press('Escape')
  await expect(box).toHaveValue('')
  await expect(annalist.eventItem(GENEVA)).not.toHaveClass(/ev-highlight/)
  // The selection behind the box is kept.
  await expect(annalist.detailPanel.getByRole('heading', { level: 2 })).toHaveText(GENEVA)
})

test('a minimum grade of A1 hides an event only graded lower, on the timeline and in the results', async ({ annalist }) => {
  const { page } = annalist
  // Unrest in Kazakhstan is graded B2 and C2; the Geneva talks have an A1 source.
  await annalist.button('Go to date').click()
  await page.getByRole('dialog', { name: 'Go to date' }).getByRole('textbox', { name: 'Date (EDTF)' }).fill('2022-01')
  await page.keyboard.press('Enter')
  await expect.poll(() => annalist.drawnEventIds()).toContain('kazakhstan-unrest-2022')

  await page.getByRole('searchbox', { name: 'Search' }).fill('Kazakhstan')
  await expect(hits(annalist).filter({ hasText: 'Unrest in Kazakhstan' })).toHaveCount(1)

  await searchTab(annalist).getByText('Filters', { exact: true }).click()
  await searchTab(annalist).getByRole('combobox', { name: 'Source reliability at least' }).selectOption('A')
  await searchTab(annalist).getByRole('combobox', { name: 'Information credibility at least' }).selectOption('1')
  await expect.poll(() => annalist.drawnEventIds()).not.toContain('kazakhstan-unrest-2022')
  expect(await annalist.drawnEventIds()).toContain('geneva-ssd-2022')
  await expect(hits(annalist).filter({ hasText: 'Unrest in Kazakhstan' })).toHaveCount(0)
  await expect(searchTab(annalist).getByText('Filters (1 on)', { exact: true })).toBeVisible()

  await searchTab(annalist).getByRole('button', { name: 'Clear filters' }).click()
  await expect.poll(() => annalist.drawnEventIds()).toContain('kazakhstan-unrest-2022')
  await expect(hits(annalist).filter({ hasText: 'Unrest in Kazakhstan' })).toHaveCount(1)
})

test('the lane filter and the date window narrow the search', async ({ annalist }) => {
  const tab = searchTab(annalist)
  await annalist.page.getByRole('searchbox', { name: 'Search' }).fill('Kazakhstan')
  await expect(hits(annalist).filter({ hasText: 'Unrest in Kazakhstan' })).toHaveCount(1)
  await tab.getByText('Filters', { exact: true }).click()
  await tab.getByRole('textbox', { name: 'From' }).fill('2022-02')
  await tab.getByRole('textbox', { name: 'To' }).fill('2022-06')
  await expect(tab.getByText('February 2022', { exact: true })).toBeVisible()
  // The window opens on the dates asked for, and matches outside them are left out.
  await expect.poll(() => annalist.visibleWidth()).toBeLessThan(YEAR_MS)
  await expect(hits(annalist).filter({ hasText: 'Unrest in Kazakhstan' })).toHaveCount(0)
  await tab.getByRole('button', { name: 'Clear filters' }).click()
  await expect(hits(annalist).filter({ hasText: 'Unrest in Kazakhstan' })).toHaveCount(1)
  await tab.getByRole('group', { name: 'Lanes to show' }).getByRole('checkbox', { name: 'Kazakhstan & CSTO' }).uncheck()
  await expect.poll(() => annalist.timeline.locator('.lane-label').allTextContents()).not.toContain('Kazakhstan & CSTO')
})

test('a result reached with the keyboard keeps its focus when the list is asked again', async ({ annalist }) => {
  const { page } = annalist
  const added = await page.evaluate(async () => {
    const named = await window.annalist.setPreferences({ author: { name: 'Jane Analyst' } })
    if (!named.ok) return named.error
    const note = await window.annalist.addAnnotation({ anchor: { kind: 'span', date: '1995-03/1995-04' }, label: 'Unrelated', text: 'Nothing about the talks.' })
    return note.ok ? 'ok' : note.error
  })
  expect(added).toBe('ok')
  await expect(annalist.button('Undo: add note “Unrelated”')).toBeEnabled()

  await page.getByRole('searchbox', { name: 'Search' }).fill('Geneva')
  await expect(searchTab(annalist).getByRole('status')).toHaveText(/^\d+ match(es)?$/)
  const row = hits(annalist).filter({ hasText: GENEVA }).getByRole('button')
  await row.focus()
  // Undo reloads the timeline, and the search is asked again: the same results come back.
  await page.keyboard.press('Control+z')
  // Said once the reload is done; the search was asked again as it finished.
  await expect(page.getByRole('status').filter({ hasText: 'Undid: add note “Unrelated”' })).toBeVisible()
  await expect(searchTab(annalist).getByRole('list', { name: 'Search results' })).not.toHaveAttribute('aria-busy', 'true')
  await expect(row).toBeFocused()
  // The row still opens its event.
  await page.keyboard.press('Enter')
  await expect(annalist.detailPanel.getByRole('heading', { level: 2 })).toHaveText(GENEVA)
})
