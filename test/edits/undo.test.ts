import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type { TimelineDocument } from '../../main/domain/timeline'
import type { Edit } from '../../main/edits/edit'
import { TimelineEditor, type EditTarget } from '../../main/edits/timelineEditor'
import { EditError } from '../../main/edits/validation'
import { COLLEAGUE, noteOnGeneva, seedDocument, testContexts } from './fixtures'

/** The session's part, in memory: holds the document, and "saves" instantly. */
class MemoryTarget implements EditTarget {
  commits = 0
  constructor(public document: TimelineDocument) {}
  async commit(next: TimelineDocument): Promise<void> {
    this.document = next
    this.commits++
  }
}

function editorOn(document = seedDocument(), limit?: number) {
  const target = new MemoryTarget(document)
  return { target, editor: new TimelineEditor(target, limit), context: testContexts() }
}

test('delete, then undo: the note is back with the same id, content and history', async () => {
  const { target, editor, context } = editorOn()
  await editor.apply({ kind: 'addAnnotation', content: noteOnGeneva('v1') }, context())
  await editor.apply({ kind: 'updateAnnotation', id: 'note-1', content: noteOnGeneva('v2') }, context())
  const before = target.document.annotations[0]
  const deleted = await editor.apply({ kind: 'deleteAnnotation', id: 'note-1' }, context())
  assert.match(deleted.undo.undoLabel ?? '', /^delete note on US–Russia/)
  const undone = await editor.undo()
  assert.equal(undone?.label, deleted.label)
  assert.deepEqual(undone?.changed.annotations, ['note-1'])
  assert.deepEqual(target.document.annotations, [before])
  assert.equal(target.document.annotations[0]?.history.length, 1)
})

test('undo and redo walk the labelled steps; a new edit clears what could be redone', async () => {
  const { target, editor, context } = editorOn()
  const original = target.document
  assert.deepEqual(editor.undoState(), { undoLabel: null, redoLabel: null })
  assert.equal(await editor.undo(), null, 'nothing to undo is not an error')
  await editor.apply({ kind: 'addLane', name: 'Türkiye' }, context())
  await editor.apply({ kind: 'renameLane', id: 'turkiye', name: 'Turkey' }, context())
  assert.deepEqual(editor.undoState(), { undoLabel: 'rename lane Türkiye to Turkey', redoLabel: null })
  assert.equal((await editor.undo())?.label, 'rename lane Türkiye to Turkey')
  assert.deepEqual(editor.undoState(), { undoLabel: 'add lane Türkiye', redoLabel: 'rename lane Türkiye to Turkey' })
  assert.equal((await editor.redo())?.label, 'rename lane Türkiye to Turkey')
  assert.equal(target.document.lanes.at(-1)?.name, 'Turkey')
  await editor.undo()
  await editor.apply({ kind: 'setLaneHidden', id: 'china', hidden: true }, context())
  assert.deepEqual(editor.undoState(), { undoLabel: 'hide lane China', redoLabel: null })
  assert.equal(await editor.redo(), null)
  await editor.undo()
  await editor.undo()
  assert.deepEqual(target.document, original)
})

test('a refused edit records no step and saves nothing', async () => {
  const { target, editor, context } = editorOn()
  await assert.rejects(editor.apply({ kind: 'addEvent', event: { title: 'x', date: '2023-02-30' } }, context()), /February 2023 has only 28 days/)
  assert.equal(target.commits, 0)
  assert.deepEqual(editor.undoState(), { undoLabel: null, redoLabel: null })
})

test('a replaceDocument step (import, merge) undoes to the earlier document and redoes to the new one', async () => {
  const { target, editor, context } = editorOn()
  const original = target.document
  const imported: TimelineDocument = { ...original, meta: { ...original.meta, title: 'Imported' }, events: original.events.slice(0, 3) }
  const result = await editor.apply({ kind: 'replaceDocument', label: 'import 3 events', document: imported }, context())
  assert.deepEqual(result.changed, { events: [], annotations: [], lanes: false, document: true })
  assert.deepEqual(target.document, imported)
  await editor.undo()
  assert.equal(target.document, original)
  await editor.redo()
  assert.deepEqual(target.document, imported)
  await assert.rejects(
    editor.apply({ kind: 'replaceDocument', label: 'bad import', document: { ...imported, events: [{ ...imported.events[0]!, date: '2022-02-30' }] } }, context()),
    /The new timeline's event “Belovezha Accords signed at Viskuli” \(belovezha-accords\) date February 2022 has only 28 days, so "2022-02-30" is not a date/,
  )
})

test('if the document is replaced outside the editor (a backup restored), the old steps are dropped', async () => {
  const { target, editor, context } = editorOn()
  await editor.apply({ kind: 'addLane', name: 'Türkiye' }, context())
  target.document = seedDocument()
  assert.deepEqual(editor.undoState(), { undoLabel: null, redoLabel: null })
  assert.equal(await editor.undo(), null)
})

test('if the store refuses the document (read-only), the edit is not recorded', async () => {
  const target: EditTarget = {
    document: seedDocument(),
    commit: async () => {
      throw new Error('This timeline is read-only.')
    },
  }
  const editor = new TimelineEditor(target)
  await assert.rejects(editor.apply({ kind: 'addLane', name: 'Türkiye' }, testContexts()()), /read-only/)
  assert.deepEqual(editor.undoState(), { undoLabel: null, redoLabel: null })
  const readOnly = new TimelineEditor({ ...target, readOnly: true })
  await assert.rejects(readOnly.apply({ kind: 'addLane', name: 'Türkiye' }, testContexts()()), (e: Error) => e instanceof EditError && /read-only/.test(e.message))
})

test('only the newest steps are kept once the limit is reached', async () => {
  const { editor, context } = editorOn(seedDocument(), 2)
  for (const name of ['A', 'B', 'C']) await editor.apply({ kind: 'addLane', name }, context())
  assert.equal((await editor.undo())?.label, 'add lane C')
  assert.equal((await editor.undo())?.label, 'add lane B')
  assert.equal(await editor.undo(), null)
})

/** A random analyst action, resolved against the document as it is when it happens. */
type Intent =
  | { op: 'note'; kind: 'event' | 'span' | 'moment'; pick: number; text: string }
  | { op: 'editNote' | 'deleteNote' | 'restoreNote' | 'restoreVersion'; pick: number; text: string }
  | { op: 'addEvent' | 'editEvent' | 'deleteEvent'; pick: number; text: string }
  | { op: 'addLane' | 'renameLane' | 'hideLane' | 'reorderLanes'; pick: number; text: string }
  | { op: 'replace'; pick: number; text: string }
  | { op: 'undo' }
  | { op: 'redo' }

const DATES = ['2022-01-10', '2021-08~', '2022-01-06?', '1991-12', '2021-11-10/2022-02-24', '[2022-01-06,2022-01-07]', '2022-01-0X']

function at<T>(list: readonly T[], pick: number): T | undefined {
  return list.length === 0 ? undefined : list[pick % list.length]
}

function editFor(intent: Exclude<Intent, { op: 'undo' } | { op: 'redo' }>, document: TimelineDocument): Edit | null {
  const { pick, text } = intent
  const note = at(document.annotations, pick)
  const event = at(document.events, pick)
  const lane = at(document.lanes, pick)
  const date = DATES[pick % DATES.length]!
  switch (intent.op) {
    case 'note':
      if (intent.kind === 'event') return event ? { kind: 'addAnnotation', content: { anchor: { kind: 'event', eventId: event.id }, text } } : null
      return { kind: 'addAnnotation', content: { anchor: { kind: intent.kind, date }, text, tags: [text.slice(0, 3)] } }
    case 'editNote':
      return note ? { kind: 'updateAnnotation', id: note.id, content: { anchor: note.anchor, text, colour: 'green' } } : null
    case 'deleteNote':
      return note ? { kind: 'deleteAnnotation', id: note.id } : null
    case 'restoreNote':
      return note ? { kind: 'restoreAnnotation', id: note.id } : null
    case 'restoreVersion':
      return note ? { kind: 'restoreAnnotationVersion', id: note.id, versionIndex: pick % Math.max(1, note.history.length) } : null
    case 'addEvent':
      return { kind: 'addEvent', event: { title: text || 'untitled', date, lanes: lane ? [lane.id] : [], sources: [{ title: 'wire', grade: 'C3' }] } }
    case 'editEvent':
      return event ? { kind: 'updateEvent', id: event.id, event: { title: `${event.title} ${text}`, date, lanes: event.lanes, sources: event.sources } } : null
    case 'deleteEvent':
      return event ? { kind: 'deleteEvent', id: event.id } : null
    case 'addLane':
      return { kind: 'addLane', name: `Lane ${text}` }
    case 'renameLane':
      return lane ? { kind: 'renameLane', id: lane.id, name: `Renamed ${text}` } : null
    case 'hideLane':
      return lane ? { kind: 'setLaneHidden', id: lane.id, hidden: !lane.hidden } : null
    case 'reorderLanes': {
      const ids = document.lanes.map((l) => l.id)
      return { kind: 'reorderLanes', order: [...ids.slice(pick % Math.max(1, ids.length)), ...ids.slice(0, pick % Math.max(1, ids.length))] }
    }
    case 'replace':
      return { kind: 'replaceDocument', label: 'import', document: { ...document, meta: { ...document.meta, title: `Imported ${text}` }, events: document.events.slice(1) } }
  }
}

const text = fc.string({ maxLength: 12 })
const pick = fc.nat({ max: 1_000 })
const intent: fc.Arbitrary<Intent> = fc.oneof(
  fc.record({ op: fc.constant('note' as const), kind: fc.constantFrom('event' as const, 'span' as const, 'moment' as const), pick, text }),
  fc.record({ op: fc.constantFrom('editNote' as const, 'deleteNote' as const, 'restoreNote' as const, 'restoreVersion' as const), pick, text }),
  fc.record({ op: fc.constantFrom('addEvent' as const, 'editEvent' as const, 'deleteEvent' as const), pick, text }),
  fc.record({ op: fc.constantFrom('addLane' as const, 'renameLane' as const, 'hideLane' as const, 'reorderLanes' as const), pick, text }),
  fc.record({ op: fc.constant('replace' as const), pick, text }),
  { arbitrary: fc.constantFrom<Intent>({ op: 'undo' }, { op: 'redo' }), weight: 4 },
)

test('any mix of edits, undos and redos matches the model; undoing everything gives back the original, redoing everything the final', async () => {
  const seen = { applied: 0, refused: 0, moved: 0 }
  await fc.assert(
    fc.asyncProperty(fc.array(intent, { maxLength: 30 }), async (intents) => {
      const { target, editor } = editorOn()
      const contexts = testContexts(COLLEAGUE)
      const original = target.document
      // The model: the documents Undo should go back through, and those Redo should go forward through.
      const past: TimelineDocument[] = []
      let future: TimelineDocument[] = []
      for (const step of intents) {
        const before = target.document
        if (step.op === 'undo' || step.op === 'redo') {
          const moved = step.op === 'undo' ? await editor.undo() : await editor.redo()
          const from = step.op === 'undo' ? past : future
          const to = step.op === 'undo' ? future : past
          assert.equal(moved === null, from.length === 0)
          if (moved) {
            seen.moved++
            to.push(before)
            assert.deepEqual(target.document, from.pop())
          }
          continue
        }
        const edit = editFor(step, before)
        if (!edit) continue
        try {
          const result = await editor.apply(edit, contexts())
          if (target.document !== before) {
            seen.applied++
            past.push(before)
            future = []
            assert.equal(result.undo.redoLabel, null)
          }
        } catch (error) {
          if (!(error instanceof EditError)) throw error
          seen.refused++
          assert.equal(target.document, before, 'a refused edit changes nothing')
        }
      }
      const final = target.document
      const steps = past.length
      for (let i = 0; i < steps; i++) assert.notEqual(await editor.undo(), null)
      assert.equal(await editor.undo(), null)
      assert.deepEqual(target.document, original)
      for (let i = 0; i < steps; i++) assert.notEqual(await editor.redo(), null)
      assert.deepEqual(target.document, final)
    }),
    { numRuns: 100 },
  )
  // Guards the generator itself: a property where every edit is refused would prove nothing.
  assert.ok(seen.applied > 5 * seen.refused && seen.applied > 50 && seen.moved > 20, JSON.stringify(seen))
})
