/**
 * The seed timeline (data/seed/russia-west-crisis.json) must be a valid document and must carry
 * every event of the seed table in /work/shared/DOMAIN.md, each with graded sources.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { TimelineDocumentSchema, type TimelineDocument } from '../main/domain/timeline'

const SEED_PATH = fileURLToPath(new URL('../data/seed/russia-west-crisis.json', import.meta.url))

function loadSeed(): TimelineDocument {
  const raw: unknown = JSON.parse(readFileSync(SEED_PATH, 'utf8'))
  return TimelineDocumentSchema.parse(raw)
}

/** DOMAIN.md's seed table: each date, exactly as written there, and a word its event's title must contain. */
const SEED_TABLE: ReadonlyArray<{ date: string; keyword: string }> = [
  { date: '1991-12-08', keyword: 'Belovezha' },
  { date: '1991-12-21', keyword: 'Alma-Ata' },
  { date: '1991-12-25', keyword: 'Gorbachev' },
  { date: '1991-12-26', keyword: 'Supreme Soviet' },
  { date: '1991-12-08/1991-12-26', keyword: 'Collapse' },
  { date: '2021-08-15', keyword: 'Kabul' },
  { date: '2021-08-30', keyword: 'Kabul' },
  { date: '2021-12-07', keyword: 'video' },
  { date: '2021-12-30', keyword: 'phone call' },
  { date: '2022-01-10', keyword: 'Geneva' },
  { date: '2022-01-12', keyword: 'NATO–Russia Council' },
  { date: '2022-01-02/2022-01-19', keyword: 'Kazakhstan' },
  { date: '2022-01-06/2022-01-19', keyword: 'CSTO' },
  { date: '2022-01-10', keyword: 'Wang Yi' },
  { date: '[2022-01-06,2022-01-07]', keyword: 'Rahmon' },
  { date: '2021-11-10/2022-02-24', keyword: 'build-up' },
  { date: '2022-01-01/2022-05-18', keyword: 'Finland' },
]

const LANE_NAMES = [
  'Russia',
  'United States',
  'NATO & Europe',
  'Ukraine',
  'Kazakhstan & CSTO',
  'China',
  'Central Asia & Afghanistan',
]

test('the seed file is a valid TimelineDocument', () => {
  const doc = loadSeed()
  assert.equal(doc.schemaVersion, 1)
  assert.ok(doc.meta.title.length > 0)
  assert.deepEqual(doc.annotations, [])
})

test('every event has at least one source, and every source a grade and an https URL', () => {
  const doc = loadSeed()
  for (const event of doc.events) {
    assert.ok(event.sources.length >= 1, `${event.id} has no source`)
    assert.ok(event.sources.length <= 3, `${event.id} has more than three sources`)
    for (const source of event.sources) {
      assert.match(source.grade, /^[A-F][1-6]$/, `${event.id}/${source.id} grade`)
      assert.match(source.url, /^https:\/\/[^\s]+$/, `${event.id}/${source.id} url`)
      assert.ok(source.title.length > 0 && source.publisher.length > 0, `${event.id}/${source.id} title and publisher`)
    }
  }
})

test('every date of the DOMAIN.md seed table is on an event whose title names it', () => {
  const doc = loadSeed()
  for (const { date, keyword } of SEED_TABLE) {
    const match = doc.events.find((e) => e.date === date && e.title.includes(keyword))
    assert.ok(match, `no event dated ${date} with "${keyword}" in its title`)
  }
})

test('every event lane exists, and the seven lanes are present and visible', () => {
  const doc = loadSeed()
  const laneIds = new Set(doc.lanes.map((lane) => lane.id))
  for (const event of doc.events) {
    assert.ok(event.lanes.length >= 1, `${event.id} is on no lane`)
    for (const laneId of event.lanes) assert.ok(laneIds.has(laneId), `${event.id} uses unknown lane ${laneId}`)
  }
  assert.deepEqual(
    doc.lanes.map((lane) => lane.name).sort(),
    [...LANE_NAMES].sort(),
  )
  for (const lane of doc.lanes) {
    assert.match(lane.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `lane id ${lane.id} is kebab-case`)
    assert.equal(lane.hidden, false)
  }
})

test('ids are unique: lanes, events and sources', () => {
  const doc = loadSeed()
  const unique = (ids: string[], what: string) =>
    assert.equal(new Set(ids).size, ids.length, `duplicate ${what} id in ${ids.join(', ')}`)
  unique(doc.lanes.map((l) => l.id), 'lane')
  unique(doc.events.map((e) => e.id), 'event')
  unique(doc.events.flatMap((e) => e.sources.map((s) => s.id)), 'source')
  for (const event of doc.events) assert.match(event.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `event id ${event.id} is kebab-case`)
})

test('each event has tags, a description, and coordinates only within range', () => {
  const doc = loadSeed()
  for (const event of doc.events) {
    assert.ok(event.tags.length >= 1, `${event.id} has no tags`)
    assert.ok(event.description.length > 0, `${event.id} has no description`)
    if (event.location?.latitude !== undefined) assert.ok(event.location.longitude !== undefined, `${event.id} has latitude without longitude`)
  }
})
