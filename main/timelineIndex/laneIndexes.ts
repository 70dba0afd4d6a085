/**
 * Every lane's interval index, built at once as a timeline opens: the events are placed in their
 * slots in file order, sorted once by (start, slot), and each lane's index is filled in that order
 * (no sort per lane).
 *
 * Each event's id fingerprints and lanes are read in the first pass, in file order, and kept by slot
 * in typed arrays, lanes as numbers. Read again in time order — each event's strings wherever the
 * parse left them in memory, each lane name looked up afresh — the lanes' pass took 264–288 ms of
 * a ~500 ms build at 100,000 events. Measured in Node: builds after the first ~350 ms against ~430;
 * the first in a process, as at opening, gained less (median 514 ms against 538, 8 runs each).
 */
import type { TimelineEvent } from '../domain/timeline'
import { fingerprintA, fingerprintB, lanesOf } from './eventRecords'
import { IntervalIndex } from './intervalIndex'
import type { SlotSpans } from './slotSpans'

/** `place` puts an event in its slot (and its span in `spans`); null when it has no date to draw. */
export function buildLaneIndexes(events: readonly TimelineEvent[], place: (event: TimelineEvent) => number | null, spans: SlotSpans): Map<string, IntervalIndex> {
  const marksA = new Uint32Array(events.length)
  const marksB = new Uint32Array(events.length)
  const laneNumbers = new Map<string, number>()
  const numberOf = (lane: string) => {
    let number = laneNumbers.get(lane)
    if (number === undefined) laneNumbers.set(lane, (number = laneNumbers.size))
    return number
  }
  const firstLane = new Uint32Array(events.length)
  /** The other lanes of the few events drawn in more than one, by slot. */
  const moreLanes: number[][] = []
  for (const event of events) {
    const slot = place(event)
    if (slot === null) continue
    marksA[slot] = fingerprintA(event.id)
    marksB[slot] = fingerprintB(event.id)
    const lanes = lanesOf(event)
    firstLane[slot] = numberOf(lanes[0]!)
    if (lanes.length > 1) moreLanes[slot] = lanes.slice(1).map(numberOf)
  }
  const starts = spans.starts()
  const ends = spans.ends()
  const order = Uint32Array.from(starts.keys()).sort((a, b) => starts[a]! - starts[b]! || a - b)
  const indexes = Array.from(laneNumbers.keys(), () => new IntervalIndex())
  for (const slot of order) {
    indexes[firstLane[slot]!]!.append(slot, starts[slot]!, ends[slot]!, marksA[slot]!, marksB[slot]!)
    for (const lane of moreLanes[slot] ?? []) indexes[lane]!.append(slot, starts[slot]!, ends[slot]!, marksA[slot]!, marksB[slot]!)
  }
  return new Map(Array.from(laneNumbers.keys(), (lane, number) => [lane, indexes[number]!]))
}
