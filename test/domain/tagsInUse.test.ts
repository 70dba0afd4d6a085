import { test } from 'node:test'
import assert from 'node:assert/strict'
import { tagsInUse } from '../../main/domain/tagsInUse'
import { event } from '../timelineIndex/fixtures'

test('the tags in use: each once, in order, and those of the events as they are now', () => {
  const events = [event('a', '2022-01-06', ['a'], { tags: ['protest', 'csto'] }), event('b', '2022-01-07', ['a'], { tags: ['csto'] })]
  assert.deepEqual(tagsInUse(events), ['csto', 'protest'])
  // An edit replaces the list (main/edits/changes.ts): the new list's tags, not the old answer.
  const edited = [...events.slice(0, 1), { ...events[1]!, tags: ['withdrawal'] }]
  assert.deepEqual(tagsInUse(edited), ['csto', 'protest', 'withdrawal'])
  assert.deepEqual(tagsInUse(edited.slice(1)), ['withdrawal'])
})
