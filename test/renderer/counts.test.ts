import { test } from 'node:test'
import assert from 'node:assert/strict'
import { countOf, formatCount } from '../../renderer/counts'

test('counts read as the analyst writes them: thousands grouped, one thing singular', () => {
  assert.equal(formatCount(100000), '100,000')
  assert.equal(countOf(1, 'event'), '1 event')
  assert.equal(countOf(0, 'note'), '0 notes')
  assert.equal(countOf(1234, 'event'), '1,234 events')
  assert.equal(countOf(2, 'note history', 'note histories'), '2 note histories')
})
