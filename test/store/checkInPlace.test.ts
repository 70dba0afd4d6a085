/**
 * The in-place check of large files (main/store/checkInPlace.ts) must never accept what zod refuses,
 * and must give the same document, defaults included; it refuses only what zod refuses, but for
 * strings of astral characters near a length limit, which zod then reads. Checked on real
 * documents with random damage of the kinds files suffer: fields lost, values of the wrong type or
 * length, stray fields, bad dates, grades and time stamps.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { syntheticTimeline } from '../../bench/synthetic'
import { TimelineDocumentSchema, type TimelineDocument } from '../../main/domain/timeline'
import { checkedInPlace } from '../../main/store/checkInPlace'
import { loadTimelineText, serializeTimeline } from '../../main/store/timelineFile'
import { datedSpan } from '../../main/domain/placeEvent'
import { readDate } from '../../main/domain/dates'
import { CHECK_FILE, timelineCheckCode } from '../../scripts/timelineCheckCode'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** The seed and a synthetic timeline, with the parts neither has: provenance, history, trash. */
function baseDocuments(): Json[] {
  const seed = JSON.parse(readFileSync('data/seed/russia-west-crisis.json', 'utf8')) as Json
  const synthetic = syntheticTimeline({ events: 30, annotations: 20 })
  synthetic.events[0]!.provenance = { file: 'acled.csv', importedAt: '2026-01-02T03:04:05.000Z', original: 'row 12' }
  const note = synthetic.annotations[0]!
  note.history = [{ anchor: note.anchor, label: 'Earlier', text: 'First reading', tags: [], colour: 'grey', links: { events: [], sources: [] }, author: note.author, updated: note.created }]
  note.deleted = '2026-03-04T05:06:07+01:00'
  return [seed, JSON.parse(JSON.stringify(synthetic)) as Json]
}

/** Every object and array in the document, with the path to it. */
function containers(value: Json, path: (string | number)[] = [], into: { path: (string | number)[]; value: Json[] | { [key: string]: Json } }[] = []) {
  if (Array.isArray(value)) {
    into.push({ path, value })
    value.forEach((item, index) => containers(item, [...path, index], into))
  } else if (value !== null && typeof value === 'object') {
    into.push({ path, value })
    for (const [key, item] of Object.entries(value)) containers(item, [...path, key], into)
  }
  return into
}

const astral = (codePoints: number) => '𝄞'.repeat(codePoints)
/** Values that sit on either side of the format's rules. */
const REPLACEMENTS: Json[] = [
  null, true, 0, -1, 1.5, 91, -181, 1e300, [], {}, '', 'x',
  'a'.repeat(8), 'a'.repeat(9), 'a'.repeat(200), 'a'.repeat(201), 'a'.repeat(1_000), 'a'.repeat(1_001),
  astral(100), astral(101), astral(500), astral(501),
  'A1', 'F6', 'G7', 'a1', 'B22',
  '1991-12-25', '1991-12', '2022-01-06?', '2021-11-10/2022-02-24', '2021-13-01', '2021-02-29', '2021-02-30', '2020-02-29', 'not a date', '199X',
  '2021-08-15T10:00:00Z', '2021-08-15T10:00:00.123+04:30', '2021-08-15T10:00:00', '2021-08-15 10:00:00Z', '2021-02-30T10:00:00Z',
  'event', 'span', 'moment', 'amber', 'violet', 'almost certain', 'likely', 'high', 'moderate',
]

type Damage = { kind: 'remove'; at: number; pick: number } | { kind: 'replace'; at: number; pick: number; with: number } | { kind: 'add'; at: number; with: number }

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), pick: fc.nat(), with: fc.nat(REPLACEMENTS.length - 1) }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), with: fc.nat(REPLACEMENTS.length - 1) }),
)

function applyDamage(document: Json, { kind, at, ...rest }: Damage): void {
  const all = containers(document)
  const { value } = all[at % all.length]!
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value)
  if (kind === 'add') {
    if (Array.isArray(value)) value.push(structuredClone(REPLACEMENTS[(rest as { with: number }).with]!))
    else value.strayField = structuredClone(REPLACEMENTS[(rest as { with: number }).with]!)
    return
  }
  if (keys.length === 0) return
  const key = keys[(rest as { pick: number }).pick % keys.length]!
  if (kind === 'remove') {
    if (Array.isArray(value)) value.splice(key as number, 1)
    else delete value[key as string]
  } else {
    ;(value as Record<string | number, Json>)[key] = structuredClone(REPLACEMENTS[(rest as { with: number }).with]!)
  }
}

test('the in-place check never accepts a damaged file zod refuses, and fills in the same defaults', () => {
  const bases = baseDocuments()
  let accepted = 0
  let refused = 0
  fc.assert(
    fc.property(fc.nat(bases.length - 1), fc.array(damage, { minLength: 1, maxLength: 3 }), (which, damages) => {
      const damaged = structuredClone(bases[which]!)
      for (const one of damages) applyDamage(damaged, one)
      const byZod = TimelineDocumentSchema.safeParse(structuredClone(damaged))
      const inPlace = structuredClone(damaged)
      const byCheck = checkedInPlace(inPlace)
      if (byCheck) {
        assert.ok(byZod.success, `the in-place check accepts what zod refuses: ${byZod.error?.issues[0]?.message}`)
        assert.deepEqual(inPlace, byZod.data)
        accepted += 1
      } else if (byZod.success) {
        // Allowed (zod then reads the file), only for strings of more UTF-16 units than code points.
        assert.ok(JSON.stringify(damaged).includes('𝄞'), 'the in-place check refuses a file zod accepts')
        accepted += 1
      } else refused += 1
    }),
    { numRuns: 600, seed: 2022 },
  )
  // Both kinds of answer were put to the test.
  assert.ok(accepted > 50 && refused > 50, `accepted ${accepted}, refused ${refused}`)
})

test('a document with its defaulted fields left out is filled in as zod fills it', () => {
  const [, synthetic] = baseDocuments()
  const document = synthetic as { events: Record<string, Json>[]; annotations: Record<string, Json>[]; lanes: Record<string, Json>[] }
  for (const event of document.events) for (const key of ['description', 'lanes', 'tags', 'sources']) delete event[key]
  for (const note of document.annotations) for (const key of ['label', 'tags', 'colour', 'links', 'history']) delete note[key]
  for (const lane of document.lanes) delete lane.hidden
  const byZod = TimelineDocumentSchema.parse(structuredClone(document))
  assert.equal(checkedInPlace(document), true)
  assert.deepEqual(document, byZod)
  assert.deepEqual((document.annotations[0] as unknown as TimelineDocument['annotations'][number]).links, { events: [], sources: [] })
})

test('a file is read by the in-place check, and a bad one is still described in zod’s words', () => {
  const document = syntheticTimeline({ events: 6_000, annotations: 200 })
  const text = serializeTimeline(document)
  const loaded = loadTimelineText(text)
  assert.equal(loaded.kind, 'usable')
  assert.deepEqual(loaded.kind === 'usable' && loaded.document, TimelineDocumentSchema.parse(JSON.parse(text)))

  // Refused by the in-place check (it counts UTF-16 units), accepted by zod (code points): read by zod.
  const title = document.events[17]!.title
  document.events[17]!.title = astral(1_000)
  const astralTitle = loadTimelineText(serializeTimeline(document))
  assert.equal(astralTitle.kind === 'usable' && astralTitle.document.events[17]!.title, astral(1_000))
  document.events[17]!.title = title

  document.events[4_321]!.date = '2021-02-30'
  const refused = loadTimelineText(serializeTimeline(document))
  assert.equal(refused.kind, 'unreadable')
  assert.match(refused.kind === 'unreadable' ? refused.reason : '', /^the file is not a valid timeline at events\.4321\.date: .*February 2021/)
})

test('the committed file check is what the schema compiles to (regenerate: npm run schema)', () => {
  assert.equal(readFileSync(CHECK_FILE, 'utf8'), timelineCheckCode())
})

test('the file check reads each event’s date once, for the indexes too', () => {
  const document = JSON.parse(serializeTimeline(syntheticTimeline({ events: 20, annotations: 5 }))) as TimelineDocument
  assert.equal(checkedInPlace(document), true)
  const [first] = document.events
  const checkedDate = first!.date
  // The span the check read is remembered for the event object: changed behind its back (as edits
  // never do: they replace the event), the date is not read again.
  first!.date = '1900'
  const reading = readDate(checkedDate)
  assert.ok(reading.ok)
  assert.deepEqual(datedSpan(first!), reading.span)
  assert.equal(checkedInPlace({ ...document, events: [{ ...first!, date: '2021-02-30' }] }), false)
})
