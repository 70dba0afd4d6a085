/**
 * What the window asks the timeline engine and what it gets back (the `viewportItems`,
 * `densityOverview` and `search` channels). Type-only, so the renderer can import it.
 * All instants are epoch milliseconds, UTC.
 */
import type { DatePrecision } from '../domain/dates'
import type { AnnotationColour } from '../domain/timeline'

/** Narrows which events count; parts combine with AND, values inside a part with OR. */
export interface EventFilter {
  /** Events carrying any of these tags. */
  tags?: string[]
  /**
   * Events with at least one source graded this well or better on both marks, e.g. `B2` keeps
   * A1, A2, B1, B2 but not A3 or C1 (reliability and credibility are independent judgements).
   */
  minGrade?: string
}

export interface ViewportQuery {
  /** The visible window. */
  start: number
  end: number
  /** Width of the drawing area in CSS pixels; sets how much detail fits. */
  widthPx: number
  /**
   * Lanes to fill, in the order given. Default: every lane not hidden, in document order, then
   * `NO_LANE` for events in no lane.
   */
  laneIds?: string[]
  filter?: EventFilter
  /** A note on a span or moment the analyst has chosen: drawn even where more notes than the Notes lane shows overlap. */
  chosenNote?: string
  /** The search shown in the window: the events it matches are marked, and counted in their clusters. */
  search?: ShownSearch
  /** The Notes lane is folded: its notes are counted, not drawn (but for the chosen one). */
  notesFolded?: true
}

/** One event drawn as itself in one lane (an event in two lanes is drawn in both). */
export interface ViewportItem {
  /** Unique per event and lane: use as the drawn item's id. */
  key: string
  eventId: string
  lane: string
  title: string
  /** The date as the analyst wrote it (EDTF). */
  date: string
  start: number
  end: number
  /** Draw as a bar covering start–end (month, year, interval) rather than a point. */
  drawnAsSpan: boolean
  precision: DatePrecision
  uncertain: boolean
  approximate: boolean
  /** Best grade among its sources, e.g. `B2`; '' when unsourced. */
  bestGrade: string
  /** The query's search matches it. */
  matchesSearch?: true
}

/** Several events in one lane too close together to draw one by one at this zoom. */
export interface ViewportCluster {
  /** The same for the same lane and the same member events, at any zoom. */
  id: string
  lane: string
  /**
   * Where its first and last members start (or `covered.start` for members that began earlier);
   * zooming to start–end splits it. Equal when its members cannot be told apart by zooming.
   */
  start: number
  end: number
  count: number
  /** Up to three member titles, earliest first. */
  sampleTitles: string[]
  /** How many of its members the query's search matches (absent: none, or no search). */
  searchMatches?: number
}

export interface ViewportSlice {
  /**
   * The stretch this answer covers: the window plus about one window width each side. Pans that
   * keep the visible window inside it need no new query.
   */
  covered: { start: number; end: number }
  /** Time per bucket at this zoom. A new query is needed when `bucketMsFor` gives another value. */
  bucketMs: number
  items: ViewportItem[]
  clusters: ViewportCluster[]
  /** Event–lane pairs in `covered` after filters: items plus the clusters' counts. */
  total: number
}

/** A note on a span or a moment as the timeline draws it (the note itself: getAnnotation). */
export interface DrawnNote {
  id: string
  kind: 'span' | 'moment'
  /** What its bar says: its label, else the start of its text. */
  label: string
  colour: AnnotationColour
  initials: string
  /** Changes whenever the note does. */
  updated: string
  /** The instants its date covers. */
  span: { start: number; end: number }
}

/** What the window draws for a window of time: the engine's slice plus the notes on it. */
export interface ViewportDrawing extends ViewportSlice {
  /** Live notes on spans and moments overlapping `covered`, in time order, as many as the Notes lane can show (NOTES_DRAWN). */
  notes: DrawnNote[]
  /** Notes overlapping `covered` beyond those (drawn as one "zoom in" bar). */
  moreNotes: number
  /** Of `moreNotes`, those running across the whole of `covered`: zooming in does not draw them. */
  moreNotesAcross: number
  /** Live notes on each drawn event (events without notes are absent), for the badge on its label. */
  noteCounts: Record<string, number>
}

/** Counts over the whole timeline for the overview strip. */
export interface DensityOverview {
  /** Range the bins divide; null when the timeline holds no dated events or annotations. */
  range: { start: number; end: number } | null
  binMs: number
  /** Events whose date starts in each bin. */
  events: number[]
  /** Annotations (in use, not in the trash) anchored in each bin. */
  annotations: number[]
  /** With a search: the events it matches starting in each bin (absent without one, or before its index is built). */
  searchMatches?: number[]
}

/** The search the window shows, as the timeline and the overview strip mark its matches. */
export type ShownSearch = Pick<SearchQuery, 'text' | 'filter'>

export interface SearchQuery {
  text: string
  /** Most hits returned (default 100); `total` and `span` still count every match. */
  limit?: number
  filter?: EventFilter & {
    /** Events in any of these lanes (`NO_LANE` for events in none); annotations by their anchored event. */
    lanes?: string[]
    /** Only matches whose date overlaps this window. */
    from?: number
    to?: number
  }
  /**
   * Answer at once from what is indexed so far while the index is still being built (a large
   * timeline's first seconds), rather than wait for all of it; `indexing` then says how far it got.
   */
  soFar?: true
}

export interface SearchHit {
  kind: 'event' | 'annotation'
  id: string
  title: string
  /** A short passage around the first matching word, or the start of the text. */
  snippet: string
  /** The matching words in `title` and `snippet`, as [start, end) character ranges. */
  marks: { title: [number, number][]; snippet: [number, number][] }
  /** The time it occupies (an annotation's anchor); null when it cannot be placed. */
  span: { start: number; end: number } | null
  score: number
}

export interface SearchResults {
  hits: SearchHit[]
  /** All matches after filters, not only those returned. */
  total: number
  /** Smallest window holding every placed match: "fit view to results". */
  span: { start: number; end: number } | null
  /** Only with `soFar`: the index was still being built, and this answer covers the events and notes indexed so far. */
  indexing?: { indexed: number; of: number }
}
