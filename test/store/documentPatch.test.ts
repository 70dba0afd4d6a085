/**
 * The journal's patches: whatever happens to the lists between two saves (edits, additions,
 * removals, several at once, reorderings), replaying the patch onto the earlier document gives
 * back the later one exactly, order included; and a patch that does not fit is refused.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type { TimelineDocument } from '../../main/domain/timeline'
import { applyPatches, patchBetween, PatchMismatchError, splicesBetween } from '../../main/store/documentPatch'
import { note, sampleDocument } from './helpers'

interface Item {
  id: string
  text: string
}

type Change =
  | { kind: 'add'; at: number }
  | { kind: 'remove'; at: number }
  | { kind: 'edit'; at: number }
  | { kind: 'move'; from: number; to: number }

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
)

/** Applies changes the way edits do: a copy of the list, the untouched items kept as they were. */
function changed(list: readonly Item[], changes: readonly Change[], fresh: () => string): Item[] {
  const next = list.slice()
  for (const c of changes) {
    if (c.kind === 'add') next.splice(c.at % (next.length + 1), 0, { id: fresh(), text: 'new' })
    if (next.length === 0) continue
    if (c.kind === 'remove') next.splice(c.at % next.length, 1)
    if (c.kind === 'edit') {
      const at = c.at % next.length
      next[at] = { ...next[at]!, text: `${next[at]!.text}+` }
    }
    if (c.kind === 'move') {
      const [item] = next.splice(c.from % next.length, 1)
      next.splice(c.to % (next.length + 1), 0, item!)
    }
  }
  return next
}

function documentWith(annotations: Item[]): TimelineDocument {
  const base = sampleDocument()
  return { ...base, annotations: annotations.map((a) => ({ ...note(a.id, a.text) })) }
}

test('replaying the patch between two saves gives back the later list exactly, whatever changed', () => {
  fc.assert(
    fc.property(fc.nat({ max: 30 }), fc.array(fc.array(change, { maxLength: 6 }), { minLength: 1, maxLength: 6 }), (size, saves) => {
      let counter = 0
      const fresh = () => `n${counter++}`
      let list: Item[] = Array.from({ length: size }, () => ({ id: fresh(), text: 'old' }))
      // As the store sees it: one document object per save, entities shared where unchanged.
      let before = documentWith(list)
      const start = before
      const patches = []
      for (const changes of saves) {
        list = changed(list, changes, fresh)
        const byId = new Map(before.annotations.map((a) => [a.id, a]))
        const after: TimelineDocument = {
          ...before,
          annotations: list.map((item) => {
            const kept = byId.get(item.id)
            return kept && kept.text === item.text ? kept : note(item.id, item.text)
          }),
        }
        const patch = patchBetween(before, after)
        if (patch) patches.push(patch)
        assert.deepEqual(applyPatches(before, patch ? [patch] : []), after)
        before = after
      }
      assert.deepEqual(applyPatches(start, patches), before, 'all the saves replayed in order')
    }),
    { numRuns: 300 },
  )
})

test('editing one entity in 100,000 gives a one-entity patch, found in a few milliseconds', () => {
  const events = sampleDocument().events
  const many = Array.from({ length: 100_000 }, (_, i) => ({ ...events[0]!, id: `e${i}` }))
  const edited = many.slice()
  edited[54_321] = { ...edited[54_321]!, title: 'Edited' }
  const started = performance.now()
  const splices = splicesBetween(many, edited)
  const took = performance.now() - started
  assert.deepEqual(splices, [{ at: 54_321, removed: ['e54321'], inserted: [edited[54_321]] }])
  assert.ok(took < 200, `took ${took.toFixed(1)} ms`)
})

test('a patch that does not fit the document it is replayed onto is refused, not applied', () => {
  const before = documentWith([{ id: 'a', text: 'x' }, { id: 'b', text: 'y' }])
  const after = { ...before, annotations: [before.annotations[0]!, { ...before.annotations[1]!, text: 'changed' }] }
  const patch = patchBetween(before, after)!
  const other = documentWith([{ id: 'a', text: 'x' }, { id: 'c', text: 'z' }])
  assert.throws(() => applyPatches(other, [patch]), PatchMismatchError)
  assert.equal(patchBetween(before, before), null, 'nothing changed, nothing to journal')
})
