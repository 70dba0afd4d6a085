/**
 * The README's screenshots of notes: winter 2021–22 with all three kinds of note on the timeline
 * (notes-timeline.png), and the Notes tab with one note's detail and history (notes-panel.png).
 * Called by scripts/screenshot.ts on a fresh data folder; the notes are written through the same
 * channels the window uses, by two analysts, so the history shows who changed what.
 */
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { AnnalistContract, AnnotationInput, Channel } from '../main/ipc/contract'

async function call<K extends Channel>(page: Page, channel: K, ...args: AnnalistContract[K]['args']): Promise<AnnalistContract[K]['result']> {
  const outcome = await page.evaluate(
    ([name, values]) => (window.annalist[name as Channel] as (...a: unknown[]) => Promise<{ ok: boolean; value?: unknown; error?: string }>)(...values),
    [channel, args] as [string, unknown[]],
  )
  if (!outcome.ok) throw new Error(`${channel}: ${outcome.error}`)
  return outcome.value as AnnalistContract[K]['result']
}

const note = (content: AnnotationInput): AnnotationInput => ({ label: '', tags: [], colour: 'amber', ...content })

async function writeNotes(page: Page): Promise<void> {
  await call(page, 'setPreferences', { author: { name: 'Jane Analyst' } })
  const talks = note({
    anchor: { kind: 'span', date: '2022-01-10/2022-01-13' },
    label: 'Week of talks',
    text: 'Geneva, Brussels and Vienna in four days.',
    colour: 'blue',
    tags: ['diplomacy'],
  })
  const added = await call(page, 'addAnnotation', talks)
  const talksId = added.annotations[0]!.id
  await call(page, 'addAnnotation', note({ anchor: { kind: 'moment', date: '2021-12-17' }, label: 'Draft treaties published', text: "Russia's foreign ministry publishes its draft treaties with the US and NATO on security guarantees.", colour: 'violet' }))
  await call(page, 'addAnnotation', note({ anchor: { kind: 'moment', date: '2022-02-24' }, label: 'Invasion begins', text: 'Full-scale invasion of Ukraine begins before dawn.', colour: 'red', tags: ['escalation'] }))
  await call(page, 'addAnnotation', note({
    anchor: { kind: 'span', date: '2022-02-11/2022-02-23' },
    label: 'Public warnings',
    text: 'US officials say publicly that an invasion could begin *at any time*.',
    colour: 'amber',
    tags: ['escalation', 'warning'],
    judgement: { likelihood: 'likely', confidence: 'moderate' },
  }))
  await call(page, 'addAnnotation', note({
    anchor: { kind: 'event', eventId: 'biden-putin-video-summit' },
    label: 'Positions set out, not bridged',
    text: 'Readouts differ: the White House stressed the *costs* of escalation, the Kremlin *legal guarantees* against NATO enlargement.',
    tags: ['diplomacy'],
  }))
  await call(page, 'addAnnotation', note({
    anchor: { kind: 'event', eventId: 'csto-kazakhstan-deployment' },
    label: 'A fast collective deployment',
    text: "The CSTO's first collective deployment shows how quickly Moscow can move forces into a neighbour at its government's request.",
    colour: 'green',
    judgement: { likelihood: 'likely', confidence: 'low' },
  }))

  // Two more versions of the week of talks, one by a colleague, for the history.
  await call(page, 'setPreferences', { author: { name: 'Omar Colleague' } })
  const detailed = {
    ...talks,
    text: [
      'Three formats in four days:',
      '',
      '- Geneva: Strategic Stability Dialogue (10 Jan)',
      '- Brussels: NATO–Russia Council (12 Jan)',
      '- Vienna: OSCE Permanent Council (13 Jan)',
      '',
      "Moscow's core demand, no further NATO enlargement, was **not negotiable** for the Allies.",
    ].join('\n'),
    links: { events: ['geneva-ssd-2022', 'nato-russia-council-2022'], sources: [] },
  }
  await call(page, 'updateAnnotation', talksId, detailed)
  await call(page, 'setPreferences', { author: { name: 'Jane Analyst' } })
  await call(page, 'updateAnnotation', talksId, {
    ...detailed,
    label: 'Week of talks: no convergence',
    tags: ['diplomacy', 'talks'],
    judgement: { likelihood: 'very unlikely', confidence: 'moderate' },
  })
}

async function frameWinter(page: Page): Promise<void> {
  await page.keyboard.press('g')
  await page.getByRole('textbox', { name: 'Date (EDTF)' }).fill('2021-11-20/2022-03-05')
  await page.keyboard.press('Enter')
}

export async function takeNoteScreenshots(page: Page, outDir: string): Promise<void> {
  await writeNotes(page)
  await page.reload()
  await page.locator('#app[data-ready="true"]').waitFor()
  await frameWinter(page)
  await page.getByRole('tab', { name: 'Notes' }).click()
  await page.locator('.note-row').first().waitFor()
  await page.waitForTimeout(500)
  await page.screenshot({ path: path.join(outDir, 'notes-timeline.png') })

  await page.locator('.note-row-button', { hasText: 'Week of talks' }).click()
  await page.getByRole('article', { name: 'Note' }).getByRole('list', { name: 'Versions' }).waitFor()
  await frameWinter(page)
  await page.setViewportSize({ width: 1440, height: 1040 })
  await page.waitForTimeout(500)
  await page.screenshot({ path: path.join(outDir, 'notes-panel.png') })
}
