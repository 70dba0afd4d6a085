/**
 * Full-text search over a timeline: event titles, descriptions, tags and sources (titles and
 * publishers), and annotation labels, text and tags. Common English words ("the", "of") are not
 * indexed. Built with minisearch, in chunks so the main process keeps answering while 100,000
 * events are indexed (pausing while the window moves or waits for an answer, though not for a file
 * dialog the analyst has open, and answering from what it holds so far when asked to), and kept
 * current one document at a time as the timeline changes. Only ids go in the index; titles and
 * text for hits are read from the live document, so the index holds no second copy of it.
 *
 * Matching: every word must match (AND); words of four letters or more also match as prefixes
 * ("kazak" finds "Kazakhstan"), and of five or more with one typo; accents are ignored.
 */
import MiniSearch, { type SearchResult } from 'minisearch'
import { setImmediate } from 'node:timers/promises'
import { noteTitle } from '../domain/shortText'
import type { Annotation, TimelineEvent } from '../domain/timeline'
import type { EventRecord } from '../timelineIndex/eventRecords'
import { compileFilter } from '../timelineIndex/eventRecords'
import type { SearchHit, SearchQuery, SearchResults, ShownSearch } from '../timelineIndex/viewportTypes'
import { searchEveryWord, type WordMatching } from './everyWord'
import { matchedRanges, searchableWord, snippetAround } from './snippet'

interface SearchDocument {
  id: string
  title: string
  /** Description or annotation text, then source titles and publishers. */
  text: string
  tags: string
}

/** What search needs to know about the live document to filter and describe its hits. */
export interface SearchSubjects {
  /** An event now in the document, the slot it is kept in, and the time it occupies. */
  event(id: string): { event: TimelineEvent; slot: number; span: { start: number; end: number } } | undefined
  /**
   * The record of the event in a slot, made when first asked for. Search asks only to filter by
   * lane or grade: a common word matches tens of thousands of events, most of which have none yet.
   */
  record(slot: number): EventRecord
  annotation(id: string): Annotation | undefined
  /** The event an annotation is attached to, if any. */
  annotatedEvent(annotation: Annotation): EventRecord | undefined
  annotationSpan(annotation: Annotation): { start: number; end: number } | null
  /** Every event and annotation now in the document, for a full build. */
  everything(): { events: Iterable<TimelineEvent>; annotations: Iterable<Annotation> }
  /** One more than the highest slot in use. */
  slotCount(): number
}

/**
 * The events a search matches, by slot: 1 where matched. By slot rather than as a set of ids: a
 * common word matches tens of thousands of events, and the timeline counts them in its clusters
 * by slot (adding 20,000 ids to a set took ~24 ms, and looking their slots up again as many).
 */
export interface MatchedEvents {
  slots: Uint8Array
  /** How many events are matched. */
  count: number
}

const EVENT_PREFIX = 'e:'
const ANNOTATION_PREFIX = 'a:'
const DEFAULT_LIMIT = 100
/** A note found, named in the results list. */
const HIT_TITLE_MOST = 80
/**
 * Documents indexed between yields to the event loop (a piece took 7 ms median, 10 ms p90, at
 * 100,000 events in Node). A request arriving meanwhile waits for the piece under way: with 250 a
 * piece (~22 ms), a note added while indexing was acknowledged in 81–130 ms in the window; with
 * 100, in 52–66 (e2e harness).
 */
const BUILD_CHUNK = 100

function eventDocument(event: TimelineEvent): SearchDocument {
  return {
    id: EVENT_PREFIX + event.id,
    title: event.title,
    text: [event.description, ...event.sources.map((s) => `${s.title} ${s.publisher}`)].join(' '),
    tags: event.tags.join(' '),
  }
}

function annotationDocument(annotation: Annotation): SearchDocument {
  return { id: ANNOTATION_PREFIX + annotation.id, title: annotation.label, text: annotation.text, tags: annotation.tags.join(' ') }
}

/** How query words match indexed ones; `searchEveryWord` expands them by the same rules. */
const WORD_MATCHING: WordMatching = {
  tokenize: MiniSearch.getDefault('tokenize') as WordMatching['tokenize'],
  processTerm: indexedWord,
  prefix: (word) => word.length >= 4,
  // From five letters: one letter away, four-letter names are other names (Iran, Iraq; Oman, Omar).
  fuzzy: (word) => (word.length >= 5 ? 0.2 : false),
  // One typo at most: two-edit fuzzy search over a 100,000-document vocabulary costs ~10× more.
  maxFuzzy: 1,
}

function newIndex(): MiniSearch<SearchDocument> {
  const { tokenize, processTerm, prefix, fuzzy, maxFuzzy } = WORD_MATCHING
  return new MiniSearch<SearchDocument>({
    fields: ['title', 'text', 'tags'],
    tokenize,
    processTerm,
    searchOptions: { boost: { title: 3, tags: 2 }, combineWith: 'AND', prefix, fuzzy, maxFuzzy },
  })
}

/**
 * Words too common to help find anything; leaving them out makes the index about a quarter smaller
 * and quicker to build. Queries drop them too, so "the unrest" still finds "Unrest in Kazakhstan".
 */
const STOP_WORDS = new Set('a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(' '))

function indexedWord(word: string): string | null {
  const searchable = searchableWord(word)
  return STOP_WORDS.has(searchable) ? null : searchable
}

type Edit = (index: MiniSearch<SearchDocument>) => void

export class TimelineSearch {
  private readonly index = newIndex()
  private building: Promise<void> | null = null
  private built = false
  /** Set when the timeline was re-indexed from scratch: this build's work would be thrown away. */
  private abandoned = false
  /** Documents (events and notes) in the index so far, and in the whole build. */
  private progress = { indexed: 0, of: 0 }
  /** Changes that arrive while the build runs, applied in order once it is done. */
  private readonly waiting: Edit[] = []
  /**
   * The events the last search asked of `matchingEvents` matched, until the index changes: the
   * timeline asks for every drawing while a search is shown, and pans and zooms ask the same.
   */
  private matched: { key: string; events: MatchedEvents } | null = null

  /** Searches waiting for the whole index: while there are any, it is built at full speed. */
  private awaited = 0

  /**
   * `spareMoment` resolves when the build may take its next piece: the timeline's indexes hold it
   * back while the analyst is moving the window or waiting for an answer (TimelineIndexes), and
   * stop holding it while `wanted` answers true (a search is waiting for the whole index).
   */
  constructor(
    private readonly subjects: SearchSubjects,
    private readonly spareMoment: (wanted: () => boolean) => Promise<void> = () => setImmediate(),
  ) {}

  get isBuilt(): boolean {
    return this.built
  }

  /** Documents (events and notes) indexed so far, of all the build reads. */
  get indexed(): { indexed: number; of: number } {
    return { ...this.progress }
  }

  /** Starts the build if it has not started; resolves once every document is indexed. */
  whenBuilt(): Promise<void> {
    this.building ??= this.build()
    return this.building
  }

  private async build(): Promise<void> {
    if (this.abandoned) return
    const { events, annotations } = this.subjects.everything()
    const documents: SearchDocument[] = []
    for (const event of events) documents.push(eventDocument(event))
    for (const annotation of annotations) if (!annotation.deleted) documents.push(annotationDocument(annotation))
    this.progress.of = documents.length
    // A piece at a time, so other requests are answered in between; minisearch's own addAllAsync
    // cannot be stopped, and an abandoned build of 100,000 events would hold the main process for
    // seconds after the analyst opened another timeline.
    for (let from = 0; from < documents.length; from += BUILD_CHUNK) {
      if (from > 0) await this.spareMoment(() => this.awaited > 0 || this.abandoned)
      if (this.abandoned) return
      const piece = documents.slice(from, from + BUILD_CHUNK)
      this.index.addAll(piece)
      this.progress.indexed += piece.length
    }
    for (const edit of this.waiting.splice(0)) edit(this.index)
    this.built = true
  }

  /**
   * Stops the build (if it runs) for good: the timeline has been indexed again from scratch, in
   * another TimelineSearch. A search still waiting on this one gets what was indexed so far, so its
   * caller must ask the new one (TimelineIndexes.search does).
   */
  abandon(): void {
    this.abandoned = true
  }

  private edit(edit: Edit): void {
    this.matched = null
    // Before the build starts there is nothing to edit: the build reads the document as it is then.
    if (this.built) edit(this.index)
    else if (this.building) this.waiting.push(edit)
  }

  putEvent(event: TimelineEvent): void {
    const document = eventDocument(event)
    this.edit((index) => put(index, document))
  }

  removeEvent(id: string): void {
    this.edit((index) => drop(index, EVENT_PREFIX + id))
  }

  putAnnotation(annotation: Annotation): void {
    if (annotation.deleted) return this.removeAnnotation(annotation.id)
    const document = annotationDocument(annotation)
    this.edit((index) => put(index, document))
  }

  removeAnnotation(id: string): void {
    this.edit((index) => drop(index, ANNOTATION_PREFIX + id))
  }

  /**
   * Waits for the index to be complete, or with `soFar` answers at once from what it holds while it
   * is being built (100,000 events take seconds to index; the first piece is in as soon as the build
   * starts). Hits are read from the live document: an event removed meanwhile is left out, and one
   * changed meanwhile is shown as it is now (though found, until the build ends, by its old words).
   */
  async search(query: SearchQuery): Promise<SearchResults> {
    const building = this.whenBuilt()
    if (query.soFar && !this.built) return { ...this.matches(query).results, indexing: this.indexed }
    this.awaited += 1
    try {
      await building
    } finally {
      this.awaited -= 1
    }
    const { results, events } = this.matches(query)
    // The timeline asks next for the events matched, to mark them: gathered on the way. Marks wait
    // for the whole index, so a cluster never counts fewer matches than it holds.
    this.matched = { key: matchKey(query), events }
    return results
  }

  /** What the index as it is now answers, and every event matched (not only those listed). */
  private matches(query: SearchQuery): { results: SearchResults; events: MatchedEvents } {
    const limit = query.limit ?? DEFAULT_LIMIT
    const hits: SearchHit[] = []
    let total = 0
    let start = Infinity
    let end = -Infinity
    const events = this.noEventsMatched()
    // Common words match thousands of documents: every match is placed and filtered (for `total`
    // and the span), but only the hits returned get a snippet.
    this.eachMatch(query, (match, result) => {
      if (match.kind === 'event') matchEvent(events, match.slot)
      total += 1
      if (match.span) {
        start = Math.min(start, match.span.start)
        end = Math.max(end, match.span.end)
      }
      if (hits.length < limit) hits.push(this.hit(match, result))
    })
    return { results: { hits, total, span: start <= end ? { start, end } : null }, events }
  }

  /**
   * Every event the search matches after its filters (not only the hits it lists), for the timeline
   * to mark them and count them in its clusters. Null while the index is still being built: a
   * drawing is never held back for it.
   */
  matchingEvents(query: ShownSearch): MatchedEvents | null {
    if (!this.built) return null
    const key = matchKey(query)
    if (this.matched?.key !== key) {
      const events = this.noEventsMatched()
      this.eachMatch(query, (match) => match.kind === 'event' && matchEvent(events, match.slot))
      this.matched = { key, events }
    }
    return this.matched.events
  }

  private noEventsMatched(): MatchedEvents {
    return { slots: new Uint8Array(this.subjects.slotCount()), count: 0 }
  }

  /** Visits what the words match, in the index's order of relevance, after the query's filters. */
  private eachMatch(query: ShownSearch, visit: (match: Subject, result: SearchResult) => void): void {
    const text = query.text.trim()
    if (text === '') return
    const keep = this.filterFor(query)
    for (const result of searchEveryWord(this.index, text, WORD_MATCHING)) {
      const match = this.subject(String(result.id))
      if (match && keep(match)) visit(match, result)
    }
  }

  private subject(key: string): Subject | null {
    if (key.startsWith(EVENT_PREFIX)) {
      const found = this.subjects.event(key.slice(EVENT_PREFIX.length))
      if (!found) return null
      const { event, slot, span } = found
      return { kind: 'event', event, slot, span, tags: event.tags }
    }
    const annotation = this.subjects.annotation(key.slice(ANNOTATION_PREFIX.length))
    if (!annotation || annotation.deleted) return null
    return { kind: 'annotation', annotation, span: this.subjects.annotationSpan(annotation), tags: annotation.tags }
  }

  private hit(match: Subject, result: SearchResult): SearchHit {
    const { span } = match
    const marked = (title: string, snippet: string) => ({ title, snippet, marks: { title: matchedRanges(title, result.terms), snippet: matchedRanges(snippet, result.terms) } })
    if (match.kind === 'event') {
      const { event } = match
      return { kind: 'event', id: event.id, ...marked(event.title, snippetAround(event.description || event.title, result.terms)), span, score: result.score }
    }
    const { annotation } = match
    return { kind: 'annotation', id: annotation.id, ...marked(noteTitle(annotation, HIT_TITLE_MOST), snippetAround(annotation.text, result.terms)), span, score: result.score }
  }

  /**
   * Lanes and grade apply to an annotation through the event it is attached to (an annotation on
   * a span of time has neither, so those filters leave it out); tags are the annotation's own.
   */
  private filterFor(query: Pick<SearchQuery, 'filter'>): (match: Subject) => boolean {
    const filter = query.filter ?? {}
    const lanes = filter.lanes?.length ? new Set(filter.lanes) : null
    const tags = filter.tags?.length ? new Set(filter.tags) : null
    const grade = compileFilter({ minGrade: filter.minGrade })
    const from = filter.from ?? -Infinity
    const to = filter.to ?? Infinity
    const anyTime = from === -Infinity && to === Infinity
    // Lanes and grade are read from the event's record, which most matches need not have made.
    const byEvent = lanes !== null || !grade.keepsAll
    return (match) => {
      const { span } = match
      if (tags && !match.tags.some((tag) => tags.has(tag))) return false
      if (!anyTime && (span === null || span.start > to || span.end < from)) return false
      if (!byEvent) return true
      const record = match.kind === 'event' ? this.subjects.record(match.slot) : this.subjects.annotatedEvent(match.annotation)
      return record !== undefined && (!lanes || record.lanes.some((lane) => lanes.has(lane))) && (grade.keepsAll || grade.test(record))
    }
  }
}

type Subject = { span: SearchHit['span']; tags: readonly string[] } & (
  | { kind: 'event'; event: TimelineEvent; slot: number }
  | { kind: 'annotation'; annotation: Annotation }
)

/** Marks the event in `slot` matched (each event is one document in the index: met once). */
function matchEvent(events: MatchedEvents, slot: number): void {
  events.slots[slot] = 1
  events.count += 1
}

/** The same for the same words and filters, whatever else the query asks (how many hits). */
function matchKey(query: ShownSearch): string {
  return JSON.stringify([query.text.trim(), query.filter ?? {}])
}

function put(index: MiniSearch<SearchDocument>, document: SearchDocument): void {
  if (index.has(document.id)) index.discard(document.id)
  index.add(document)
}

function drop(index: MiniSearch<SearchDocument>, id: string): void {
  if (index.has(id)) index.discard(id)
}
