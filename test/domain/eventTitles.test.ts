import { test } from 'node:test'
import assert from 'node:assert/strict'
import { eventsTitled, titlesOf } from '../../main/domain/eventTitles'
import { event } from '../timelineIndex/fixtures'

const events = [
  event('talks', '2022-01-10', ['us'], { title: 'US–Russia talks in Geneva' }),
  event('council', '2022-01-12', ['nato'], { title: 'NATO–Russia Council meets in Brussels' }),
  event('geneva', '2022-01-10', ['us', 'ru'], { title: 'Geneva' }),
  event('summit', '2021-06-16', ['us'], { title: 'Geneva summit' }),
  event('lower', '2021-06-17', ['us'], { title: 'geneva' }),
]

test('events titled: the title itself first (as typed before other cases), then titles that begin with it, then the rest', () => {
  assert.deepEqual(eventsTitled(events, 'Geneva').map((e) => e.id), ['geneva', 'lower', 'summit', 'talks'])
  assert.deepEqual(eventsTitled(events, '  geneva ').map((e) => e.id), ['lower', 'geneva', 'summit', 'talks'])
  assert.deepEqual(eventsTitled(events, 'RUSSIA').map((e) => e.id), ['talks', 'council'])
  assert.deepEqual(eventsTitled(events, 'Minsk'), [])
})

test('events titled: at most a picker’s worth, nothing typed offering the first events, with their lanes', () => {
  assert.deepEqual(eventsTitled(events, 'e', 2).map((e) => e.id), ['talks', 'council'])
  assert.deepEqual(eventsTitled(events, '').map((e) => e.id), ['talks', 'council', 'geneva', 'summit', 'lower'])
  assert.deepEqual(eventsTitled(events, 'Geneva', 1), [{ id: 'geneva', title: 'Geneva', lanes: ['us', 'ru'] }])
})

test('titles of events by id: in the order asked, a deleted one left out, and as the events are now', () => {
  assert.deepEqual(titlesOf(events, ['summit', 'gone', 'talks']).map((e) => e.title), ['Geneva summit', 'US–Russia talks in Geneva'])
  // An edit replaces the list (main/edits/changes.ts): the new list's titles, not the old answer.
  const edited = events.map((e) => (e.id === 'summit' ? { ...e, title: 'Biden–Putin summit, Geneva' } : e))
  assert.deepEqual(titlesOf(edited, ['summit']).map((e) => e.title), ['Biden–Putin summit, Geneva'])
  assert.deepEqual(eventsTitled(edited, 'biden').map((e) => e.id), ['summit'])
})
