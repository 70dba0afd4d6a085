/**
 * The search shown in the window, on the timeline: every event it matches is marked, drawn as itself
 * or counted in its cluster ("37 found"), not only the first hits the results list shows.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { TimelineIndexes } from '../../main/timelineIndex/timelineIndexes'
import type { ViewportQuery } from '../../main/timelineIndex/viewportTypes'
import { event, timeline } from './fixtures'

const DAY = 86_400_000
const JUNE = Date.UTC(2021, 5, 1)
/** Sixty events a day apart in lane A, every third about a pipeline; two pipeline events in lane B. */
function pipelineSummer() {
  const events = Array.from({ length: 60 }, (_, day) =>
    event(`d${day}`, new Date(JUNE + day * DAY).toISOString().slice(0, 10), ['a'], { title: day % 3 === 0 ? `Pipeline talks, day ${day}` : `Border talks, day ${day}` }),
  )
  events.push(event('b1', '2021-06-20', ['b'], { title: 'Pipeline closed' }), event('b2', '2021-07-20', ['b'], { title: 'Pipeline reopened' }))
  return timeline(events)
}

async function indexed(document = pipelineSummer()): Promise<TimelineIndexes> {
  const indexes = new TimelineIndexes({ searchBuild: 'on-first-search' })
  indexes.rebuild(document)
  await indexes.searchReady()
  return indexes
}

const WHOLE_SUMMER: ViewportQuery = { start: JUNE - 5 * DAY, end: JUNE + 65 * DAY, widthPx: 800 }
const isPipeline = (id: string) => id === 'b1' || id === 'b2' || Number(id.slice(1)) % 3 === 0

test('every event the search matches is marked where it is drawn, and counted in the cluster that holds it', async () => {
  const indexes = await indexed()
  const searched = indexes.viewportItems({ ...WHOLE_SUMMER, search: { text: 'pipeline' } }, undefined, true)
  assert.ok(searched.clusters.length > 0, 'lane A is too crowded to draw one by one over the summer')
  let counted = 0
  for (const cluster of searched.clusters) {
    const matching = searched.members!.get(cluster.id)!.filter(isPipeline).length
    assert.equal(cluster.searchMatches, matching > 0 ? matching : undefined, `cluster ${cluster.id} counts its ${matching} matches`)
    counted += matching
  }
  for (const item of searched.items) assert.equal(item.matchesSearch, isPipeline(item.eventId) ? true : undefined, `${item.eventId} is marked if it matches`)
  assert.equal(counted + searched.items.filter((item) => item.matchesSearch).length, 22, 'all twenty-two matches, drawn or counted')

  const plain = indexes.viewportItems(WHOLE_SUMMER)
  assert.ok(plain.clusters.every((cluster) => cluster.searchMatches === undefined) && plain.items.every((item) => item.matchesSearch === undefined), 'no search, no marks')
  assert.deepEqual(
    searched.clusters.map(({ searchMatches: _, ...cluster }) => cluster),
    plain.clusters,
    'the search changes the marks, not what is drawn',
  )
})

test('the overview strip counts the events a search matches in its bins, on the same bins as every event', async () => {
  const indexes = await indexed()
  const plain = indexes.densityOverview(10)
  assert.equal(plain.searchMatches, undefined, 'no search, no counts of matches')
  const searched = indexes.densityOverview(10, { text: 'pipeline' })
  assert.deepEqual({ ...searched, searchMatches: undefined }, { ...plain, searchMatches: undefined }, 'the same bins and counts otherwise')
  assert.equal(searched.searchMatches!.reduce((sum, count) => sum + count, 0), 22, 'every matching event once, whatever its lanes')
  searched.searchMatches!.forEach((count, bin) => assert.ok(count <= searched.events[bin]!, `bin ${bin}: no more matches than events`))
  const july = indexes.densityOverview(10, { text: 'pipeline', filter: { from: Date.UTC(2021, 6, 1), to: Date.UTC(2021, 6, 31) } })
  assert.equal(july.searchMatches!.reduce((sum, count) => sum + count, 0), 11, 'its filters apply')
})

test('the search filters narrow the marks as they narrow the results', async () => {
  const indexes = await indexed()
  const laneB = indexes.viewportItems({ ...WHOLE_SUMMER, search: { text: 'pipeline', filter: { lanes: ['b'] } } })
  assert.deepEqual(laneB.items.filter((item) => item.matchesSearch).map((item) => item.eventId).sort(), ['b1', 'b2'])
  assert.ok(laneB.clusters.every((cluster) => cluster.searchMatches === undefined), 'lane A holds no match in lane B')
  const july = indexes.viewportItems({ ...WHOLE_SUMMER, search: { text: 'pipeline', filter: { from: Date.UTC(2021, 6, 1), to: Date.UTC(2021, 6, 31) } } })
  const found = july.clusters.reduce((sum, cluster) => sum + (cluster.searchMatches ?? 0), 0) + july.items.filter((item) => item.matchesSearch).length
  assert.equal(found, 11, 'ten in lane A and one in lane B in July')
})

test('an edit is marked at the next drawing; until the index is built nothing is, and nothing waits for it', async () => {
  const document = pipelineSummer()
  const indexes = new TimelineIndexes({ searchBuild: 'on-first-search' })
  indexes.rebuild(document)
  const early = indexes.viewportItems({ ...WHOLE_SUMMER, search: { text: 'pipeline' } })
  assert.ok(early.items.length + early.clusters.length > 0, 'drawn')
  assert.ok(early.items.every((item) => !item.matchesSearch) && early.clusters.every((cluster) => !cluster.searchMatches), 'no marks yet')

  await indexes.searchReady()
  const query = { ...WHOLE_SUMMER, search: { text: 'pipeline' } }
  const before = indexes.viewportItems(query).items.find((item) => item.eventId === 'b1')
  assert.equal(before?.matchesSearch, true)
  indexes.sync({ ...document, events: document.events.map((e) => (e.id === 'b1' ? { ...e, title: 'Border closed' } : e)) })
  const after = indexes.viewportItems(query).items.find((item) => item.eventId === 'b1')
  assert.ok(after, 'still drawn')
  assert.equal(after.matchesSearch, undefined, 'retitled, it no longer matches')
})

test('whatever the events, window and filter, each cluster counts exactly the matches among its events, through edits', async () => {
  const FROM = Date.UTC(2000, 0, 1)
  const YEAR = 365 * DAY
  const eventsArb = fc.array(
    fc.record({ at: fc.integer({ min: FROM, max: FROM + YEAR }), lanes: fc.subarray(['a', 'b', 'c']), pipeline: fc.boolean(), tagged: fc.boolean() }),
    { minLength: 1, maxLength: 300 },
  )
  const queryArb = fc.record({ from: fc.integer({ min: -YEAR, max: YEAR }), length: fc.integer({ min: DAY, max: 2 * YEAR }), widthPx: fc.integer({ min: 100, max: 1_500 }), filtered: fc.boolean() })
  const made = (specs: { at: number; lanes: string[]; pipeline: boolean; tagged: boolean }[], prefix: string) =>
    specs.map((s, i) => event(`${prefix}${i}`, new Date(s.at).toISOString().slice(0, 10), s.lanes, { title: s.pipeline ? 'Pipeline closed' : 'Border talks', tags: s.tagged ? ['energy'] : [] }))
  await fc.assert(
    fc.asyncProperty(eventsArb, eventsArb, fc.array(queryArb, { minLength: 1, maxLength: 3 }), async (first, added, queries) => {
      const events = made(first, 'e')
      const indexes = await indexed(timeline(events))
      const check = (all: typeof events) => {
        const matching = new Set(all.filter((e) => e.title.startsWith('Pipeline')).map((e) => e.id))
        for (const q of queries) {
          const query: ViewportQuery = { start: FROM + q.from, end: FROM + q.from + q.length, widthPx: q.widthPx, ...(q.filtered ? { filter: { tags: ['energy'] } } : {}) }
          const searched = indexes.viewportItems({ ...query, search: { text: 'pipeline' } }, { maxShown: 40, itemsPerBucket: 2, bucketsPerCell: 4 }, true)
          for (const cluster of searched.clusters) {
            const found = searched.members!.get(cluster.id)!.filter((id) => matching.has(id)).length
            assert.equal(cluster.searchMatches ?? 0, found, `cluster ${cluster.id}`)
          }
          for (const item of searched.items) assert.equal(item.matchesSearch === true, matching.has(item.eventId), item.eventId)
        }
      }
      check(events)
      // Events added after the marks were made: the marks follow.
      const more = made(added, 'n')
      indexes.applyChange({ events: { added: more } })
      await indexes.searchReady()
      check([...events, ...more])
    }),
    { numRuns: 60 },
  )
})
