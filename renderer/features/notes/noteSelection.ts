/** Selecting a note. A note on an event has no mark of its own on the timeline: its event is marked. */
import type { Annotation } from '../../../main/domain/timeline'
import type { Selection } from '../../shell/appContext'

export function noteSelection(note: Pick<Annotation, 'id' | 'anchor'>): Selection {
  return note.anchor.kind === 'event' ? { kind: 'annotation', id: note.id, eventId: note.anchor.eventId } : { kind: 'annotation', id: note.id }
}
