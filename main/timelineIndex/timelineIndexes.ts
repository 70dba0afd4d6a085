/**
 * The open timeline's indexes, kept beside its document: an interval index per lane for the level
 * of detail, the density overview, and the search index. `rebuild` reads a whole document (on
 * open); `applyChange` follows one edit; `sync` works out the change itself by comparing a new
 * document with the one indexed, for callers that replace the document wholesale.
 */
import type { Annotation, Lane, TimelineDocument, TimelineEvent } from '../domain/timeline'
import { TimelineSearch, type SearchSubjects } from '../search/searchIndex'
import { densityOverview } from './density'
import { eventRecord, type EventRecord } from './eventRecords'
import { IntervalIndex } from './intervalIndex'
import { DEFAULT_LIMITS, viewportSlice, type DetailedSlice, type DetailLimits } from './levelOfDetail'
import { quickReadDate } from './quickDateSpan'
import { NO_LANE } from './viewportRules'
import type { DensityOverview, SearchQuery, SearchResults, ViewportQuery } from './viewportTypes'

export interface Changes<T> {
  added?: readonly T[]
  updated?: readonly T[]
  /** Ids. */
  removed?: readonly string[]
}

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
}

export class TimelineIndexes {
  private records: (EventRecord | undefined)[] = []
  /** The event each record was made from; `sync` compares by reference to find what changed. */
  private sources: (TimelineEvent | undefined)[] = []
  private readonly slotById = new Map<string, number>()
  private readonly byLane = new Map<string, IntervalIndex>()
  private lanes: readonly Lane[] = []
  private readonly annotations = new Map<string, Annotation>()
  private readonly densityCache = new Map<number, DensityOverview>()
  private searchIndex: TimelineSearch

  constructor(private readonly options: IndexOptions = { searchBuild: 'at-open' }) {
    this.searchIndex = new TimelineSearch(this.subjects())
  }

  rebuild(document: TimelineDocument): void {
    this.records = []
    this.sources = []
    this.slotById.clear()
    this.annotations.clear()
    this.densityCache.clear()
    this.lanes = document.lanes
    const perLane = new Map<string, { key: number; start: number; end: number }[]>()
    for (const event of document.events) {
      const record = this.store(event)
      if (!record) continue
      for (const lane of record.lanes) {
        let entries = perLane.get(lane)
        if (!entries) perLane.set(lane, (entries = []))
        entries.push({ key: record.slot, start: record.span.start, end: record.span.end })
      }
    }
    this.byLane.clear()
    for (const [lane, entries] of perLane) this.byLane.set(lane, IntervalIndex.build(entries))
    for (const annotation of document.annotations) this.annotations.set(annotation.id, annotation)
    this.searchIndex = new TimelineSearch(this.subjects())
    if (this.options.searchBuild === 'at-open') void this.searchIndex.whenBuilt()
  }

  applyChange(change: DocumentChange): void {
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
   * Brings the indexes up to `document` by comparing it with what was indexed: objects that are
   * the same (by reference) are skipped, so an edit that copies only what it changes costs one map
   * lookup per event.
   */
  sync(document: TimelineDocument): void {
    const seen = new Set<string>()
    const updated: TimelineEvent[] = []
    for (const event of document.events) {
      seen.add(event.id)
      const slot = this.slotById.get(event.id)
      if (slot === undefined || this.sources[slot] !== event) updated.push(event)
    }
    const removed = [...this.slotById.keys()].filter((id) => !seen.has(id))
    const annotationIds = new Set<string>()
    const updatedAnnotations: Annotation[] = []
    for (const annotation of document.annotations) {
      annotationIds.add(annotation.id)
      if (this.annotations.get(annotation.id) !== annotation) updatedAnnotations.push(annotation)
    }
    const removedAnnotations = [...this.annotations.keys()].filter((id) => !annotationIds.has(id))
    this.applyChange({
      lanes: document.lanes,
      events: { updated, removed },
      annotations: { updated: updatedAnnotations, removed: removedAnnotations },
    })
  }

  /** Lanes drawn when the window does not say: visible lanes in order, then events in no lane. */
  defaultLaneIds(): string[] {
    return [...this.lanes.filter((lane) => !lane.hidden).map((lane) => lane.id), NO_LANE]
  }

  viewportItems(query: ViewportQuery, limits: DetailLimits = DEFAULT_LIMITS, withMembers = false): DetailedSlice {
    return viewportSlice(query, query.laneIds ?? this.defaultLaneIds(), this.laneEvents, limits, withMembers)
  }

  densityOverview(bins: number): DensityOverview {
    let answer = this.densityCache.get(bins)
    if (!answer) {
      const eventStarts = (function* (records: (EventRecord | undefined)[]) {
        for (const record of records) if (record) yield record.span.start
      })(this.records)
      const annotationStarts = [...this.annotations.values()].flatMap((a) => {
        const span = a.deleted ? null : this.annotationSpan(a)
        return span ? [span.start] : []
      })
      answer = densityOverview(eventStarts, annotationStarts, bins)
      this.densityCache.set(bins, answer)
    }
    return answer
  }

  search(query: SearchQuery): Promise<SearchResults> {
    return this.searchIndex.search(query)
  }

  /** Resolves when the search index is complete (starting it if it waits for the first search). */
  searchReady(): Promise<void> {
    return this.searchIndex.whenBuilt()
  }

  get eventCount(): number {
    return this.slotById.size
  }

  private readonly laneEvents = {
    laneIndex: (lane: string) => this.byLane.get(lane),
    record: (slot: number) => this.records[slot]!,
  }

  private store(event: TimelineEvent): EventRecord | null {
    const record = eventRecord(event, this.records.length)
    if (!record) return null
    this.records.push(record)
    this.sources.push(event)
    this.slotById.set(event.id, record.slot)
    return record
  }

  private putEvent(event: TimelineEvent): void {
    this.removeEvent(event.id, false)
    const record = this.store(event)
    if (record) {
      for (const lane of record.lanes) {
        let index = this.byLane.get(lane)
        if (!index) this.byLane.set(lane, (index = new IntervalIndex()))
        index.add(record.slot, record.span.start, record.span.end)
      }
    }
    this.searchIndex.putEvent(event)
  }

  private removeEvent(id: string, fromSearch = true): void {
    const slot = this.slotById.get(id)
    if (slot !== undefined) {
      const record = this.records[slot]!
      for (const lane of record.lanes) this.byLane.get(lane)?.remove(slot, record.span.start, record.span.end)
      this.records[slot] = undefined
      this.sources[slot] = undefined
      this.slotById.delete(id)
    }
    if (fromSearch) this.searchIndex.removeEvent(id)
  }

  private annotationSpan(annotation: Annotation): { start: number; end: number } | null {
    const { anchor } = annotation
    if (anchor.kind === 'event') {
      const slot = this.slotById.get(anchor.eventId)
      const record = slot === undefined ? undefined : this.records[slot]
      return record ? { start: record.span.start, end: record.span.end } : null
    }
    const reading = quickReadDate(anchor.date)
    return reading.ok ? { start: reading.span.start, end: reading.span.end } : null
  }

  private subjects(): SearchSubjects {
    return {
      event: (id) => {
        const slot = this.slotById.get(id)
        if (slot === undefined) return undefined
        return { record: this.records[slot]!, event: this.sources[slot]! }
      },
      annotation: (id) => this.annotations.get(id),
      annotatedEvent: (annotation) => {
        if (annotation.anchor.kind !== 'event') return undefined
        const slot = this.slotById.get(annotation.anchor.eventId)
        return slot === undefined ? undefined : this.records[slot]
      },
      annotationSpan: (annotation) => this.annotationSpan(annotation),
      everything: () => ({
        events: this.sources.filter((e): e is TimelineEvent => e !== undefined),
        annotations: this.annotations.values(),
      }),
    }
  }
}
