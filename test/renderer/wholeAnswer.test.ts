/**
 * Enter on a search while a large timeline is still indexed: the whole answer waits for the index,
 * and meanwhile the list shows what is found so far, kept up to date, never after the whole answer.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { wholeAnswer } from '../../renderer/features/search/wholeAnswer'

interface Answer {
  hits: number
  indexing?: { indexed: number; of: number }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Waits until `condition` holds (checked every few ms), failing after a generous time on a busy machine. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (const started = Date.now(); !condition(); await pause(5)) if (Date.now() - started > 5_000) assert.fail(what)
}

/** A search whose index is built `perAsk` documents further each time it is asked, and whose whole answer comes when `finish` is called. */
function searchBeingIndexed(of = 100, perAsk = 10) {
  let indexed = 0
  let finish!: () => void
  const whole = new Promise<Answer>((resolve) => (finish = () => resolve({ hits: of })))
  const asked: ('whole' | 'so far')[] = []
  return {
    asked,
    finish,
    ask: async (soFar: boolean): Promise<Answer | null> => {
      asked.push(soFar ? 'so far' : 'whole')
      if (!soFar) return whole
      indexed = Math.min(of, indexed + perAsk)
      return indexed < of ? { hits: indexed, indexing: { indexed, of } } : { hits: of }
    },
  }
}

test('while the whole answer waits, what is found so far is shown, and kept up to date', async () => {
  const search = searchBeingIndexed()
  const shown: number[] = []
  const answer = wholeAnswer({ ask: search.ask, meanwhile: (found) => shown.push(found.hits), wanted: () => true, againMs: 10 })
  await until(() => shown.length >= 3, 'shown three times while waiting')
  assert.deepEqual(shown, [...shown].sort((a, b) => a - b), 'each showing finds at least as much as the one before')
  search.finish()
  assert.deepEqual(await answer, { hits: 100 })
  const before = shown.length
  await pause(40)
  assert.equal(shown.length, before, 'nothing found so far is shown after the whole answer')
  assert.equal(search.asked.filter((kind) => kind === 'whole').length, 1)
})

test('once the analyst asks something else, nothing more is asked for the old search', async () => {
  const search = searchBeingIndexed()
  let wanted = true
  const shown: number[] = []
  void wholeAnswer({ ask: search.ask, meanwhile: (found) => shown.push(found.hits), wanted: () => wanted, againMs: 10 })
  await until(() => shown.length >= 1, 'shown once')
  wanted = false
  const asks = search.asked.length
  await pause(40)
  assert.equal(search.asked.length, asks)
  search.finish()
})

test('an index found complete stops the asking: the whole answer is on its way', async () => {
  const search = searchBeingIndexed(20, 10)
  const shown: number[] = []
  void wholeAnswer({ ask: search.ask, meanwhile: (found) => shown.push(found.hits), wanted: () => true, againMs: 5 })
  await until(() => shown.length >= 2, 'shown twice')
  await pause(40)
  assert.deepEqual(shown, [10, 20])
  search.finish()
})

test('an answer found so far that comes after the whole one is not shown', async () => {
  let soFarAnswered!: (answer: Answer) => void
  const shown: number[] = []
  const answer = wholeAnswer<Answer>({
    ask: (soFar) => (soFar ? new Promise((resolve) => (soFarAnswered = resolve)) : Promise.resolve({ hits: 5 })),
    meanwhile: (found) => shown.push(found.hits),
    wanted: () => true,
    againMs: 5,
  })
  assert.deepEqual(await answer, { hits: 5 })
  soFarAnswered({ hits: 3, indexing: { indexed: 3, of: 5 } })
  await pause(20)
  assert.deepEqual(shown, [])
})
