import { test } from 'node:test'
import assert from 'node:assert/strict'
import { applyEdit } from '../../main/edits/edit'
import { EditError } from '../../main/edits/validation'
import { AnnotationSchema, type Annotation, type TimelineDocument } from '../../main/domain/timeline'
import { ANALYST, COLLEAGUE, GENEVA, noteOnGeneva, seedDocument, testContexts } from './fixtures'

function noteIn(document: TimelineDocument, id: string): Annotation {
  const note = document.annotations.find((a) => a.id === id)
  assert.ok(note, `note ${id} should be in the timeline`)
  return note
}

test('a note on an event is added with its author, times and defaults, and the step is named after the event', () => {
  const context = testContexts()
  const seed = seedDocument()
  const added = applyEdit(seed, { kind: 'addAnnotation', content: noteOnGeneva() }, context())
  assert.equal(added.label, 'add note on US–Russia Strategic Stability Dialogue, Geneva (Sherman…')
  const note = noteIn(added.document, 'note-1')
  assert.deepEqual(note.anchor, { kind: 'event', eventId: GENEVA })
  assert.deepEqual(note.author, ANALYST)
  assert.equal(note.created, note.updated)
  assert.equal(note.colour, 'amber')
  assert.deepEqual(note.history, [])
  assert.equal(note.deleted, undefined)
  assert.deepEqual(added.changed.annotations, ['note-1'])
  assert.equal(added.document.meta.updated, note.created, 'the timeline is stamped as updated')
  assert.equal(seed.annotations.length, 0, 'the original document is untouched')
  AnnotationSchema.parse(note)
})

test('span and moment notes take EDTF dates, keep the label, colour and judgement', () => {
  const context = testContexts()
  let document = seedDocument()
  const span = applyEdit(
    document,
    {
      kind: 'addAnnotation',
      content: {
        anchor: { kind: 'span', date: ' 2022-01-08/2022-01-13 ' },
        label: 'Geneva week',
        text: 'Talks in **Geneva**, Brussels and Vienna.',
        colour: 'blue',
        judgement: { likelihood: 'unlikely', confidence: 'moderate' },
      },
    },
    context(),
  )
  assert.equal(span.label, 'add note “Geneva week”')
  document = span.document
  const moment = applyEdit(document, { kind: 'addAnnotation', content: { anchor: { kind: 'moment', date: '2022-02-24' }, text: 'Invasion begins.' } }, context())
  assert.equal(moment.label, 'add note on 24 February 2022')
  document = moment.document
  assert.deepEqual(noteIn(document, 'note-1').anchor, { kind: 'span', date: '2022-01-08/2022-01-13' }, 'the date is stored trimmed')
  assert.deepEqual(noteIn(document, 'note-1').judgement, { likelihood: 'unlikely', confidence: 'moderate' })
  assert.equal(noteIn(document, 'note-2').anchor.kind, 'moment')
})

test('a note is refused, and nothing changes, without an author, on a missing event, or on an impossible date', () => {
  const seed = seedDocument()
  const context = testContexts()
  assert.throws(
    () => applyEdit(seed, { kind: 'addAnnotation', content: noteOnGeneva() }, context({ author: { name: ' ', initials: '' } })),
    (error: Error) => error instanceof EditError && /Set your name in Preferences/.test(error.message),
  )
  assert.throws(() => applyEdit(seed, { kind: 'addAnnotation', content: { anchor: { kind: 'event', eventId: 'no-such-event' }, text: 'x' } }, context()), /not in this timeline/)
  assert.throws(
    () => applyEdit(seed, { kind: 'addAnnotation', content: { anchor: { kind: 'moment', date: '2023-02-30' }, text: 'x' } }, context()),
    /The moment: February 2023 has only 28 days/,
  )
  assert.throws(
    () => applyEdit(seed, { kind: 'addAnnotation', content: { ...noteOnGeneva(), colour: 'hotpink' as 'red' } }, context()),
    /colour must be one of: amber, blue, green, red, violet, grey/,
  )
  assert.throws(() => applyEdit(seed, { kind: 'addAnnotation', content: { ...noteOnGeneva(), links: { events: ['gone'], sources: [] } } }, context()), /links to an event/)
  assert.deepEqual(seed, seedDocument())
})

test('links to events and sources that exist are kept', () => {
  const { document } = applyEdit(
    seedDocument(),
    { kind: 'addAnnotation', content: { ...noteOnGeneva(), links: { events: ['nato-russia-council-2022'], sources: ['src-wapo-2021-08-15-kabul'] } } },
    testContexts()(),
  )
  assert.deepEqual(noteIn(document, 'note-1').links, { events: ['nato-russia-council-2022'], sources: ['src-wapo-2021-08-15-kabul'] })
})

test('editing twice keeps three versions, oldest first; restoring the first makes it current again as a fourth', () => {
  const context = testContexts()
  let document = applyEdit(seedDocument(), { kind: 'addAnnotation', content: noteOnGeneva('first thoughts') }, context()).document
  document = applyEdit(document, { kind: 'updateAnnotation', id: 'note-1', content: noteOnGeneva('second thoughts') }, context({ author: COLLEAGUE })).document
  const edited = applyEdit(document, { kind: 'updateAnnotation', id: 'note-1', content: { ...noteOnGeneva('third thoughts'), label: 'Geneva' } }, context())
  assert.equal(edited.label, 'edit note “Geneva”')
  document = edited.document
  const note = noteIn(document, 'note-1')
  assert.deepEqual([...note.history.map((v) => v.text), note.text], ['first thoughts', 'second thoughts', 'third thoughts'])
  assert.deepEqual(note.history.map((v) => v.author.initials), ['JA', 'OC'], 'each version keeps who wrote it')
  assert.equal(note.created, note.history[0]!.updated, 'created stays the first version’s time')

  const restored = applyEdit(document, { kind: 'restoreAnnotationVersion', id: 'note-1', versionIndex: 0 }, context())
  assert.match(restored.label, /^restore an earlier version of note “Geneva”$/)
  const after = noteIn(restored.document, 'note-1')
  assert.equal(after.text, 'first thoughts')
  assert.equal(after.label, '')
  assert.deepEqual([...after.history.map((v) => v.text), after.text], ['first thoughts', 'second thoughts', 'third thoughts', 'first thoughts'])
  assert.throws(() => applyEdit(restored.document, { kind: 'restoreAnnotationVersion', id: 'note-1', versionIndex: 9 }, context()), /has no version 10 \(it has 3 earlier versions\)/)
})

test('an edit that changes nothing adds no version and no undo step', () => {
  const context = testContexts()
  const { document } = applyEdit(seedDocument(), { kind: 'addAnnotation', content: noteOnGeneva() }, context())
  const same = applyEdit(document, { kind: 'updateAnnotation', id: 'note-1', content: noteOnGeneva() }, context())
  assert.deepEqual(same.changes, [])
  assert.equal(same.document, document)
})

test('deleting moves a note to the trash; it can be restored, but not edited while there', () => {
  const context = testContexts()
  let document = applyEdit(seedDocument(), { kind: 'addAnnotation', content: noteOnGeneva() }, context()).document
  const deleted = applyEdit(document, { kind: 'deleteAnnotation', id: 'note-1' }, context())
  assert.match(deleted.label, /^delete note on US–Russia/)
  document = deleted.document
  assert.ok(noteIn(document, 'note-1').deleted, 'still in the timeline, marked deleted')
  assert.throws(() => applyEdit(document, { kind: 'deleteAnnotation', id: 'note-1' }, context()), /already in the trash/)
  assert.throws(() => applyEdit(document, { kind: 'updateAnnotation', id: 'note-1', content: noteOnGeneva('x') }, context()), /restore it before changing it/)
  document = applyEdit(document, { kind: 'restoreAnnotation', id: 'note-1' }, context()).document
  assert.equal('deleted' in noteIn(document, 'note-1'), false)
  assert.throws(() => applyEdit(document, { kind: 'restoreAnnotation', id: 'note-1' }, context()), /not in the trash/)
})
