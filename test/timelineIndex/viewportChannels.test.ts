/**
 * The engine's channels end to end in the main process: through the checking dispatcher into a real
 * TimelineSession on a copy of the seed timeline, following edits as they are made.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AnnalistContract, Channel, Outcome } from '../../main/ipc/contract'
import { createDispatcher } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { TimelineSession } from '../../main/timelineSession'
import { SEED_FILE } from '../edits/fixtures'

const ORIGIN = 'app://annalist'

async function openSeed(t: { after: (fn: () => Promise<void>) => void }) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'annalist-viewport-'))
  const file = path.join(dataDir, 'crisis.annalist.json')
  await copyFile(SEED_FILE, file)
  const session = await TimelineSession.open(file, { backupEveryMs: 3_600_000 })
  t.after(async () => {
    await session.close()
    await rm(dataDir, { recursive: true, force: true })
  })
  const dispatch = createDispatcher(createHandlers({ session, openInBrowser: async () => undefined, dataDir }), ORIGIN)
  const raw = (channel: string, args: unknown) => dispatch(channel, { url: `${ORIGIN}/index.html` }, args)
  const call = async <K extends Channel>(channel: K, ...args: AnnalistContract[K]['args']): Promise<AnnalistContract[K]['result']> => {
    const outcome = (await raw(channel, args)) as Outcome<AnnalistContract[K]['result']>
    if (!outcome.ok) throw new Error(outcome.error)
    return outcome.value
  }
  return { session, call, raw }
}

const WINTER = { start: Date.UTC(2021, 10, 1), end: Date.UTC(2022, 2, 1) }

test('the seed timeline comes back as items per lane, with an overview and search', async (t) => {
  const { session, call } = await openSeed(t)
  const slice = await call('viewportItems', { ...WINTER, widthPx: 1_600 })
  const geneva = slice.items.find((item) => item.title.includes('Geneva'))
  assert.ok(geneva, 'the Geneva talks are drawn in the winter 2021–22 window')
  assert.equal(geneva.date, session.document.events.find((e) => e.id === geneva.eventId)?.date)
  assert.ok(slice.covered.start <= WINTER.start && slice.covered.end >= WINTER.end)

  const overview = await call('densityOverview', 200, null)
  assert.equal(overview.events.reduce((a, b) => a + b, 0), session.document.events.length)

  // The window asks for what is indexed so far (answered at once while a large timeline is indexed).
  const found = await call('search', { text: 'kazakhstan', soFar: true })
  assert.ok(found.total >= 2)
  assert.ok(found.hits.every((hit) => hit.span !== null))
  assert.deepEqual(found.span, {
    start: Math.min(...found.hits.map((hit) => hit.span!.start)),
    end: Math.max(...found.hits.map((hit) => hit.span!.end)),
  }, 'fit-to-results frames every match (the 1991 Alma-Ata Protocol and the 2022 unrest)')

  // The search shown in the window marks its matches in the drawing (once the index has answered).
  const marked = await call('viewportItems', { ...WINTER, widthPx: 1_600, search: { text: 'geneva' } })
  assert.deepEqual(new Set(marked.items.filter((item) => item.matchesSearch).map((item) => item.eventId)), new Set([geneva.eventId]), 'the talks, in each lane they are drawn in')
})

test('an event added through the editing channel is drawn and found at once, and the outline’s range takes it in', async (t) => {
  const { call } = await openSeed(t)
  const before = await call('loadTimeline')
  await call('addEvent', { title: 'Zhanaozen strike committee formed', date: '2022-01-03', lanes: ['kazakhstan-csto'] })
  await call('addEvent', { title: 'Review of the CSTO mandate', date: '2031-06', lanes: ['kazakhstan-csto'] })
  const after = await call('loadTimeline')
  assert.deepEqual(after.range, { start: before.range!.start, end: Date.UTC(2031, 6, 1) - 1 }, 'from the same start to the end of June 2031')
  const found = await call('search', { text: 'strike committee' })
  assert.deepEqual(found.hits.map((hit) => hit.title), ['Zhanaozen strike committee formed'])
  const slice = await call('viewportItems', { ...WINTER, widthPx: 1_600, laneIds: ['kazakhstan-csto'] })
  assert.ok(slice.items.some((item) => item.title === 'Zhanaozen strike committee formed'))
  assert.ok(slice.items.every((item) => item.lane === 'kazakhstan-csto'))
})

test('malformed queries are refused before they reach the engine', async (t) => {
  const { raw } = await openSeed(t)
  const refused = async (channel: string, args: unknown) => {
    const outcome = await raw(channel, args)
    assert.equal(outcome.ok, false, `${channel} ${JSON.stringify(args)}`)
  }
  await refused('viewportItems', [{ start: 10, end: 5, widthPx: 800 }])
  await refused('viewportItems', [{ start: 0, end: 5, widthPx: 800, filter: { minGrade: 'Z9' } }])
  await refused('viewportItems', [{ start: 0, end: 5, widthPx: 800, extra: true }])
  await refused('densityOverview', [0, null])
  await refused('densityOverview', [1e9, null])
  await refused('search', [{ text: 'x'.repeat(5_000) }])
  await refused('viewportItems', [{ start: 0, end: 5, widthPx: 800, search: { text: 'x'.repeat(5_000) } }])
  await refused('viewportItems', [{ start: 0, end: 5, widthPx: 800, search: { text: 'x', limit: 5 } }])
  await refused('viewportItems', [{ start: 0, end: 5, widthPx: 800, notesFolded: 'yes' }])
  await refused('search', [{ text: 'geneva', soFar: 'yes' }])
})

test('the drawn stretch carries its notes, and events their note counts, as notes are added', async (t) => {
  const { call } = await openSeed(t)
  const before = await call('viewportItems', { ...WINTER, widthPx: 1_600 })
  const geneva = before.items.find((item) => item.title.includes('Geneva'))!
  await call('setPreferences', { author: { name: 'Test Analyst' } })
  const span = await call('addAnnotation', { anchor: { kind: 'span', date: '2022-01-08/2022-01-13' }, text: 'Talks week' })
  await call('addAnnotation', { anchor: { kind: 'event', eventId: geneva.eventId }, text: 'Read-out differs' })
  await call('addAnnotation', { anchor: { kind: 'moment', date: '1995-06-01' }, text: 'Outside the window' })

  const after = await call('viewportItems', { ...WINTER, widthPx: 1_600 })
  assert.deepEqual(after.notes.map((note) => note.id), [...before.notes.map((note) => note.id), span.annotations[0]!.id])
  assert.equal(after.moreNotes, 0)
  assert.equal(after.noteCounts[geneva.eventId], (before.noteCounts[geneva.eventId] ?? 0) + 1)
})
