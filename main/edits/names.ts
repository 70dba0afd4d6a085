/** How steps are named in the Undo / Redo labels: "add note on Geneva talks", "edit event Taliban take Kabul". */
import { describeDate } from '../domain/dates'
import { shortened } from '../domain/shortText'
import type { AnnotationContent, TimelineDocument } from '../domain/timeline'

const MAX_NAME = 60

export function shorten(text: string): string {
  return shortened(text, MAX_NAME)
}

/** "note “Escalation risk”", "note on Geneva talks", "note on 8 January 2022 – 13 January 2022". */
export function noteName(note: Pick<AnnotationContent, 'label' | 'anchor'>, document: TimelineDocument): string {
  if (note.label.trim() !== '') return `note “${shorten(note.label)}”`
  const { anchor } = note
  if (anchor.kind === 'event') {
    const event = document.events.find((e) => e.id === anchor.eventId)
    return `note on ${event ? shorten(event.title) : 'a deleted event'}`
  }
  return `${anchor.kind === 'span' ? 'span note' : 'note'} on ${shorten(describeDate(anchor.date))}`
}
