/**
 * What the editing channels send back to the window. Type-only, so the renderer can import it
 * (through main/ipc/contract.ts) without seeing any Node code.
 */
import type { TimeSpan } from '../domain/dates'
import type { Annotation, AnnotationAnchor, AnnotationVersion, Author, Confidence, Lane, Likelihood } from '../domain/timeline'
import type { PlacedEvent } from '../ipc/contract'
import type { MarkdownBlock } from '../markdown/markdownTree'
import type { UndoState } from './undoHistory'

/** How saving a change went, as the store reports it (its SaveState); `saved` means durable on disk. */
export interface SaveReport {
  state: 'saved' | 'saving' | 'retrying'
  /** Why the last write failed, in words, while retrying. */
  lastError?: string
}

/** The answer to every edit, undo and redo: just what changed, so the window updates without reloading. */
export interface EditApplied {
  /** "add note on Geneva talks"; for undo / redo, the step undone or redone. */
  label: string
  /** Events added or changed, ready to draw (a new event's id is here). */
  events: PlacedEvent[]
  /** Ids of events no longer in the timeline. */
  removedEvents: string[]
  /** Notes added or changed, including ones moved to the trash (`deleted` set: take them off the timeline). */
  annotations: Annotation[]
  /** Ids of notes no longer in the timeline at all (only when an "add note" step is undone). */
  removedAnnotations: string[]
  /** The whole lane list, top to bottom, when lanes changed; otherwise null. */
  lanes: Lane[] | null
  /** The whole timeline was replaced (an import or merge, or undoing one): call loadTimeline again. */
  reload: boolean
  undo: UndoState
  /** `saved` once durable; `retrying` (with the reason) if the disk refused and Annalist keeps trying. */
  save: SaveReport
}

/** Narrowing the annotations panel. Every field is optional; all given must match. */
export interface AnnotationFilter {
  /** The author's name or initials (case-insensitive). */
  author?: string
  tag?: string
  kind?: AnnotationAnchor['kind']
  /** An ICD 203 term, or 'none' for notes without a judgement. */
  likelihood?: Likelihood | 'none'
  confidence?: Confidence
  /** Notes in the trash: left out (default), included, or alone. */
  trash?: 'exclude' | 'include' | 'only'
  /** Only notes on this event. */
  eventId?: string
  /** At most this many, the earliest first. */
  limit?: number
}

/** The Notes tab's counts and filter choices (see annotationSummary). */
export interface AnnotationSummary {
  /** Notes matching the filter. */
  matching: number
  /** Every note, the trash included. */
  all: number
  /** Everyone who wrote a note, by name. */
  authors: { name: string; initials: string }[]
  tags: string[]
}

/** One row of the annotations panel (without the version history, which getAnnotation gives). */
export interface ListedAnnotation {
  annotation: Omit<Annotation, 'history'>
  /** Versions including the current one. */
  versions: number
  /** Where the note sits on the timeline; null when its event is no longer in the timeline. */
  span: TimeSpan | null
  /** "on Taliban take Kabul (15 August 2021)", "8 January 2022 – 13 January 2022". */
  anchorInWords: string
}

export interface AnnotationDetail {
  annotation: Annotation
  /** The text read as the safe Markdown subset, to build with textContent. */
  text: MarkdownBlock[]
  span: TimeSpan | null
  anchorInWords: string
  /** Earlier versions, oldest first; `index` is what restoreAnnotationVersion takes. */
  history: { index: number; version: AnnotationVersion; text: MarkdownBlock[] }[]
  /** Linked events; `title` null when the event has since been deleted. */
  linkedEvents: { id: string; title: string | null }[]
  /** Linked sources; `title` null when the source has since been removed. */
  linkedSources: { id: string; title: string | null; grade: string | null; eventId: string | null }[]
}

export interface Preferences {
  /** Signs every note and version. An empty name means not set yet: the window should ask. */
  author: Author
}

/** What setPreferences takes; initials are worked out from the name when left empty. */
export interface PreferencesInput {
  author: { name: string; initials?: string }
}
