/**
 * `sync` follows a document edit by edit, as the window's engine does; whatever the edits, the
 * indexes then answer exactly as indexes built afresh from the same document.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { TimelineIndexes } from '../../main/timelineIndex/timelineIndexes'
import type { Annotation, TimelineDocument, TimelineEvent } from '../../main/domain/timeline'
import { eventRange } from '../../main/domain/eventRange'
import { annotation, event, timeline } from './fixtures'

const noSearch = { searchBuild: 'on-first-search' } as const
const DATES = ['1991-12-08', '1991-12-26', '2021-08-30', '2021-12-07', '2022-01-05/2022-01-19', '2022-01-10', '2022-01-10T09:00Z', '2022-02']

/** An edit as main/edits/ makes them: a new list, the untouched entries the same objects. */
const editArb = fc.oneof(
  fc.record({ kind: fc.constant('update' as const), at: fc.nat(), date: fc.constantFrom(...DATES), lanes: fc.subarray(['a', 'b', 'c']), tag: fc.constantFrom('csto', 'talks', 'protest') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), date: fc.constantFrom(...DATES), lanes: fc.subarray(['a', 'b', 'c']) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('note' as const), at: fc.nat(), date: fc.constantFrom(...DATES) }),
  fc.record({ kind: fc.constant('unnote' as const), at: fc.nat() }),
)
type EditSpec = typeof editArb extends fc.Arbitrary<infer T> ? T : never

let made = 0
function applied(document: TimelineDocument, edit: EditSpec): TimelineDocument {
  const events = [...document.events]
  const annotations = [...document.annotations]
  const pick = <T>(list: T[], at: number) => (list.length ? at % list.length : -1)
  const i = pick(events, edit.at)
  if (edit.kind === 'update' && i >= 0) events[i] = { ...events[i]!, date: edit.date, lanes: edit.lanes, tags: [edit.tag] }
  if (edit.kind === 'delete' && i >= 0) events.splice(i, 1)
  if (edit.kind === 'insert') events.splice(edit.at % (events.length + 1), 0, event(`new${++made}`, edit.date, edit.lanes))
  if (edit.kind === 'swap' && i >= 0) {
    const j = edit.with % events.length
    ;[events[i], events[j]] = [events[j]!, events[i]!]
  }
  const n = pick(annotations, edit.at)
  if (edit.kind === 'note') annotations.push(annotation(`note${++made}`, n >= 0 && edit.at % 2 ? { kind: 'moment', date: edit.date } : { kind: 'span', date: '2021-11-01/2022-01-31' }, 'text'))
  if (edit.kind === 'unnote' && n >= 0) annotations.splice(n, 1)
  return { ...document, events, annotations }
}

const WHOLE = { start: Date.UTC(1990, 0, 1), end: Date.UTC(2023, 0, 1) }
/** Drawn under a filter, at a width where every event shows and at one where they crowd into clusters. */
const TALKS = { tags: ['talks'] }
const filteredDrawings = (indexes: TimelineIndexes) =>
  [100_000, 120].map((widthPx) => {
    const drawn = indexes.viewportItems({ ...WHOLE, widthPx, filter: TALKS })
    return { items: drawn.items.map((item) => `${item.lane}|${item.eventId}`).sort(), clusters: drawn.clusters.map((c) => `${c.id}|${c.count}`).sort(), total: drawn.total }
  })

/** What the window can ask of the engine. */
function answers(indexes: TimelineIndexes, document: TimelineDocument) {
  const order: string[] = []
  for (let at = indexes.step(null, 1); at && at.id !== order.at(-1); at = indexes.step(at.id, 1)) order.push(at.id)
  const drawn = indexes.viewportItems({ ...WHOLE, widthPx: 100_000 })
  return {
    count: indexes.eventCount,
    order,
    tags: indexes.tagsInUse(),
    density: indexes.densityOverview(40),
    items: drawn.items.map((item) => `${item.lane}|${item.eventId}`).sort(),
    clusters: drawn.clusters.length,
    events: document.events.length,
    range: indexes.range(),
    filtered: filteredDrawings(indexes),
  }
}

test('after any run of edits, sync answers as indexes built afresh', () => {
  const start = timeline(
    DATES.map((date, i) => event(`ev${i}`, date, [['a'], ['b'], ['a', 'c'], []][i % 4]!, { tags: i % 2 ? ['talks'] : [] })),
    [annotation('n1', { kind: 'moment', date: '2022-01-10' }, 'Week of talks'), annotation('n2', { kind: 'event', eventId: 'ev3' }, 'Summit')] as Annotation[],
  )
  fc.assert(
    fc.property(fc.array(editArb, { maxLength: 12 }), (edits) => {
      const followed = new TimelineIndexes(noSearch)
      let document = start
      followed.sync(document)
      for (const [i, edit] of edits.entries()) {
        document = applied(document, edit)
        followed.sync(document)
        // Now and then the window draws under a filter, whose lanes then follow the edits after it.
        if (i % 3 === 0) filteredDrawings(followed)
      }
      const fresh = new TimelineIndexes(noSearch)
      fresh.sync(document)
      assert.deepEqual(answers(followed, document), answers(fresh, document))
      assert.deepEqual(followed.range(), eventRange(document.events), 'the range kept is the one read from the events')
    }),
    { numRuns: 300 },
  )
})

test('an event edited in place is found by comparing places, deleted ones by their ids', () => {
  const document = timeline([event('a', '2022-01-05'), event('b', '2022-01-06'), event('c', '2022-01-07')] as TimelineEvent[])
  const indexes = new TimelineIndexes(noSearch)
  indexes.sync(document)
  const edited = { ...document, events: [document.events[0]!, { ...document.events[1]!, date: '2022-02-01' }, document.events[2]!] }
  indexes.sync(edited)
  assert.equal(indexes.step(null, -1)!.id, 'b', 'moved to February, b is now the last')
  indexes.sync({ ...edited, events: edited.events.slice(1) })
  assert.equal(indexes.eventCount, 2)
  assert.equal(indexes.step(null, 1)!.id, 'c')
})

test('a timeline indexed again from scratch is drawn under the filter as it now is', () => {
  const talks = (ids: string[]) => ids.map((id, i) => event(id, DATES[i % DATES.length]!, ['a'], { tags: ['talks'] }))
  const indexes = new TimelineIndexes(noSearch)
  indexes.sync(timeline(talks(['old1', 'old2', 'old3'])))
  assert.deepEqual(filteredDrawings(indexes)[0]!.items, ['a|old1', 'a|old2', 'a|old3'])
  // Another timeline opened (or an import of thousands): its events take the same slots.
  indexes.rebuild(timeline([event('plain', DATES[0]!, ['a']), ...talks(['new1'])]))
  assert.deepEqual(filteredDrawings(indexes)[0]!.items, ['a|new1'])
})
