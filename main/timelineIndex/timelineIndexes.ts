/**
 * The open timeline's indexes, kept beside its document: an interval index per lane for the level
 * of detail, the density overview, and the search index. `rebuild` reads a whole document (on
 * open); `applyChange` follows one edit; `sync` works out the change itself by comparing a new
 * document with the one indexed, for callers that replace the document wholesale (the IPC
 * handlers call `sync(session.document)` before each answer, so every path that changes the
 * document, Undo and restored backups included, is followed without hooks).
 */
import type { Annotation, Lane, TimelineDocument, TimelineEvent } from '../domain/timeline'
import type { TimeSpan } from '../domain/dates'
import { TimelineSearch, type MatchedEvents, type SearchSubjects } from '../search/searchIndex'
import { densityOverview, densityWithMatches } from './density'
import { eventRecord, lanesOf, type EventRecord } from './eventRecords'
import { FilteredLanes, filterKey, type Filed } from './filteredLanes'
import { differences, type Changes } from './listDifferences'
import { buildLaneIndexes } from './laneIndexes'
import { IntervalIndex, type IntervalEntry } from './intervalIndex'
import { DEFAULT_LIMITS, viewportSlice, type DetailedSlice, type DetailLimits, type LaneEvents, type LaneIndexes } from './levelOfDetail'
import { datedAnchorSpan, eventSpan } from '../domain/placeEvent'
import { NO_LANE } from './viewportRules'
import { SlotSpans } from './slotSpans'
import { stepInTime } from './timeOrder'
import { WindowActivity } from './windowActivity'
import type { DensityOverview, SearchQuery, SearchResults, ShownSearch, ViewportQuery } from './viewportTypes'

/** One edit to the document, as TimelineSession reports it. */
export interface DocumentChange {
  events?: Changes<TimelineEvent>
  annotations?: Changes<Annotation>
  /** The whole lane list, when lanes were added, renamed, hidden or reordered. */
  lanes?: readonly Lane[]
}

export interface IndexOptions {
  /** Build the search index right after `rebuild` (in the background) or at the first search. */
  searchBuild: 'at-open' | 'on-first-search'
  /**
   * With 'at-open', how long after `rebuild` the background build starts (a search starts it at
   * once). Building 100,000 events takes seconds of CPU; started later, it leaves the machine to
   * the window while it opens.
   */
  searchBuildDelayMs?: number
  /**
   * The background build takes its next piece only once no drawing has been asked for this long
   * (a search asking for the index lifts the pause). Default: see windowActivity.ts.
   */
  searchBuildQuietMs?: number
  /** The window's requests, shared with the handlers that answer them (default: drawings only). */
  activity?: WindowActivity
}

const REBUILD_THRESHOLD = 1_000

export class TimelineIndexes {
  /**
   * Each slot's record, made when first asked for (`recordAt`): without a filter the level of detail
   * reads only the events it draws or names (a filter, or a search, reads every event it tests, once).
   * Made for all 100,000 events as the timeline opened, records took 180–310 ms of the build before
   * the first drawing (measured in Node).
   */
  private records: (EventRecord | undefined)[] = []
  /**
   * Each slot's start and end (NaN once its event is gone), for the overview strip and J / K:
   * gathered from the records after each edit, the overview of 100,000 events took 27–32 ms; from
   * here ~9 ms, most of it the notes' spans (measured in Node).
   */
  private spans = new SlotSpans()
  /** The event in each slot (undefined once it is gone); `sync` compares by reference to find what changed. */
  private sources: (TimelineEvent | undefined)[] = []
  private readonly slotById = new Map<string, number>()
  private byLane = new Map<string, IntervalIndex>()
  /** The lanes' indexes under the filter drawn last (a grade, tags), followed through edits. */
  private filtered: FilteredLanes | null = null
  /** The lanes of the events the shown search matches (see `markedLanes`), for the answer and the filtered lanes (or none) they were made from. */
  private marked: { matches: MatchedEvents; filtered: FilteredLanes | null; byLane: Map<string, IntervalIndex> } | null = null
  /** What filters read of events that have no record (see `filedAt`), by slot. */
  private filed: (Filed | undefined)[] = []
  private lanes: readonly Lane[] = []
  private readonly annotations = new Map<string, Annotation>()
  private readonly densityCache = new Map<number, DensityOverview>()
  private searchIndex: TimelineSearch
  /**
   * How many events carry each tag (the search filters' suggestions): counted when first asked,
   * then kept by each edit — a count over 100,000 events takes 50–100 ms, once per change.
   */
  private tagCounts: Map<string, number> | null = null
  /** The document last given to `rebuild` or `sync`. */
  private indexed: TimelineDocument | null = null

  /** What the window waits for: the background search build waits while it moves or waits. */
  private readonly window: WindowActivity

  constructor(private readonly options: IndexOptions = { searchBuild: 'at-open' }) {
    this.window = options.activity ?? new WindowActivity(options.searchBuildQuietMs)
    this.searchIndex = this.newSearch()
  }

  private newSearch(): TimelineSearch {
    return new TimelineSearch(this.subjects(), (wanted) => this.window.quietMoment(wanted))
  }

  rebuild(document: TimelineDocument): void {
    this.indexed = document
    this.records = []
    this.spans = new SlotSpans()
    this.sources = []
    this.slotById.clear()
    this.annotations.clear()
    this.densityCache.clear()
    this.tagCounts = null
    this.lanes = document.lanes
    this.byLane = buildLaneIndexes(document.events, (event) => this.store(event), this.spans)
    this.filtered = null
    this.marked = null
    this.filed = []
    for (const annotation of document.annotations) this.annotations.set(annotation.id, annotation)
    this.searchIndex.abandon()
    const search = (this.searchIndex = this.newSearch())
    if (this.options.searchBuild !== 'at-open') return
    const delay = this.options.searchBuildDelayMs ?? 0
    if (delay <= 0) return void search.whenBuilt()
    // Unref'd: a process that has nothing else to do need not wait for it.
    setTimeout(() => void search.whenBuilt(), delay).unref()
  }

  /** Follows one edit (or a few): cheap per event changed; for thousands, `rebuild` is quicker. */
  applyChange(change: DocumentChange): void {
    // The indexes no longer match any document `sync` has seen: its next call compares everything.
    if (this.indexed) this.indexed = { ...this.indexed, events: [], annotations: [], lanes: [] }
    this.apply(change)
  }

  private apply(change: DocumentChange): void {
    // Made from the lanes and slots as they were: the next drawing with the search makes them again.
    this.marked = null
    if (change.lanes) this.lanes = change.lanes
    const events = change.events ?? {}
    for (const id of events.removed ?? []) this.removeEvent(id)
    for (const event of [...(events.added ?? []), ...(events.updated ?? [])]) this.putEvent(event)
    const annotations = change.annotations ?? {}
    for (const id of annotations.removed ?? []) {
      this.annotations.delete(id)
      this.searchIndex.removeAnnotation(id)
    }
    for (const annotation of [...(annotations.added ?? []), ...(annotations.updated ?? [])]) {
      this.annotations.set(annotation.id, annotation)
      this.searchIndex.putAnnotation(annotation)
    }
    this.densityCache.clear()
  }

  /**
   * Brings the indexes up to `document` by comparing it with the one indexed. Edits copy only what
   * they change (main/edits/changes.ts), so an unchanged events or annotations array is skipped
   * whole, and within a changed one only objects that are not the same (by reference) are
   * re-indexed: an edit costs a pass comparing the list with the one before (see `differences`).
   */
  sync(document: TimelineDocument): void {
    if (document === this.indexed) return
    const previous = this.indexed
    if (!previous) return this.rebuild(document)
    this.indexed = document
    const change: DocumentChange = {}
    if (document.lanes !== previous?.lanes) change.lanes = document.lanes
    if (document.events !== previous?.events) change.events = differences(document.events, previous.events, this.slotById, (event) => {
      const slot = this.slotById.get(event.id)
      return slot !== undefined && this.sources[slot] === event
    })
    if (document.annotations !== previous?.annotations) change.annotations = differences(document.annotations, previous.annotations, this.annotations, (annotation) => this.annotations.get(annotation.id) === annotation)
    // Edits one by one shift sorted arrays; past a thousand (an import, a merge) starting over is quicker.
    const size = (c?: Changes<unknown>) => (c?.updated?.length ?? 0) + (c?.removed?.length ?? 0)
    if (size(change.events) + size(change.annotations) > REBUILD_THRESHOLD) return this.rebuild(document)
    this.apply(change)
  }

  /**
   * The whole timeline's range (as `eventRange` reads it from the events), from the spans kept here:
   * under a millisecond at 100,000 events, where reading every event took 25–59 ms.
   */
  range(): { start: number; end: number } | null {
    return this.spans.range()
  }

  /** Lanes drawn when the window does not say: visible lanes in order, then events in no lane. */
  defaultLaneIds(): string[] {
    return [...this.lanes.filter((lane) => !lane.hidden).map((lane) => lane.id), NO_LANE]
  }

  /**
   * What to draw for the window. With a search, the events it matches are marked, drawn or counted
   * in a cluster: the search lists its first hits, but the analyst looks for all of them (3,385 for
   * "protest" in the 10,000-event benchmark timeline). Until the search index is built, none are.
   */
  viewportItems(query: ViewportQuery, limits: DetailLimits = DEFAULT_LIMITS, withMembers = false): DetailedSlice {
    this.window.drawingAsked()
    const matches = query.search ? this.searchIndex.matchingEvents(query.search) : null
    const filtered = this.filteredBy(query)
    const lanes: LaneEvents = filtered ? { ...this.laneEvents, laneIndex: (lane) => filtered.laneIndex(lane) } : this.laneEvents
    const marked = matches?.count ? this.markedLanes(matches, filtered) : undefined
    const slice = viewportSlice(query, query.laneIds ?? this.defaultLaneIds(), lanes, limits, withMembers, marked)
    if (!matches?.count) return slice
    const matched = (eventId: string) => matches.slots[this.slotById.get(eventId) ?? -1] === 1
    return { ...slice, items: slice.items.map((item) => (matched(item.eventId) ? { ...item, matchesSearch: true as const } : item)) }
  }

  /**
   * Each lane's index of the events a search matches among those drawn (under `filtered`, if any),
   * made once per search answer and filter so that clusters count their matches as they count
   * their events. Counted by listing every cluster's members, a drawing of 100,000 events zoomed
   * out with a search shown took 69–128 ms; this way 4–17 ms, and 5–49 when the marks are made (Node).
   */
  private markedLanes(matches: MatchedEvents, filtered: FilteredLanes | null): LaneIndexes {
    if (this.marked?.matches !== matches || this.marked.filtered !== filtered) {
      const matched = matches.slots
      const byLane = new Map<string, IntervalIndex>()
      for (const lane of this.byLane.keys()) {
        const index = filtered ? filtered.laneIndex(lane) : this.byLane.get(lane)
        if (index) byLane.set(lane, index.kept((slot) => matched[slot] === 1))
      }
      this.marked = { matches, filtered, byLane }
    }
    const { byLane } = this.marked
    return (lane) => byLane.get(lane)
  }

  /**
   * The cluster that counts `eventId` in the drawing for `query` (its first lane drawn), or null
   * when the event is drawn as itself there or not at all. Asked when an event is chosen (J / K, a
   * search result) at a zoom where it is one of a crowd, so the window can mark where it is.
   */
  clusterHolding(eventId: string, query: ViewportQuery): string | null {
    const { clusters, members } = this.viewportItems(query, DEFAULT_LIMITS, true)
    return clusters.find((cluster) => members?.get(cluster.id)?.includes(eventId))?.id ?? null
  }

  /** The overview strip's counts; with a search, also of the events it matches (see `viewportItems`). */
  densityOverview(bins: number, search?: ShownSearch): DensityOverview {
    const overview = this.wholeDensity(bins)
    const matches = search ? this.searchIndex.matchingEvents(search) : null
    if (!matches) return overview
    const starts = this.spans.starts()
    const { slots } = matches
    const matched: number[] = []
    for (let slot = 0; slot < slots.length; slot++) if (slots[slot] === 1) matched.push(starts[slot]!)
    return densityWithMatches(overview, matched)
  }

  private wholeDensity(bins: number): DensityOverview {
    let answer = this.densityCache.get(bins)
    if (!answer) {
      const annotationStarts: number[] = []
      for (const annotation of this.annotations.values()) {
        const span = annotation.deleted ? null : this.annotationSpan(annotation)
        if (span) annotationStarts.push(span.start)
      }
      answer = densityOverview(this.spans.starts(), annotationStarts, bins)
      this.densityCache.set(bins, answer)
    }
    return answer
  }

  /**
   * Searches the index once built (or, with `soFar`, as far as its build has got). If the timeline
   * is indexed again meanwhile (an import, another timeline opened), the search is asked again of
   * the new index, so it answers for the timeline as it is now.
   */
  async search(query: SearchQuery): Promise<SearchResults> {
    const index = this.searchIndex
    const results = await index.search(query)
    return index === this.searchIndex ? results : this.search(query)
  }

  /** Resolves when the search index is complete (starting it if it waits for the first search). */
  async searchReady(): Promise<void> {
    const index = this.searchIndex
    await index.whenBuilt()
    if (index !== this.searchIndex) return this.searchReady()
  }

  /** The event after (1) or before (-1) `fromId` in time order (J / K); from nothing, the first or the last. */
  step(fromId: string | null, direction: 1 | -1): { id: string; span: TimeSpan } | null {
    const slot = stepInTime(this.spans, (slot) => this.sources[slot]!.id, fromId === null ? undefined : this.slotById.get(fromId), direction)
    const record = slot === undefined ? undefined : this.recordAt(slot)
    return record ? { id: record.id, span: record.span } : null
  }

  /** Every tag an event carries, once each, sorted. */
  tagsInUse(): string[] {
    if (!this.tagCounts) {
      this.tagCounts = new Map()
      for (const event of this.sources) if (event) this.countTags(event, 1)
    }
    return [...this.tagCounts.keys()].sort()
  }

  private countTags(event: TimelineEvent, by: 1 | -1): void {
    const counts = this.tagCounts
    if (!counts) return
    for (const tag of new Set(event.tags)) {
      const count = (counts.get(tag) ?? 0) + by
      if (count > 0) counts.set(tag, count)
      else counts.delete(tag)
    }
  }

  /** Whether every event and note is in the search index (searches wait for it otherwise). */
  get searchBuilt(): boolean {
    return this.searchIndex.isBuilt
  }

  /** How far the search index's build has got. */
  get searchIndexed(): { indexed: number; of: number } {
    return this.searchIndex.indexed
  }

  get eventCount(): number {
    return this.slotById.size
  }

  private readonly laneEvents = {
    laneIndex: (lane: string) => this.byLane.get(lane),
    record: (slot: number) => this.recordAt(slot),
    id: (slot: number) => this.sources[slot]!.id,
  }

  /**
   * The lanes of only the events the query's filter keeps; null when it keeps every event. They are
   * kept until another filter is drawn (a drawing without one leaves them be).
   */
  private filteredBy(query: ViewportQuery): FilteredLanes | null {
    if (this.filtered?.key === filterKey(query.filter)) return this.filtered
    const filtered = FilteredLanes.of(query.filter, this.byLane, (slot) => this.filedAt(slot), this.sources.length)
    if (filtered) this.filtered = filtered
    return filtered
  }

  /**
   * What a filter reads of a slot's event: its record when made, else its tags and grades, kept for
   * the next filter. At 100,000 events zoomed out, few records are made; making them all for a
   * first filter took ~1 s, reading the events afresh for each filter 0.2–0.5 s (Node).
   */
  private filedAt(slot: number): Filed {
    const record = this.records[slot]
    if (record) return record
    return (this.filed[slot] ??= { tags: this.sources[slot]!.tags, grades: this.sources[slot]!.sources.map((source) => source.grade) })
  }

  /** The record of a slot that holds an event. */
  private recordAt(slot: number): EventRecord {
    return (this.records[slot] ??= eventRecord(this.sources[slot]!, slot)!)
  }

  /** Gives the event a slot; none when its date cannot be read (the schema normally prevents that). */
  private store(event: TimelineEvent): number | null {
    const span = eventSpan(event)
    if (!span) return null
    const slot = this.sources.length
    this.sources.push(event)
    this.spans.set(slot, span.start, span.end)
    this.slotById.set(event.id, slot)
    return slot
  }

  private putEvent(event: TimelineEvent): void {
    this.removeEvent(event.id, false)
    const slot = this.store(event)
    if (slot !== null) {
      const record = this.recordAt(slot)
      this.countTags(event, 1)
      for (const lane of record.lanes) {
        let index = this.byLane.get(lane)
        if (!index) this.byLane.set(lane, (index = new IntervalIndex()))
        index.add(intervalEntry(record))
      }
      this.filtered?.add(record, intervalEntry(record))
    }
    this.searchIndex.putEvent(event)
  }

  private removeEvent(id: string, fromSearch = true): void {
    const slot = this.slotById.get(id)
    if (slot !== undefined) {
      const record = this.recordAt(slot)
      for (const lane of record.lanes) this.byLane.get(lane)?.remove(slot, record.span.start, record.span.end)
      this.filtered?.remove(record)
      this.countTags(this.sources[slot]!, -1)
      this.records[slot] = undefined
      this.filed[slot] = undefined
      this.spans.clear(slot)
      this.sources[slot] = undefined
      this.slotById.delete(id)
    }
    if (fromSearch) this.searchIndex.removeEvent(id)
  }

  private annotationSpan(annotation: Annotation): { start: number; end: number } | null {
    const { anchor } = annotation
    if (anchor.kind === 'event') {
      const slot = this.slotById.get(anchor.eventId)
      return slot === undefined ? null : this.spans.spanOf(slot)
    }
    const span = datedAnchorSpan(anchor)
    return span ? { start: span.start, end: span.end } : null
  }

  private subjects(): SearchSubjects {
    return {
      event: (id) => {
        const slot = this.slotById.get(id)
        if (slot === undefined) return undefined
        return { event: this.sources[slot]!, slot, span: this.spans.spanOf(slot) }
      },
      record: (slot) => this.recordAt(slot),
      annotation: (id) => this.annotations.get(id),
      annotatedEvent: (annotation) => {
        if (annotation.anchor.kind !== 'event') return undefined
        const slot = this.slotById.get(annotation.anchor.eventId)
        return slot === undefined ? undefined : this.recordAt(slot)
      },
      annotationSpan: (annotation) => this.annotationSpan(annotation),
      everything: () => ({
        events: this.sources.filter((e): e is TimelineEvent => e !== undefined),
        annotations: this.annotations.values(),
      }),
      slotCount: () => this.sources.length,
    }
  }
}

function intervalEntry(record: EventRecord): IntervalEntry {
  return { key: record.slot, start: record.span.start, end: record.span.end, markA: record.fingerprintA, markB: record.fingerprintB }
}
