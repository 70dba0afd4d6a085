/** How a note is named and described in the window: its kind, its judgement, its colour, its times. */
import { noteTitle } from '../../../main/domain/shortText'
import type { AnnotationAnchor, AnnotationColour, Judgement } from '../../../main/domain/timeline'
import { el } from '../../dom'
import { whenStamped } from '../../timeWords'

export type NoteKind = AnnotationAnchor['kind']

const KIND_WORDS: Record<NoteKind, string> = { event: 'Event note', span: 'Span note', moment: 'Moment note' }

export function kindInWords(kind: NoteKind): string {
  return KIND_WORDS[kind]
}

/** ICD 203 keeps likelihood and confidence apart; so does the sentence: "likely (moderate confidence)". */
export function judgementInWords(judgement: Judgement | undefined): string {
  return judgement ? `${judgement.likelihood} (${judgement.confidence} confidence)` : ''
}

export function colourName(colour: AnnotationColour): string {
  return colour[0]!.toUpperCase() + colour.slice(1)
}

/** Room for a note's title in the panels' lists (they cut it to the panel's width too). */
const LISTED_TITLE_MOST = 120

/** The note's title in the panels' lists (main/domain/shortText.ts says how it is made). */
export function listedNoteTitle(note: { label: string; text: string }): string {
  return noteTitle(note, LISTED_TITLE_MOST)
}

/** "Jane Analyst (JA) · 28 Nov 2026, 08:38": who wrote a note or version, and when. */
export function byline(author: { name: string; initials: string }, when: string): string {
  const who = author.name ? `${author.name}${author.initials ? ` (${author.initials})` : ''}` : 'unknown author'
  return `${who} · ${whenStamped(when)}`
}

/** A source's Admiralty grade ("B2") as the panels mark it, or nothing when it has none. */
export function gradeMark(grade: string | null): HTMLElement | null {
  return grade ? el('span', { className: `grade grade-${grade[0]}`, text: grade }) : null
}

/** A small square in the note's palette colour; the colour is also said in words for screen readers. */
export function colourMark(colour: AnnotationColour): HTMLElement {
  return el('span', { className: `note-mark note-colour-${colour}`, attrs: { role: 'img', 'aria-label': colourName(colour) } })
}
