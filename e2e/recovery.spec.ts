/**
 * Bad timeline files at startup, as the analyst meets them: the app opens on the newest backup,
 * says so in plain words, and keeps the broken file aside; a file from a newer Annalist opens
 * read-only with an explanation.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { test, expect, AnnalistPage } from './fixtures'
import { launchApp, type Target } from './launch'
import { DEFAULT_TIMELINE_NAME, timelinePath, timelinesDir } from '../main/store/library'

/** Launches once so the seed is copied and a backup taken, then closes. */
async function launchOnce(dataDir: string, target: Target): Promise<void> {
  const first = await launchApp({ dataDir, target })
  await new AnnalistPage(first.page).waitForReady()
  await first.close()
}

const BROKEN: ReadonlyArray<{ kind: string; contents: (good: string) => Buffer; reason: RegExp }> = [
  { kind: 'empty', contents: () => Buffer.alloc(0), reason: /the file is empty/ },
  { kind: 'NUL-filled', contents: () => Buffer.alloc(4096), reason: /blank \(NUL\) bytes/ },
  { kind: 'truncated', contents: (good) => Buffer.from(good.slice(0, good.length / 2)), reason: /not valid JSON/ },
]

for (const broken of BROKEN) {
  test(`a ${broken.kind} timeline file: the newest backup opens, the analyst is told, the file is kept aside`, async ({ dataDir }, testInfo) => {
    const target = testInfo.project.name as Target
    await launchOnce(dataDir, target)
    const file = timelinePath(dataDir, DEFAULT_TIMELINE_NAME)
    const good = await readFile(file, 'utf8')
    const eventCount = (JSON.parse(good) as { events: unknown[] }).events.length
    await writeFile(file, broken.contents(good))

    const second = await launchApp({ dataDir, target })
    const annalist = new AnnalistPage(second.page)
    await annalist.waitForReady()
    const banner = annalist.page.getByRole('alert').filter({ hasText: 'Annalist could not open' })
    await expect(banner).toBeVisible()
    await expect(banner).toContainText(broken.reason)
    await expect(banner).toContainText('restored from the backup of')
    await expect(annalist.eventItems()).toHaveCount(eventCount)
    await second.close()
    const aside = (await readdir(timelinesDir(dataDir))).filter((name) => name.includes('.corrupt-'))
    expect(aside).toHaveLength(1)
  })
}

test('a timeline from a newer Annalist opens read-only with an explanation, and is not written', async ({ dataDir }, testInfo) => {
  const target = testInfo.project.name as Target
  await launchOnce(dataDir, target)
  const file = timelinePath(dataDir, DEFAULT_TIMELINE_NAME)
  const newer = JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), schemaVersion: 99 })
  await writeFile(file, newer)

  const second = await launchApp({ dataDir, target })
  const annalist = new AnnalistPage(second.page)
  await annalist.waitForReady()
  const banner = annalist.page.getByRole('alert').filter({ hasText: 'saved by a newer version of Annalist' })
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('open read-only')
  await second.close()
  expect(await readFile(file, 'utf8')).toBe(newer)
})
