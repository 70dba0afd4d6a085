/** Merging a colleague's copy: examples an analyst would check, then properties over random timelines. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { mergeTimelines, versionOf, canonical } from '../../main/merge/mergeTimelines'
import { resolveConflicts, UnresolvedConflicts } from '../../main/merge/resolveConflicts'
import type { Annotation, TimelineDocument } from '../../main/domain/timeline'
import { sampleTimeline } from '../formats/sampleTimeline'

test('their new events, annotations and lanes are added; identical ones are not conflicts', () => {
  const mine = sampleTimeline()
  const theirs = sampleTimeline()
  theirs.lanes.push({ id: 'lane-china', name: 'China', hidden: false })
  theirs.events.push({ id: 'ev-wang', title: 'Wang Yi – Tileuberdi phone call', date: '2022-01-10', description: '"external forces"', lanes: ['lane-china'], tags: [], sources: [] })
  theirs.annotations.push({ ...theirs.annotations[1]!, id: 'an-new', text: 'Their note' })
  const result = mergeTimelines(mine, theirs)
  assert.deepEqual(result.conflicts, [])
  assert.deepEqual(result.added, { events: 1, annotations: 1, lanes: 1 })
  const merged = resolveConflicts(result, [])
  assert.ok(merged.events.some((e) => e.id === 'ev-wang'))
  assert.ok(merged.lanes.some((l) => l.id === 'lane-china'))
})

test('edits on both sides are compared field by field and the analyst picks per field', () => {
  const mine = sampleTimeline()
  const theirs = sampleTimeline()
  mine.events[1]!.title = 'Geneva talks (my wording)'
  theirs.events[1]!.title = 'Geneva talks (their wording)'
  theirs.events[1]!.tags = ['talks', 'arms control']
  const result = mergeTimelines(mine, theirs)
  assert.deepEqual(
    result.conflicts.map((c) => [c.kind, c.id, c.field, c.mine, c.theirs]),
    [
      ['event', 'ev-geneva', 'title', 'Geneva talks (my wording)', 'Geneva talks (their wording)'],
      ['event', 'ev-geneva', 'tags', ['talks'], ['talks', 'arms control']],
    ],
  )
  assert.throws(() => resolveConflicts(result, []), UnresolvedConflicts)
  const merged = resolveConflicts(result, [
    { kind: 'event', id: 'ev-geneva', field: 'title', take: 'mine' },
    { kind: 'event', id: 'ev-geneva', field: 'tags', take: 'theirs' },
  ])
  const geneva = merged.events.find((e) => e.id === 'ev-geneva')!
  assert.equal(geneva.title, 'Geneva talks (my wording)')
  assert.deepEqual(geneva.tags, ['talks', 'arms control'])
  assert.equal(resolveConflicts(result, [], 'theirs').events.find((e) => e.id === 'ev-geneva')!.title, 'Geneva talks (their wording)')
})

test('a conflicting annotation keeps both versions in its history, whichever is chosen', () => {
  const mine = sampleTimeline()
  const theirs = sampleTimeline()
  mine.annotations[1] = { ...mine.annotations[1]!, text: 'Mine: no breakthrough', updated: '2022-01-11T10:00:00.000Z' }
  theirs.annotations[1] = { ...theirs.annotations[1]!, text: 'Theirs: a framework agreed', author: { name: 'C. Colleague', initials: 'CC' }, updated: '2022-01-12T10:00:00.000Z' }
  const result = mergeTimelines(mine, theirs)
  assert.deepEqual(result.conflicts.map((c) => c.field), ['text'])
  for (const take of ['mine', 'theirs'] as const) {
    const merged = resolveConflicts(result, [{ kind: 'annotation', id: 'an-geneva', field: 'text', take }])
    const annotation = merged.annotations.find((a) => a.id === 'an-geneva')!
    assert.equal(annotation.text, take === 'mine' ? 'Mine: no breakthrough' : 'Theirs: a framework agreed')
    const texts = annotation.history.map((v) => v.text)
    assert.ok(texts.includes('Mine: no breakthrough') && texts.includes('Theirs: a framework agreed'), texts.join(' | '))
  }
})

test('merging a timeline with itself changes nothing', () => {
  const a = sampleTimeline()
  const result = mergeTimelines(a, structuredClone(a))
  assert.deepEqual(result.merged, a)
  assert.deepEqual(result.conflicts, [])
  assert.deepEqual(resolveConflicts(result, []), a)
})

// ---- properties over random timelines

const instant = fc.integer({ min: 1_600_000_000_000, max: 1_700_000_000_000 }).map((ms) => new Date(ms).toISOString())
const word = fc.constantFrom('Geneva', 'Brussels', 'Almaty', 'Kyiv', 'talks', 'troops', 'CSTO', 'NATO', '')
const sentence = fc.array(word, { maxLength: 4 }).map((w) => w.join(' '))
const dayDate = fc.date({ min: new Date('1900-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
const author = fc.constantFrom({ name: 'A. Analyst', initials: 'AA' }, { name: 'C. Colleague', initials: 'CC' })

const version = fc.record({
  anchor: dayDate.map((date) => ({ kind: 'moment' as const, date })),
  label: sentence,
  text: sentence,
  tags: fc.array(word.filter((w) => w !== ''), { maxLength: 2 }),
  colour: fc.constantFrom('amber' as const, 'blue' as const, 'red' as const),
  links: fc.constant({ events: [] as string[], sources: [] as string[] }),
  author,
  updated: instant,
})

const annotationWithId = (id: string) =>
  fc.record({ current: version, history: fc.array(version, { maxLength: 3 }), created: instant }).map(
    ({ current, history, created }): Annotation => ({ ...current, id, created, history }),
  )

const eventWithId = (id: string) =>
  fc.record({ title: sentence.map((t) => t || 'Event'), date: dayDate, description: sentence, tags: fc.array(word.filter((w) => w !== ''), { maxLength: 2 }) }).map((e) => ({
    id,
    ...e,
    lanes: [] as string[],
    sources: [],
  }))

/** Two copies of a timeline that share some ids (edited differently) and each have their own. */
const copies = fc
  .record({
    shared: fc.uniqueArray(fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5'), { maxLength: 5 }),
    onlyMine: fc.uniqueArray(fc.constantFrom('m1', 'm2', 'm3'), { maxLength: 3 }),
    onlyTheirs: fc.uniqueArray(fc.constantFrom('t1', 't2', 't3'), { maxLength: 3 }),
    events: fc.uniqueArray(fc.constantFrom('e1', 'e2', 'e3', 'e4'), { maxLength: 4 }),
  })
  .chain(({ shared, onlyMine, onlyTheirs, events }) =>
    fc.record({
      mineAnnotations: fc.tuple(...[...shared, ...onlyMine].map(annotationWithId)),
      theirAnnotations: fc.tuple(...[...shared, ...onlyTheirs].map(annotationWithId)),
      mineEvents: fc.tuple(...events.map(eventWithId)),
      theirEvents: fc.tuple(...events.map(eventWithId)),
    }),
  )
  .map(({ mineAnnotations, theirAnnotations, mineEvents, theirEvents }) => {
    const doc = (annotations: Annotation[], events: TimelineDocument['events']): TimelineDocument => ({
      schemaVersion: 1,
      meta: { title: 'Merge test', description: '', created: '2022-01-01T00:00:00.000Z', updated: '2022-01-01T00:00:00.000Z' },
      lanes: [],
      events,
      annotations,
    })
    return { mine: doc(mineAnnotations, mineEvents), theirs: doc(theirAnnotations, theirEvents) }
  })

/** Every version an annotation has ever had on either side, by id. */
function allVersions(document: TimelineDocument): Map<string, Set<string>> {
  const versions = new Map<string, Set<string>>()
  for (const a of document.annotations) {
    versions.set(a.id, new Set([versionOf(a), ...a.history].map(canonical)))
  }
  return versions
}

test('property: whatever is chosen, no annotation and no annotation version is lost', () => {
  fc.assert(
    fc.property(copies, fc.constantFrom('mine' as const, 'theirs' as const), ({ mine, theirs }, side) => {
      const merged = resolveConflicts(mergeTimelines(mine, theirs), [], side)
      const kept = allVersions(merged)
      for (const source of [mine, theirs]) {
        for (const [id, versions] of allVersions(source)) {
          const have = kept.get(id)
          assert.ok(have, `annotation ${id} was lost`)
          for (const v of versions) assert.ok(have.has(v), `a version of ${id} was lost`)
        }
        for (const e of source.events) assert.ok(merged.events.some((m) => m.id === e.id), `event ${e.id} was lost`)
      }
    }),
    { numRuns: 300 },
  )
})

test('property: merge(A, A) = A', () => {
  fc.assert(
    fc.property(copies, ({ mine }) => {
      const result = mergeTimelines(mine, structuredClone(mine))
      assert.deepEqual(result.merged, mine)
      assert.equal(result.conflicts.length, 0)
    }),
    { numRuns: 300 },
  )
})

test('property: merging is idempotent once resolved (merging the result with theirs again adds nothing)', () => {
  fc.assert(
    fc.property(copies, ({ mine, theirs }) => {
      const once = resolveConflicts(mergeTimelines(mine, theirs), [], 'theirs')
      const again = mergeTimelines(once, theirs)
      assert.deepEqual(again.added, { events: 0, annotations: 0, lanes: 0 })
    }),
    { numRuns: 200 },
  )
})

test('taking all of their fields credits their author; a mix stays mine with the later stamp', () => {
  const mine = sampleTimeline()
  const theirs = sampleTimeline()
  theirs.annotations[1] = { ...theirs.annotations[1]!, text: 'Theirs', colour: 'red', author: { name: 'C. Colleague', initials: 'CC' }, updated: '2022-02-01T00:00:00.000Z' }
  const result = mergeTimelines(mine, theirs)
  const all = resolveConflicts(result, [], 'theirs').annotations.find((a) => a.id === 'an-geneva')!
  assert.deepEqual([all.text, all.colour, all.author.initials, all.updated], ['Theirs', 'red', 'CC', '2022-02-01T00:00:00.000Z'])
  const mixed = resolveConflicts(result, [{ kind: 'annotation', id: 'an-geneva', field: 'text', take: 'theirs' }], 'mine').annotations.find((a) => a.id === 'an-geneva')!
  assert.deepEqual([mixed.text, mixed.colour, mixed.author.initials, mixed.updated], ['Theirs', 'blue', 'BA', '2022-02-01T00:00:00.000Z'])
})
