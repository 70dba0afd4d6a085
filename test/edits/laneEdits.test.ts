import { test } from 'node:test'
import assert from 'node:assert/strict'
import { applyEdit } from '../../main/edits/edit'
import { laneIdFor } from '../../main/edits/laneEdits'
import { seedDocument, testContexts } from './fixtures'

const context = testContexts()

test('a new lane gets a readable unique id and goes at the bottom', () => {
  const added = applyEdit(seedDocument(), { kind: 'addLane', name: '  Türkiye  ' }, context())
  assert.equal(added.label, 'add lane Türkiye')
  assert.deepEqual(added.document.lanes.at(-1), { id: 'turkiye', name: 'Türkiye', hidden: false })
  assert.equal(added.changed.lanes, true)
  assert.equal(laneIdFor('Russia!', new Set(['russia', 'russia-2'])), 'russia-3')
  assert.equal(laneIdFor('中国', new Set()), 'lane')
})

test('lane names must be present and distinct (ignoring case)', () => {
  const seed = seedDocument()
  assert.throws(() => applyEdit(seed, { kind: 'addLane', name: ' ' }, context()), { message: 'A lane needs a name.' })
  assert.throws(() => applyEdit(seed, { kind: 'addLane', name: 'nato & europe' }, context()), /already a lane called “NATO & Europe”/)
  assert.throws(() => applyEdit(seed, { kind: 'renameLane', id: 'china', name: 'Russia' }, context()), /already a lane called “Russia”/)
})

test('renaming keeps the id, so events stay in the lane', () => {
  const renamed = applyEdit(seedDocument(), { kind: 'renameLane', id: 'china', name: 'PRC' }, context())
  assert.equal(renamed.label, 'rename lane China to PRC')
  assert.deepEqual(renamed.document.lanes.find((l) => l.id === 'china'), { id: 'china', name: 'PRC', hidden: false })
})

test('reordering needs every lane exactly once', () => {
  const seed = seedDocument()
  const order = seed.lanes.map((l) => l.id).reverse()
  const reordered = applyEdit(seed, { kind: 'reorderLanes', order }, context())
  assert.deepEqual(reordered.document.lanes.map((l) => l.id), order)
  assert.throws(() => applyEdit(seed, { kind: 'reorderLanes', order: order.slice(1) }, context()), /every lane exactly once/)
  assert.throws(() => applyEdit(seed, { kind: 'reorderLanes', order: [...order.slice(1), order[1]!] }, context()), /every lane exactly once/)
})

test('hiding and showing a lane; doing what is already so changes nothing', () => {
  const hidden = applyEdit(seedDocument(), { kind: 'setLaneHidden', id: 'china', hidden: true }, context())
  assert.equal(hidden.label, 'hide lane China')
  assert.equal(hidden.document.lanes.find((l) => l.id === 'china')?.hidden, true)
  assert.equal(applyEdit(hidden.document, { kind: 'setLaneHidden', id: 'china', hidden: true }, context()).changes.length, 0)
  assert.equal(applyEdit(hidden.document, { kind: 'setLaneHidden', id: 'china', hidden: false }, context()).label, 'show lane China')
})
