/** Hostile strings in a timeline file are shown as text: no markup is parsed, no script runs. */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { INJECTED_ELEMENTS, test, expect, AnnalistPage } from './fixtures'
import { launchApp, type Target } from './launch'
import { DEFAULT_TIMELINE_NAME, timelinePath, timelinesDir } from '../main/store/library'

const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Kabul'
const HOSTILE_DESCRIPTION = '</p><script>window.__pwned=2</script><a href="https://example.com">click</a>'
const HOSTILE_LANE = '<b onmouseover="window.__pwned=3">Lane</b>'

test('hostile strings are shown literally and never run', async ({ dataDir }, testInfo) => {
  const seed = JSON.parse(await readFile(path.join('data', 'seed', `${DEFAULT_TIMELINE_NAME}.json`), 'utf8'))
  seed.events[0].title = HOSTILE_TITLE
  seed.events[0].description = HOSTILE_DESCRIPTION
  seed.events[0].sources[0].url = 'javascript:window.__pwned=4'
  seed.lanes[0].name = HOSTILE_LANE
  await mkdir(timelinesDir(dataDir), { recursive: true })
  await writeFile(timelinePath(dataDir, DEFAULT_TIMELINE_NAME), JSON.stringify(seed))

  const app = await launchApp({ dataDir, target: testInfo.project.name as Target })
  const annalist = new AnnalistPage(app.page)
  await annalist.waitForReady()

  const item = annalist.eventItem('Kabul').first()
  await expect(item.locator('.ev-title')).toHaveText(HOSTILE_TITLE)
  await expect(annalist.timeline.getByText(HOSTILE_LANE, { exact: true })).toBeVisible()
  await item.click()
  await expect(annalist.detailPanel).toContainText(HOSTILE_DESCRIPTION)
  await annalist.detailPanel.getByRole('region', { name: 'Sources' }).getByRole('button').first().click()

  expect(await annalist.page.locator(INJECTED_ELEMENTS).count()).toBe(0)
  expect(await annalist.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(app.openedInBrowser).toEqual([])
  expect(app.networkRequests).toEqual([])
  await app.close()
})
