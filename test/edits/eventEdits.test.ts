import { test } from 'node:test'
import assert from 'node:assert/strict'
import { applyEdit } from '../../main/edits/edit'
import type { EventInput } from '../../main/edits/inputs'
import type { TimelineDocument, TimelineEvent } from '../../main/domain/timeline'
import { noteOnGeneva, GENEVA, seedDocument, testContexts } from './fixtures'

const INVASION: EventInput = {
  title: 'Russia launches full-scale invasion of Ukraine',
  date: '2022-02-24',
  lanes: ['russia', 'ukraine'],
  tags: ['war', ' war ', ''],
  sources: [{ title: 'Address by the President of Ukraine', publisher: 'president.gov.ua', grade: 'B2', date: '2022-02-24' }],
}

function eventIn(document: TimelineDocument, id: string): TimelineEvent {
  const event = document.events.find((e) => e.id === id)
  assert.ok(event, `event ${id} should be in the timeline`)
  return event
}

test('an added event gets ids for itself and its sources, tidy tags, and is named in the undo label', () => {
  const added = applyEdit(seedDocument(), { kind: 'addEvent', event: INVASION }, testContexts()())
  assert.equal(added.label, 'add event Russia launches full-scale invasion of Ukraine')
  const event = eventIn(added.document, 'event-1')
  assert.deepEqual(event.tags, ['war'])
  assert.equal(event.sources[0]?.id, 'source-1')
  assert.equal(event.description, '')
  assert.deepEqual(added.changed, { events: ['event-1'], annotations: [], lanes: false, document: false })
})

test('an impossible or malformed date is refused with a message that says why, and nothing changes', () => {
  const seed = seedDocument()
  const context = testContexts()
  assert.throws(() => applyEdit(seed, { kind: 'addEvent', event: { ...INVASION, date: '2023-02-30' } }, context()), {
    message: 'The event date: February 2023 has only 28 days, so "2023-02-30" is not a date',
  })
  assert.throws(() => applyEdit(seed, { kind: 'addEvent', event: { ...INVASION, date: '24 Feb 2022' } }, context()), /is not an EDTF date.*Examples: 1991-12-26/)
  assert.throws(() => applyEdit(seed, { kind: 'updateEvent', id: GENEVA, event: { ...INVASION, date: '2022-13-01' } }, context()), /"13" is not a month/)
  assert.throws(() => applyEdit(seed, { kind: 'addEvent', event: { ...INVASION, date: '' } }, context()), /the date is empty/)
  assert.deepEqual(seed, seedDocument())
})

test('other mistakes are refused in words: no title, unknown lane, bad source date or grade', () => {
  const seed = seedDocument()
  const context = testContexts()
  assert.throws(() => applyEdit(seed, { kind: 'addEvent', event: { ...INVASION, title: '  ' } }, context()), { message: 'The event needs a title.' })
  assert.throws(() => applyEdit(seed, { kind: 'addEvent', event: { ...INVASION, lanes: ['mars'] } }, context()), /no lane with id "mars"/)
  assert.throws(
    () => applyEdit(seed, { kind: 'addEvent', event: { ...INVASION, sources: [{ title: 'Kyiv Independent', grade: 'C3', date: '2022-02-31' }] } }, context()),
    /The date of source 1 \(“Kyiv Independent”\): February 2022 has only 28 days/,
  )
  assert.throws(() => applyEdit(seed, { kind: 'addEvent', event: { ...INVASION, sources: [{ title: 'x', grade: 'Z9' }] } }, context()), /sources #1 grade grade must be a letter A–F/)
})

test('editing an event keeps its id, its sources’ ids and an imported event’s provenance', () => {
  const seed = seedDocument()
  const provenance = { file: 'acled.csv', importedAt: '2026-11-01T00:00:00.000Z', original: 'row 12' }
  const withProvenance: TimelineDocument = { ...seed, events: seed.events.map((e) => (e.id === 'taliban-take-kabul' ? { ...e, provenance } : e)) }
  const before = eventIn(withProvenance, 'taliban-take-kabul')
  const { id: _id, provenance: _provenance, ...editable } = before
  const edited = applyEdit(
    withProvenance,
    { kind: 'updateEvent', id: 'taliban-take-kabul', event: { ...editable, title: 'Taliban take Kabul', date: '2021-08-15', description: 'Kabul falls.' } },
    testContexts()(),
  )
  assert.equal(edited.label, 'edit event Taliban take Kabul')
  const after = eventIn(edited.document, 'taliban-take-kabul')
  assert.equal(after.description, 'Kabul falls.')
  assert.deepEqual(after.provenance, provenance)
  assert.deepEqual(after.sources.map((s) => s.id), before.sources.map((s) => s.id))
  assert.equal(edited.document.events.indexOf(after), withProvenance.events.indexOf(before), 'it stays in its place')
})

test('deleting an event moves its notes to the trash in the same step', () => {
  const context = testContexts()
  let document = applyEdit(seedDocument(), { kind: 'addAnnotation', content: noteOnGeneva() }, context()).document
  document = applyEdit(document, { kind: 'addAnnotation', content: noteOnGeneva('another') }, context()).document
  const deleted = applyEdit(document, { kind: 'deleteEvent', id: GENEVA }, context())
  assert.match(deleted.label, /^delete event US–Russia .* and its 2 notes$/)
  assert.equal(deleted.document.events.some((e) => e.id === GENEVA), false)
  assert.ok(deleted.document.annotations.every((a) => a.deleted), 'both notes are in the trash, not gone')
  assert.deepEqual(deleted.changed.annotations, ['note-1', 'note-2'])
  assert.throws(() => applyEdit(deleted.document, { kind: 'restoreAnnotation', id: 'note-1' }, context()), /undo that deletion/)
})
