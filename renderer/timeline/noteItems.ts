/**
 * How notes look on the timeline: a note on a span of time is a labelled band across every lane
 * plus a bar in the Notes lane that can be dragged and resized; a note on a moment is a vertical
 * line with its label in the Notes lane; notes on an event show as a badge on the event.
 */
import type { DataItem } from 'vis-timeline'
import { bandsTinted } from '../../main/domain/noteBands'
import type { DrawnNote } from '../../main/timelineIndex/viewportTypes'
import { el } from '../dom'
import { formatCount } from '../counts'

export const NOTES_LANE = '__notes__'
const NOTE_PREFIX = 'note:'
const BAND_PREFIX = 'band:'

export interface NoteItem extends DataItem {
  id: string
  note: DrawnNote
}

export function noteItemId(annotationId: string): string {
  return `${NOTE_PREFIX}${annotationId}`
}

/** The annotation id behind a timeline item id, or null for an event's item. */
export function annotationIdOf(itemId: string): string | null {
  if (itemId.startsWith(NOTE_PREFIX)) return itemId.slice(NOTE_PREFIX.length)
  if (itemId.startsWith(BAND_PREFIX)) return itemId.slice(BAND_PREFIX.length)
  return null
}

export function momentTimeId(annotationId: string): string {
  return `moment:${annotationId}`
}

export function annotationIdOfMoment(timeId: string): string | null {
  return timeId.startsWith('moment:') ? timeId.slice('moment:'.length) : null
}

/**
 * More span notes than this in the stretch drawn and their bands across the lanes are left out
 * (their bars in the Notes lane stay): a hundred overlapping bands hide the events beneath and
 * cost vis-timeline a layout each. The same for moment notes and their lines across the lanes
 * (each a draggable vis-timeline component of its own, with its own gesture recogniser).
 */
export const MOST_LINES_ACROSS = 25

/** Items for the notes on spans and moments; event notes are badges, not items. */
export function toNoteItems(notes: readonly DrawnNote[]): NoteItem[] {
  const items: NoteItem[] = []
  const spans = notes.filter((note) => note.kind === 'span').map((note) => note.span)
  const withBands = spans.length <= MOST_LINES_ACROSS
  const tinted = withBands && bandsTinted(spans)
  for (const note of notes) {
    const { span } = note
    const colour = `note-colour-${note.colour}`
    if (note.kind === 'span') {
      if (withBands) {
        items.push({
          id: `${BAND_PREFIX}${note.id}`,
          type: 'background',
          start: new Date(span.start),
          end: new Date(span.end + 1),
          className: `note-band ${tinted ? 'note-band-tinted ' : ''}${colour}`,
          content: '',
          note,
        })
      }
      items.push({
        id: noteItemId(note.id),
        group: NOTES_LANE,
        type: 'range',
        start: new Date(span.start),
        end: new Date(span.end + 1),
        className: `note note-span ${colour}`,
        content: '',
        editable: { updateTime: true, updateGroup: false, remove: false },
        note,
      })
    } else {
      items.push({
        id: noteItemId(note.id),
        group: NOTES_LANE,
        type: 'point',
        start: new Date(span.start),
        className: `note note-moment ${colour}`,
        content: '',
        editable: false,
        note,
      })
    }
  }
  return items
}

export function renderNoteLabel(item: NoteItem): HTMLElement {
  const { note } = item
  return el('span', { className: 'note-label', attrs: { 'data-annotation-id': note.id } }, [
    el('span', { className: 'note-initials', text: note.initials || '✎', attrs: { 'aria-hidden': 'true' } }),
    el('span', { className: 'note-title', text: note.label }),
  ])
}

/** A dragged span note's new dates, in EDTF at the precision the view can show. */
export function edtfForDrag(start: number, end: number, windowWidthMs: number): string {
  const precise = windowWidthMs < 3 * 86_400_000
  const text = (ms: number) => (precise ? `${new Date(ms).toISOString().slice(0, 16)}Z` : new Date(ms).toISOString().slice(0, 10))
  return end > start ? `${text(start)}/${text(end)}` : text(start)
}

export const MORE_NOTES_ID = 'notes-more'

/**
 * The bar that stands for notes not drawn: too many fall in view, or the Notes lane is folded.
 * `across`: how many of them run across the whole stretch, which zooming in would not draw.
 */
export function moreNotesItem(count: number, across: number, window: { start: number; end: number }, folded: boolean): NoteItem {
  const notes = `${formatCount(count)} ${folded ? '' : 'more '}note${count === 1 ? '' : 's'} here`
  const where = across < count ? 'zoom in, or see the Notes tab' : 'they run across all of this stretch; see the Notes tab'
  return {
    id: MORE_NOTES_ID,
    group: NOTES_LANE,
    type: 'range',
    start: new Date(window.start),
    end: new Date(window.end),
    className: 'note note-more',
    content: '',
    editable: false,
    selectable: false,
    note: {
      id: MORE_NOTES_ID,
      kind: 'span',
      label: folded ? `${notes}: click to unfold the Notes lane` : `${notes}: ${where}`,
      colour: 'grey',
      initials: '+',
      updated: String(count),
      span: { start: window.start, end: window.end },
    },
  }
}
