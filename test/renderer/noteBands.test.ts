/** A span note's band across the lanes: tinted while few overlap, edges only once they would pile up. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { DrawnNote } from '../../main/timelineIndex/viewportTypes'
import { toNoteItems } from '../../renderer/timeline/noteItems'

const DAY = 86_400_000
const spanNote = (id: string, fromDay: number, toDay: number): DrawnNote => ({
  id, kind: 'span', label: id, colour: 'amber', initials: 'AP', updated: '2026-01-01T00:00:00.000Z',
  span: { start: fromDay * DAY, end: toDay * DAY - 1 },
})
const tintedBands = (notes: DrawnNote[]) =>
  toNoteItems(notes).filter((item) => item.type === 'background').map((item) => String(item.className).includes('note-band-tinted'))

test('bands are tinted while no more than two overlap anywhere drawn', () => {
  assert.deepEqual(tintedBands([spanNote('a', 0, 10), spanNote('b', 5, 15)]), [true, true])
  // Three in a row, each ending the day the next begins: never more than one at a time.
  assert.deepEqual(tintedBands([spanNote('a', 0, 10), spanNote('b', 10, 20), spanNote('c', 20, 30)]), [true, true, true])
})

test('once three overlap, every band is drawn as its edges only, and each still has its bar in the Notes lane', () => {
  const notes = [spanNote('a', 0, 10), spanNote('b', 5, 15), spanNote('c', 8, 20), spanNote('d', 40, 50)]
  assert.deepEqual(tintedBands(notes), [false, false, false, false])
  assert.equal(toNoteItems(notes).filter((item) => item.type === 'range').length, 4)
})
