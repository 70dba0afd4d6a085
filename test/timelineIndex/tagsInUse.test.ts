import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TimelineIndexes } from '../../main/timelineIndex/timelineIndexes'
import { event, timeline } from './fixtures'

test('the tags in use: each once, sorted, and those of the events as edits leave them', () => {
  const document = timeline([
    event('a', '2022-01-06', ['a'], { tags: ['protest', 'csto', 'protest'] }),
    event('b', '2022-01-07', ['a'], { tags: ['csto'] }),
  ])
  const indexes = new TimelineIndexes({ searchBuild: 'on-first-search' })
  indexes.sync(document)
  assert.deepEqual(indexes.tagsInUse(), ['csto', 'protest'])
  // "b" retagged: "csto" is still on "a"; then "a" deleted, and its tags go with it.
  const retagged = { ...document, events: [document.events[0]!, { ...document.events[1]!, tags: ['withdrawal'] }] }
  indexes.sync(retagged)
  assert.deepEqual(indexes.tagsInUse(), ['csto', 'protest', 'withdrawal'])
  indexes.sync({ ...retagged, events: retagged.events.slice(1) })
  assert.deepEqual(indexes.tagsInUse(), ['withdrawal'])
  indexes.sync({ ...retagged, events: [...retagged.events, event('c', '2022-01-08', ['b'], { tags: ['csto'] })] })
  assert.deepEqual(indexes.tagsInUse(), ['csto', 'protest', 'withdrawal'])
})
