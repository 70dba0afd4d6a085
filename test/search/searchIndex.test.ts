import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TimelineIndexes } from '../../main/timelineIndex/timelineIndexes'
import { TimelineSearch } from '../../main/search/searchIndex'
import { snippetAround } from '../../main/search/snippet'
import { annotation, event, timeline } from '../timelineIndex/fixtures'

const source = (publisher: string, grade: string) => ({ id: `${publisher}-${grade}`, title: 'Report', publisher, url: '', grade })

function crisis() {
  return timeline(
    [
      event('kz-unrest', '2022-01-02/2022-01-19', ['b'], {
        title: 'Unrest in Kazakhstan',
        description: 'Protests began over fuel prices in Zhanaozen and spread to Almaty.',
        tags: ['protest'],
        sources: [source('Reuters', 'B2')],
      }),
      event('csto', '2022-01-06/2022-01-19', ['b'], { title: 'CSTO deployment to Kazakhstan', sources: [source('TASS', 'C3')] }),
      event('niinisto', '2022-01-01', ['c'], { title: 'Niinistö New Year speech', description: 'Finland keeps the option to apply to NATO.', tags: ['nato'] }),
      event('ceasefire', '2014-09-05', ['a'], { title: 'Minsk ceasefire protocol signed', sources: [source('OSCE', 'A1')] }),
    ],
    [
      annotation('watch', { kind: 'event', eventId: 'kz-unrest' }, 'Watch whether the CSTO withdraws on schedule.', { label: 'Withdrawal timing', tags: ['follow-up'] }),
      annotation('gap', { kind: 'span', date: '2021-11-10/2022-02-24' }, 'Troop numbers near Ukraine rest on one Ukrainian estimate.'),
    ],
  )
}

async function searchIds(indexes: TimelineIndexes, text: string, filter?: Parameters<TimelineIndexes['search']>[0]['filter']) {
  const results = await indexes.search({ text, filter })
  return results.hits.map((hit) => `${hit.kind}:${hit.id}`).sort()
}

test('finds events by title, description, tag and source, and annotations by label and text', async () => {
  const indexes = new TimelineIndexes()
  indexes.rebuild(crisis())
  assert.deepEqual(await searchIds(indexes, 'zhanaozen'), ['event:kz-unrest'])
  assert.deepEqual(await searchIds(indexes, 'protest'), ['event:kz-unrest'])
  assert.deepEqual(await searchIds(indexes, 'reuters'), ['event:kz-unrest'])
  assert.deepEqual(await searchIds(indexes, 'withdrawal timing'), ['annotation:watch'])
  assert.deepEqual(await searchIds(indexes, 'ukrainian estimate'), ['annotation:gap'])
  assert.deepEqual(await searchIds(indexes, 'kazakhstan'), ['event:csto', 'event:kz-unrest'])
  assert.deepEqual(await searchIds(indexes, 'the unrest in Kazakhstan'), ['event:kz-unrest'], 'common words do not stop a match')
})

test('prefixes match from four letters and one typo from five; accents are ignored', async () => {
  const indexes = new TimelineIndexes()
  indexes.rebuild(crisis())
  assert.deepEqual(await searchIds(indexes, 'kazak'), ['event:csto', 'event:kz-unrest'])
  assert.deepEqual(await searchIds(indexes, 'kaz'), [], 'three letters match whole words only')
  assert.deepEqual(await searchIds(indexes, 'ceasfire'), ['event:ceasefire'])
  assert.deepEqual(await searchIds(indexes, 'osca'), [], 'four letters are not taken for a word one letter away (OSCE)')
  assert.deepEqual(await searchIds(indexes, 'niinisto'), ['event:niinisto'])
})

test('a short name is not taken for another one letter away: Iran does not find Iraq, nor Oman Omar', async () => {
  const indexes = new TimelineIndexes()
  indexes.rebuild(
    timeline([
      event('iran', '2021-11-29', ['a'], { title: 'Iran nuclear talks resume in Vienna' }),
      event('iraq', '2021-12-09', ['a'], { title: 'US combat mission in Iraq ends' }),
      event('oman', '2021-12-15', ['a'], { title: 'Oman mediates in Yemen' }),
      event('omar', '2021-12-20', ['a'], { title: 'Omar Khayyam exhibition opens' }),
    ]),
  )
  assert.deepEqual(await searchIds(indexes, 'iran'), ['event:iran'])
  assert.deepEqual(await searchIds(indexes, 'iraq'), ['event:iraq'])
  assert.deepEqual(await searchIds(indexes, 'oman'), ['event:oman'])
  assert.deepEqual(await searchIds(indexes, 'vienna'), ['event:iran'], 'a longer word still matches')
  assert.deepEqual(await searchIds(indexes, 'viena'), ['event:iran'], 'and with one typo')
})

test('the best match comes first, with a snippet around the matching word and the span of all matches', async () => {
  const indexes = new TimelineIndexes()
  indexes.rebuild(crisis())
  const results = await indexes.search({ text: 'kazakhstan' })
  assert.equal(results.total, 2)
  assert.deepEqual(results.span, { start: Date.UTC(2022, 0, 2), end: Date.UTC(2022, 0, 20) - 1 })
  const unrest = results.hits.find((hit) => hit.id === 'kz-unrest')!
  assert.equal(unrest.snippet, 'Protests began over fuel prices in Zhanaozen and spread to Almaty.')
  const limited = await indexes.search({ text: 'kazakhstan', limit: 1 })
  assert.equal(limited.hits.length, 1)
  assert.equal(limited.total, 2)
})

test('each hit says where the words it matched stand in its title and snippet, after prefixes, typos and accents', async () => {
  const indexes = new TimelineIndexes()
  indexes.rebuild(crisis())
  const marked = (text: string, ranges: [number, number][]) => ranges.map(([start, end]) => text.slice(start, end))
  const hit = async (text: string, id: string) => (await indexes.search({ text })).hits.find((found) => found.id === id)!
  const unrest = await hit('kazak zhanaozen', 'kz-unrest')
  assert.deepEqual(marked(unrest.title, unrest.marks.title), ['Kazakhstan'], 'a prefix marks the whole word it matched')
  assert.deepEqual(marked(unrest.snippet, unrest.marks.snippet), ['Zhanaozen'])
  const minsk = await hit('ceasfire', 'ceasefire')
  assert.deepEqual(marked(minsk.title, minsk.marks.title), ['ceasefire'], 'a typo marks the word as written')
  const speech = await hit('niinisto', 'niinisto')
  assert.deepEqual(marked(speech.title, speech.marks.title), ['Niinistö'], 'accents are kept in what is marked')
  const note = await hit('ukrainian estimate', 'gap')
  assert.deepEqual(marked(note.snippet, note.marks.snippet), ['Ukrainian', 'estimate'])
  assert.deepEqual(note.marks.title.length, 2, 'the title of a note without a label is the start of its text')
})

test('filters by lane, tag, grade and date window; annotations follow their event', async () => {
  const indexes = new TimelineIndexes()
  indexes.rebuild(crisis())
  assert.deepEqual(await searchIds(indexes, 'kazakhstan', { minGrade: 'B2' }), ['event:kz-unrest'])
  assert.deepEqual(await searchIds(indexes, 'csto', { lanes: ['b'] }), ['annotation:watch', 'event:csto'])
  assert.deepEqual(await searchIds(indexes, 'csto', { lanes: ['a'] }), [])
  assert.deepEqual(await searchIds(indexes, 'csto', { tags: ['follow-up'] }), ['annotation:watch'])
  assert.deepEqual(await searchIds(indexes, 'ceasefire', { from: Date.UTC(2022, 0, 1), to: Date.UTC(2022, 11, 31) }), [])
  assert.deepEqual(await searchIds(indexes, 'ceasefire', { from: Date.UTC(2014, 8, 5, 12), to: Date.UTC(2014, 8, 6) }), ['event:ceasefire'])
})

test('follows edits: renamed, removed and trashed things are found by what they now say', async () => {
  const indexes = new TimelineIndexes()
  const document = crisis()
  indexes.rebuild(document)
  await indexes.searchReady()
  const renamed = { ...document.events[1]!, title: 'Collective Security Treaty forces land in Almaty' }
  indexes.applyChange({ events: { updated: [renamed], removed: ['ceasefire'] } })
  indexes.applyChange({ annotations: { updated: [{ ...document.annotations[1]!, deleted: '2026-01-02T00:00:00.000Z' }] } })
  assert.deepEqual(await searchIds(indexes, 'deployment'), [])
  assert.deepEqual(await searchIds(indexes, 'collective security'), ['event:csto'])
  assert.deepEqual(await searchIds(indexes, 'ceasefire'), [])
  assert.deepEqual(await searchIds(indexes, 'ukrainian estimate'), [])
})

test('edits made while the index is still being built are not lost', async () => {
  const indexes = new TimelineIndexes({ searchBuild: 'at-open' })
  const document = crisis()
  indexes.rebuild(document)
  indexes.applyChange({ events: { added: [event('new', '2022-02-24', ['a'], { title: 'Full-scale invasion begins' })], removed: ['niinisto'] } })
  assert.deepEqual(await searchIds(indexes, 'invasion'), ['event:new'])
  assert.deepEqual(await searchIds(indexes, 'niinisto'), [])
})

test('the background build can wait for the window to draw, and a search before then starts it at once', async () => {
  const waiting = new TimelineIndexes({ searchBuild: 'at-open', searchBuildDelayMs: 40 })
  waiting.rebuild(crisis())
  assert.equal(waiting.searchBuilt, false, 'nothing built straight after opening')
  await new Promise((resolve) => setTimeout(resolve, 300))
  assert.equal(waiting.searchBuilt, true, 'built once the delay has passed, without a search')

  const asked = new TimelineIndexes({ searchBuild: 'at-open', searchBuildDelayMs: 60_000 })
  asked.rebuild(crisis())
  assert.deepEqual(await searchIds(asked, 'deployment'), ['event:csto'])
  assert.equal(asked.searchBuilt, true)
})

/** `count` events, the last one alone in saying "Sevastopol". */
function manyEvents(count: number, prefix: string) {
  const events = Array.from({ length: count }, (_, n) => event(`${prefix}-${n}`, '2021-12-07', ['a'], { title: `Video summit follow-up ${n}` }))
  events[count - 1] = { ...events[count - 1]!, title: 'Fleet leaves Sevastopol' }
  return timeline(events)
}

test('an abandoned search build stops (the timeline was indexed again from scratch)', async () => {
  const { events } = manyEvents(2_000, 'old')
  const search = new TimelineSearch({
    everything: () => ({ events, annotations: [] }),
    event: () => undefined,
    record: () => assert.fail('no event is in the index'),
    annotation: () => undefined,
    annotatedEvent: () => undefined,
    annotationSpan: () => null,
    slotCount: () => 0,
  })
  const building = search.whenBuilt()
  search.abandon()
  await building
  assert.equal(search.isBuilt, false, 'stopped before indexing all 2,000 events')
})

test('asked for what is indexed so far, a search answers at once while the index is built, and says how far it got', async () => {
  // 2,000 events saying "summit"; the first and the last also say "Sevastopol".
  const document = manyEvents(2_000, 'e')
  document.events[0] = { ...document.events[0]!, title: 'Fleet reaches Sevastopol' }
  const indexes = new TimelineIndexes({ searchBuild: 'on-first-search' })
  indexes.rebuild(document)

  const early = await indexes.search({ text: 'sevastopol', soFar: true })
  assert.ok(early.indexing, 'the answer says the index is still being built')
  assert.equal(early.indexing.of, 2_000)
  assert.ok(early.indexing.indexed > 0 && early.indexing.indexed < 2_000, `part of the timeline indexed (${early.indexing.indexed})`)
  assert.deepEqual(early.hits.map((hit) => hit.id), ['e-0'], 'what is indexed so far is found; the rest is not yet')
  assert.equal(indexes.searchBuilt, false)

  // Asked without soFar, the same search waits for the whole index.
  const whole = await indexes.search({ text: 'sevastopol' })
  assert.equal(whole.indexing, undefined)
  assert.deepEqual(whole.hits.map((hit) => hit.id).sort(), ['e-0', 'e-1999'])
  const after = await indexes.search({ text: 'sevastopol', soFar: true })
  assert.equal(after.indexing, undefined, 'once built, a search asked for what is indexed so far is complete')
  assert.equal(after.total, 2)
})

test('the timeline marks a search only once the index is whole: a cluster never counts fewer matches than it holds', async () => {
  const indexes = new TimelineIndexes({ searchBuild: 'on-first-search' })
  indexes.rebuild(manyEvents(2_000, 'e'))
  const window = { start: Date.UTC(2021, 11, 1), end: Date.UTC(2021, 11, 31), widthPx: 1000 }
  const marked = (drawing: ReturnType<TimelineIndexes['viewportItems']>) =>
    drawing.items.filter((item) => item.matchesSearch).length + drawing.clusters.reduce((sum, cluster) => sum + (cluster.searchMatches ?? 0), 0)
  await indexes.search({ text: 'summit', soFar: true })
  assert.equal(marked(indexes.viewportItems({ ...window, search: { text: 'summit' } })), 0, 'nothing marked from a partial index')
  await indexes.searchReady()
  assert.equal(marked(indexes.viewportItems({ ...window, search: { text: 'summit' } })), 1_999, 'every event but the last, which says "Fleet leaves Sevastopol"')
})

test('indexing for search waits while the analyst moves the window, and a search lifts the wait', async () => {
  const indexes = new TimelineIndexes({ searchBuild: 'at-open', searchBuildDelayMs: 0, searchBuildQuietMs: 300 })
  indexes.rebuild(manyEvents(2_000, 'e'))
  const window = { start: Date.UTC(2021, 11, 1), end: Date.UTC(2021, 11, 31), widthPx: 1000 }
  // A drawing asked for every 10 ms, as zoom and pan steps do; 2,000 events index in tens of ms otherwise.
  const moving = setInterval(() => indexes.viewportItems(window), 10)
  try {
    await new Promise((resolve) => setTimeout(resolve, 600))
    const { indexed, of } = indexes.searchIndexed
    assert.ok(indexed < of, `indexing waited while the window moved (${indexed} of ${of} indexed)`)
    // A search wants the index now: it is built at full speed, the window still moving.
    const found = await indexes.search({ text: 'sevastopol' })
    assert.deepEqual(found.hits.map((hit) => hit.id), ['e-1999'])
    assert.equal(indexes.searchBuilt, true)
  } finally {
    clearInterval(moving)
  }

  // Left alone, the window still: the build goes on by itself.
  const still = new TimelineIndexes({ searchBuild: 'at-open', searchBuildDelayMs: 0, searchBuildQuietMs: 300 })
  still.rebuild(manyEvents(2_000, 'e'))
  still.viewportItems(window)
  await still.searchReady()
  assert.equal(still.searchIndexed.indexed, 2_000)
})

test('a search asked while the timeline is indexed again answers for the timeline as it is now', async () => {
  const indexes = new TimelineIndexes({ searchBuild: 'at-open' })
  indexes.rebuild(manyEvents(2_000, 'old'))
  const asked = searchIds(indexes, 'sevastopol')
  indexes.rebuild(manyEvents(3, 'new'))
  assert.deepEqual(await asked, ['event:new-2'])
})

test('sync finds what changed in a replaced document', async () => {
  const indexes = new TimelineIndexes()
  const document = crisis()
  indexes.rebuild(document)
  const next = { ...document, events: [...document.events.slice(1), event('late', '2022-05-18', ['c'], { title: 'Finland and Sweden apply to join NATO' })] }
  indexes.sync(next)
  assert.deepEqual(await searchIds(indexes, 'zhanaozen'), [])
  assert.deepEqual(await searchIds(indexes, 'sweden'), ['event:late'])
  assert.equal(indexes.eventCount, 4)
  assert.equal(indexes.viewportItems({ start: Date.UTC(2022, 4, 1), end: Date.UTC(2022, 5, 1), widthPx: 800 }).items.some((item) => item.eventId === 'late'), true)
})

test('a snippet is cut at word boundaries around the first match', () => {
  const text = `${'Background paragraph about the region. '.repeat(8)}The CSTO began withdrawing on 13 January. ${'More text follows here. '.repeat(8)}`
  const snippet = snippetAround(text, ['withdrawing'])
  assert.ok(snippet.startsWith('…') && snippet.endsWith('…'), snippet)
  assert.ok(snippet.includes('The CSTO began withdrawing on 13 January.'), snippet)
  assert.ok(snippet.length <= 165)
})

test('after edits applied directly, sync still brings the indexes back to a document', async () => {
  const indexes = new TimelineIndexes()
  const document = crisis()
  indexes.rebuild(document)
  indexes.applyChange({ events: { removed: ['csto'] } })
  indexes.sync(document)
  assert.deepEqual(await searchIds(indexes, 'deployment'), ['event:csto'])
})

test('matches past the hits returned are still counted and framed: the total and span do not depend on the limit', async () => {
  const DAY = 86_400_000
  const events = Array.from({ length: 300 }, (_, i) =>
    event(`e${i}`, new Date(Date.UTC(2015, 0, 1) + i * 5 * DAY).toISOString().slice(0, 10), [['a', 'b', 'c'][i % 3]!], { title: `Protest number ${i}` }),
  )
  const notes = [
    annotation('on-event', { kind: 'event', eventId: 'e7' }, 'The protest grew'),
    annotation('on-span', { kind: 'span', date: '2010-03-01/2010-03-31' }, 'An earlier protest wave'),
    annotation('moment', { kind: 'moment', date: '2030-01-01' }, 'A protest planned'),
    annotation('binned', { kind: 'moment', date: '2040-01-01' }, 'A protest cancelled', { deleted: '2026-01-02T00:00:00.000Z' }),
  ]
  const indexes = new TimelineIndexes()
  indexes.rebuild(timeline(events, notes))
  const all = await indexes.search({ text: 'protest', limit: 1_000 })
  assert.equal(all.total, 303, 'every event and live note, not the one in the bin')
  assert.deepEqual(all.span, { start: Date.UTC(2010, 2, 1), end: Date.UTC(2030, 0, 2) - 1 })
  for (const limit of [1, 5, 100]) {
    const some = await indexes.search({ text: 'protest', limit })
    assert.equal(some.hits.length, limit)
    assert.deepEqual([some.total, some.span], [all.total, all.span], `limit ${limit}`)
    assert.deepEqual(some.hits.map((hit) => hit.id), all.hits.slice(0, limit).map((hit) => hit.id))
  }
  // With a filter every match is looked at: lane a holds every third event; the note on e7 goes
  // with its event (lane b), and notes on spans and moments have no lane.
  const laneA = await indexes.search({ text: 'protest', limit: 2, filter: { lanes: ['a'] } })
  assert.equal(laneA.total, 100)
  assert.deepEqual(laneA.span, { start: Date.UTC(2015, 0, 1), end: Date.UTC(2015, 0, 1) + 297 * 5 * DAY + DAY - 1 })
})
