/** The notes as the window shows them, for the specs that look at them. */
import type { Locator } from '@playwright/test'
import type { AnnalistPage } from './fixtures'

/** The author name the specs give when the window asks for one. */
export const ANALYST = 'Jane Analyst'

export function notesTab(annalist: AnnalistPage): Locator {
  return annalist.page.getByRole('tabpanel', { name: 'Notes' })
}

export function noteRows(annalist: AnnalistPage): Locator {
  return notesTab(annalist).getByRole('list', { name: 'Notes in time order' }).locator('.note-row')
}

/** A span or moment note's label in the Notes lane (vis gives a point's dot the item's classes too, hence the type). */
export function noteOnTimeline(annalist: AnnalistPage, label: string): Locator {
  return annalist.timeline.locator('.vis-item.note:is(.vis-range, .vis-point)').filter({ hasText: label })
}
