/**
 * The Notes lane at the top of the timeline: the bars of the notes on spans and moments the engine
 * chose for the stretch drawn, their bands and moment lines across the lanes, and the bar that
 * counts the rest. The analyst can fold it to one row: at a month's zoom in a timeline of 10,000
 * notes it stood twelve rows (407 px) deep and left room for six event lanes in an 800 px window.
 * Folded, its one bar counts the notes there (a click unfolds it); a note the analyst has chosen is
 * still drawn, and every note stays in the Notes tab.
 */
import type { DataGroup, Timeline } from 'vis-timeline'
import type { DataSet } from 'vis-data'
import type { DrawnNote, ViewportDrawing } from '../../main/timelineIndex/viewportTypes'
import { el } from '../dom'
import { inOneLayout } from './batchedItemLayout'
import { isNoteItem, type TimelineItem } from './chosenOnTimeline'
import { moreNotesItem, MOST_LINES_ACROSS, momentTimeId, NOTES_LANE, toNoteItems } from './noteItems'
import { syncDataSet } from './syncDataSet'

export interface NotesLane {
  readonly folded: boolean
  fold(folded: boolean): void
  /** The lane as vis-timeline's group. */
  group(): DataGroup
  /** Its label: the lane's name on a button that folds or unfolds it. */
  label(): HTMLElement
  /** Draws the notes of the engine's answer (none: clears them). */
  draw(drawing: ViewportDrawing | null): void
  /** A note drawn now, by its annotation id (only drawn notes can be dragged). */
  drawnNote(annotationId: string | null): DrawnNote | null
}

interface NotesLaneParts {
  /** The timeline, once made (its lanes, and so this one, are made before it). */
  timeline: () => Timeline
  items: DataSet<TimelineItem>
  signatureOf(item: TimelineItem): string
  /** The analyst folded or unfolded it (the label's button, or a click on the folded bar). */
  onFold(folded: boolean): void
}

export function createNotesLane({ timeline, items, signatureOf, onFold }: NotesLaneParts): NotesLane {
  let folded = false
  let drawn: ViewportDrawing | null = null
  /** Moment lines drawn, by id, at their instants. */
  let moments = new Map<string, number>()

  function drawMomentLines(notes: readonly DrawnNote[]): void {
    const wanted = new Map<string, number>()
    const momentNotes = notes.filter((note) => note.kind === 'moment')
    for (const { id: annotationId, span } of momentNotes.length <= MOST_LINES_ACROSS ? momentNotes : []) {
      const id = momentTimeId(annotationId)
      wanted.set(id, span.start)
      if (!moments.has(id)) timeline().addCustomTime(new Date(span.start), id)
      else if (moments.get(id) !== span.start) timeline().setCustomTime(new Date(span.start), id)
    }
    for (const id of moments.keys()) if (!wanted.has(id)) timeline().removeCustomTime(id)
    moments = wanted
  }

  return {
    get folded() {
      return folded
    },
    fold(next) {
      folded = next
    },
    group: () => ({ id: NOTES_LANE, content: 'Notes', order: -1, className: `lane notes-lane${folded ? ' notes-lane-folded' : ''}` }) as DataGroup,
    label: () =>
      el(
        'button',
        {
          className: 'lane-label notes-lane-fold',
          text: 'Notes',
          attrs: { type: 'button', 'aria-label': 'Notes lane', 'aria-expanded': String(!folded), title: folded ? 'Unfold the Notes lane' : 'Fold the Notes lane to one row (notes stay in the Notes tab)' },
          on: { click: () => onFold(!folded) },
        },
      ),
    draw(drawing) {
      drawn = drawing
      const notes = drawing?.notes ?? []
      const next: TimelineItem[] = toNoteItems(notes)
      if (drawing?.moreNotes) next.push(moreNotesItem(drawing.moreNotes, drawing.moreNotesAcross, drawing.covered, folded))
      inOneLayout(timeline(), () => syncDataSet<TimelineItem>(items, next, isNoteItem, signatureOf))
      drawMomentLines(notes)
    },
    drawnNote: (annotationId) => drawn?.notes.find((note) => note.id === annotationId) ?? null,
  }
}
