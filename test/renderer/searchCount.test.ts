import { test } from 'node:test'
import assert from 'node:assert/strict'
import { countWords } from '../../renderer/features/search'

const results = (total: number, listed: number, indexing?: { indexed: number; of: number }) => ({
  hits: Array.from({ length: listed }, () => ({}) as never),
  total,
  span: null,
  ...(indexing ? { indexing } : {}),
})

test('the search count says how many matched, and how many are listed', () => {
  assert.equal(countWords(results(0, 0)), 'No matches')
  assert.equal(countWords(results(1, 1)), '1 match')
  assert.equal(countWords(results(3385, 200)), '3,385 matches (first 200 listed)')
})

test('while a large timeline is still being indexed, the count says the matches are those found so far, and how far indexing got', () => {
  assert.equal(countWords(results(412, 200, { indexed: 45_000, of: 110_000 })), '412 matches so far: the timeline is still being indexed (40 %)')
  assert.equal(countWords(results(0, 0, { indexed: 250, of: 110_000 })), 'No matches so far: the timeline is still being indexed (0 %)')
  assert.equal(countWords(results(1, 1, { indexed: 109_999, of: 110_000 })), '1 match so far: the timeline is still being indexed (99 %)')
})
