/** Playwright fixtures: each test gets its own data folder and a launched app on its project's target. */
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { launchApp, type LaunchedApp, type Target } from './launch'
import type { TimelineDocument } from '../main/domain/timeline'
import { DEFAULT_TIMELINE_NAME, timelinePath, timelinesDir } from '../main/store/library'
import { serializeTimeline } from '../main/store/timelineFile'

/**
 * Elements that would mean data became markup: any script or link, and any image but the export
 * dialog's own figure preview (a blob: URL of an SVG the main process drew).
 */
export const INJECTED_ELEMENTS = '#app script, #app a[href], #app img:not(.figure-preview-image)'

/** The app as a user sees it: found by role and accessible name, as a screen reader would. */
export class AnnalistPage {
  constructor(readonly page: Page) {}

  /** The window is built and the timeline drawn (its first drawing can land just after the window is ready). */
  async waitForReady(): Promise<void> {
    await expect(this.page.locator('#app[data-ready="true"]')).toBeVisible()
    await expect(this.timeline).toHaveAttribute('data-drawn-items', /^\d+$/)
  }

  get timeline(): Locator {
    return this.page.getByRole('region', { name: 'Timeline' })
  }

  get detailPanel(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Details' })
  }

  /**
   * One element per event and lane it is drawn in (an event in two lanes is drawn twice);
   * vis-timeline also gives a point's dot the item's classes, hence the type filter.
   */
  eventItems(): Locator {
    return this.timeline.locator('.vis-item.ev:is(.vis-point, .vis-range, .vis-box)')
  }

  /** The event with this title, in the first lane it is drawn in. */
  eventItem(title: string): Locator {
    return this.eventItems().filter({ has: this.page.locator('.ev-title', { hasText: title }) }).first()
  }

  /** Ids of the distinct events drawn now. */
  async drawnEventIds(): Promise<string[]> {
    const ids = await this.timeline.locator('.ev-label[data-event-id]').evaluateAll((labels) => labels.map((l) => l.getAttribute('data-event-id') ?? ''))
    return [...new Set(ids)].sort()
  }

  async visibleWindow(): Promise<{ start: number; end: number }> {
    const start = await this.timeline.getAttribute('data-window-start')
    const end = await this.timeline.getAttribute('data-window-end')
    return { start: Date.parse(start ?? ''), end: Date.parse(end ?? '') }
  }

  async visibleWidth(): Promise<number> {
    const { start, end } = await this.visibleWindow()
    return end - start
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true })
  }

  /** Runs a command from the Commands menu, as the analyst picks it. */
  async runCommand(name: string): Promise<void> {
    await this.button('Commands').click()
    await this.page.getByRole('menuitem', { name }).click()
  }
}

/** Launches the app on a timeline of the test's own, written where the default timeline's file goes. */
export async function launchOnTimeline(dataDir: string, target: Target, document: TimelineDocument): Promise<{ app: LaunchedApp; annalist: AnnalistPage }> {
  await mkdir(timelinesDir(dataDir), { recursive: true })
  await writeFile(timelinePath(dataDir, DEFAULT_TIMELINE_NAME), serializeTimeline(document))
  const app = await launchApp({ dataDir, target })
  return { app, annalist: new AnnalistPage(app.page) }
}

export interface Fixtures {
  dataDir: string
  app: LaunchedApp
  annalist: AnnalistPage
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'annalist-e2e-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },
  app: async ({ dataDir }, use, testInfo) => {
    const app = await launchApp({ dataDir, target: testInfo.project.name as Target })
    await use(app)
    await app.close()
  },
  annalist: async ({ app }, use) => {
    const annalist = new AnnalistPage(app.page)
    await annalist.waitForReady()
    await use(annalist)
  },
})

export { expect }
