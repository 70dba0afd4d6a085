/** Which cluster counts a chosen event, so the window can mark it when the event is not drawn as itself. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TimelineIndexes } from '../../main/timelineIndex/timelineIndexes'
import { event, timeline } from './fixtures'

const DAY = 86_400_000
const JUNE = Date.UTC(2021, 5, 1)
/** Sixty events a day apart in lane A (more than a lane draws one by one), one in lane B among them. */
function busySummer(): TimelineIndexes {
  const events = Array.from({ length: 60 }, (_, day) => event(`d${day}`, new Date(JUNE + day * DAY).toISOString().slice(0, 10)))
  events.push(event('lone', '2021-06-20', ['b']))
  const indexes = new TimelineIndexes({ searchBuild: 'on-first-search' })
  indexes.rebuild(timeline(events))
  return indexes
}

const WHOLE_SUMMER = { start: JUNE - 5 * DAY, end: JUNE + 65 * DAY, widthPx: 800 }

test('an event counted in a cluster is found in the cluster the drawing shows', () => {
  const indexes = busySummer()
  const drawing = indexes.viewportItems(WHOLE_SUMMER, undefined, true)
  for (const id of ['d0', 'd31', 'd59']) {
    const holding = indexes.clusterHolding(id, WHOLE_SUMMER)
    assert.ok(holding, `${id} is counted in a cluster over the whole summer`)
    assert.ok(drawing.clusters.some((cluster) => cluster.id === holding), 'the id is one the drawing has')
    assert.ok(drawing.members?.get(holding)?.includes(id), `the cluster found counts ${id}`)
  }
  assert.notEqual(indexes.clusterHolding('d0', WHOLE_SUMMER), indexes.clusterHolding('d59', WHOLE_SUMMER), 'June and August are different crowds')
})

test('an event drawn as itself, or outside the window, is in no cluster', () => {
  const indexes = busySummer()
  assert.equal(indexes.clusterHolding('lone', WHOLE_SUMMER), null, 'alone in its lane, it is drawn')
  const threeDays = { start: JUNE + 9 * DAY, end: JUNE + 12 * DAY, widthPx: 1_600 }
  assert.ok(indexes.viewportItems(threeDays).items.some((item) => item.eventId === 'd10'))
  assert.equal(indexes.clusterHolding('d10', threeDays), null, 'zoomed in to a few days, it is drawn')
  assert.equal(indexes.clusterHolding('d59', { start: JUNE - 400 * DAY, end: JUNE - 300 * DAY, widthPx: 800 }), null, 'a window a year earlier does not count it')
  assert.equal(indexes.clusterHolding('no-such-event', WHOLE_SUMMER), null)
})
