/**
 * Drawings fetched ahead of a step: a step finds the one for its window, and nothing fetched before
 * a change (a new note, another filter) is ever drawn after it.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DrawingsAhead, showsChosenNote } from '../../renderer/timeline/drawingsAhead'
import { bucketMsFor } from '../../main/timelineIndex/viewportRules'
import type { ViewportDrawing, ViewportQuery } from '../../main/timelineIndex/viewportTypes'

const DAY = 86_400_000
const window = { start: Date.UTC(2021, 0, 1), end: Date.UTC(2021, 0, 1) + 120 * DAY }
const query = (over: Partial<ViewportQuery> = {}): ViewportQuery => ({ ...window, widthPx: 1200, laneIds: ['russia', 'nato'], filter: {}, ...over })

/** An engine that answers with the window asked plus one window width each side, as the real one does. */
function engine() {
  const asked: ViewportQuery[] = []
  let fail = false
  const source = async (q: ViewportQuery): Promise<ViewportDrawing> => {
    asked.push(q)
    if (fail) throw new Error('the engine is busy')
    const width = q.end - q.start
    return {
      covered: { start: q.start - width, end: q.end + width },
      bucketMs: bucketMsFor(width, q.widthPx),
      items: [],
      clusters: [],
      total: asked.length,
      notes: [],
      moreNotes: 0,
      moreNotesAcross: 0,
      noteCounts: {},
    } as unknown as ViewportDrawing
  }
  return { asked, source, failNext: () => (fail = true) }
}

test('a step finds the drawing fetched ahead for its window, on its way or arrived, and asks only once', async () => {
  const { asked, source } = engine()
  const ahead = new DrawingsAhead(source)
  ahead.fetch(query())
  ahead.fetch(query()) // already on its way
  const onItsWay = ahead.find(query({ start: window.start + DAY, end: window.end - DAY }))
  assert.ok(onItsWay, 'a window inside the one asked for, at the same detail, is drawn by its answer')
  const drawing = await onItsWay
  assert.equal(asked.length, 1)
  // Arrived: the answer covers a window width either side, so a pan there needs no new question.
  const width = window.end - window.start
  const panned = ahead.find(query({ start: window.start + width / 5, end: window.end + width / 5 }))
  assert.equal(await panned, drawing)
  assert.equal(asked.length, 1)
})

test('a window asked for again while its drawing is on its way is fetched once', async () => {
  const { asked, source } = engine()
  const ahead = new DrawingsAhead(source)
  const first = ahead.drawing(query())
  const second = ahead.drawing(query({ start: window.start + DAY }))
  assert.equal(await first, await second)
  assert.equal(asked.length, 1)
  await ahead.drawing(query({ laneIds: ['nato'] }))
  assert.equal(asked.length, 2, 'another selection is asked for')
})

test('no drawing is found for another level of detail, other lanes, another filter or another width', async () => {
  const { source } = engine()
  const ahead = new DrawingsAhead(source)
  ahead.fetch(query())
  await ahead.find(query())
  const middle = (window.start + window.end) / 2
  const quarter = (window.end - window.start) / 4
  assert.equal(ahead.find(query({ start: middle - quarter, end: middle + quarter })), null, 'zoomed in: finer buckets')
  assert.equal(ahead.find(query({ laneIds: ['russia'] })), null)
  assert.equal(ahead.find(query({ filter: { minGrade: 'B2' } })), null)
  assert.equal(ahead.find(query({ widthPx: 900 })), null)
})

test('after a change nothing fetched before it is found, even an answer still on its way', async () => {
  const { asked, source } = engine()
  const ahead = new DrawingsAhead(source)
  ahead.fetch(query())
  const before = ahead.find(query())
  ahead.forget()
  assert.equal(ahead.find(query()), null)
  await before
  assert.equal(ahead.find(query()), null, 'the old answer arrived after the change and is not kept')
  ahead.fetch(query())
  assert.equal(asked.length, 2, 'asked afresh')
})

test('a drawing the engine could not answer is dropped, so the step asks again', async () => {
  const { source, failNext } = engine()
  const ahead = new DrawingsAhead(source)
  failNext()
  ahead.fetch(query())
  assert.equal(await ahead.find(query()), null)
  assert.equal(ahead.find(query()), null)
})

test('an answer says which window it was asked for, also when it draws another one', async () => {
  const { source } = engine()
  const ahead = new DrawingsAhead(source)
  const asked = query()
  const answer = (await ahead.drawing(asked))!
  const width = window.end - window.start
  const panned = query({ start: window.start + width / 5, end: window.end + width / 5 })
  assert.equal(await ahead.drawing(panned), answer, 'the panned window is drawn by the same answer')
  assert.deepEqual(ahead.askedFor(answer), asked)
  ahead.forget()
  assert.deepEqual(ahead.askedFor(answer), asked, 'still known once forgotten for steps: it may still be on screen')
})

test('a drawing is found for a chosen note only if it shows that note, and never shows a note chosen before', async () => {
  const { asked, source } = engine()
  const ahead = new DrawingsAhead(source)
  const plain = await ahead.drawing(query())
  assert.equal(ahead.find(query({ chosenNote: 'n-1' })), null, 'the plain drawing does not show the note: ask with it')
  const withNote = await ahead.drawing(query({ chosenNote: 'n-1' }))
  assert.notEqual(withNote, plain)
  assert.equal(asked.length, 2)
  assert.equal(await ahead.find(query({ chosenNote: 'n-1' })), withNote)
  assert.equal(await ahead.find(query()), plain, 'once no note is chosen, the drawing without it')
  assert.equal(ahead.find(query({ chosenNote: 'n-2' })), null, 'nor one made for another note')
})

test('a drawing that shows the chosen note anyway (one of the most recently edited) needs no new question', () => {
  const drawn = (ids: string[]) => ({ notes: ids.map((id) => ({ id })) }) as unknown as ViewportDrawing
  assert.equal(showsChosenNote(query(), drawn(['n-1', 'n-3']), 'n-1'), true)
  assert.equal(showsChosenNote(query(), drawn(['n-3']), 'n-1'), false)
  assert.equal(showsChosenNote(query({ chosenNote: 'n-1' }), drawn(['n-1']), undefined), false, 'drawn only for being chosen')
  assert.equal(showsChosenNote(query({ chosenNote: 'n-1' }), drawn(['n-1']), 'n-1'), true)
  assert.equal(showsChosenNote(query(), null, undefined), true)
})
