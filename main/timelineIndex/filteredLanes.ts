/**
 * The lanes' interval indexes of only the events a filter keeps (a source grade, tags).
 *
 * Without a filter, the level of detail counts a zoomed-out lane from its index's prefix sums;
 * with one, it read and tested every event in the stretch: 113–156 ms for each drawing of 100,000
 * events zoomed out (Node), so every zoom or pan step waited that long. Kept lanes are made once,
 * when a filter is first drawn, and followed through edits: drawings under the filter then count
 * from prefix sums again, in 2–9 ms (a first filter ~0.4 s to make, another 0.05–0.2 s).
 */
import { compileFilter, type CompiledFilter, type EventRecord } from './eventRecords'
import { IntervalIndex, type IntervalEntry } from './intervalIndex'
import type { EventFilter } from './viewportTypes'

/** The same for filters that keep the same events (tags in any order, repeated or not). */
export function filterKey(filter: EventFilter | undefined): string {
  return JSON.stringify([[...new Set(filter?.tags ?? [])].sort(), filter?.minGrade ?? null])
}

/** What a filter reads of an event: the tags and source grades it is filed under. */
export type Filed = Parameters<CompiledFilter['test']>[0]

export class FilteredLanes {
  private constructor(
    readonly key: string,
    private readonly filter: CompiledFilter,
    private readonly byLane: Map<string, IntervalIndex>,
  ) {}

  /**
   * Null when `filter` keeps every event: the lanes' own indexes answer then. `slots`: one more than
   * the highest slot in use.
   */
  static of(filter: EventFilter | undefined, lanes: ReadonlyMap<string, IntervalIndex>, filed: (slot: number) => Filed, slots: number): FilteredLanes | null {
    const compiled = compileFilter(filter)
    if (compiled.keepsAll) return null
    // Each event is tested once, however many lanes it is drawn in: 0 not yet, 1 kept, 2 left out.
    const verdicts = new Uint8Array(slots)
    const keeps = (slot: number) => {
      if (verdicts[slot] === 0) verdicts[slot] = compiled.test(filed(slot)) ? 1 : 2
      return verdicts[slot] === 1
    }
    const byLane = new Map<string, IntervalIndex>()
    for (const [lane, index] of lanes) byLane.set(lane, index.kept(keeps))
    return new FilteredLanes(filterKey(filter), compiled, byLane)
  }

  laneIndex(lane: string): IntervalIndex | undefined {
    return this.byLane.get(lane)
  }

  /** Follows an event added to the lanes' indexes. */
  add(record: EventRecord, entry: IntervalEntry): void {
    if (!this.filter.test(record)) return
    for (const lane of record.lanes) {
      let kept = this.byLane.get(lane)
      if (!kept) this.byLane.set(lane, (kept = new IntervalIndex()))
      kept.add(entry)
    }
  }

  /** Follows an event removed from the lanes' indexes. */
  remove(record: EventRecord): void {
    for (const lane of record.lanes) this.byLane.get(lane)?.remove(record.slot, record.span.start, record.span.end)
  }
}
