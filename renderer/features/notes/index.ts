/**
 * The analyst's notes in the window: the note editor, the Notes tab, the notes under an event's
 * details, span notes by dragging across the dates, and the keys and commands that start a note.
 * Drawing notes on the timeline (and saving a dragged bar) is notesOnTimeline.ts.
 */
import type { EventDetail } from '../../../main/ipc/contract'
import { request } from '../../api'
import { addEventPanelSection } from '../../panels/eventPanel'
import type { AppContext } from '../../shell/appContext'
import type { NotesOnTimeline } from '../notesOnTimeline'
import type { PreferencesDialog } from '../preferences'
import { installAxisDrag } from './axisDrag'
import { eventNotesSection } from './eventNotes'
import { createNoteActions } from './noteActions'
import { createNoteEditor } from './noteEditor'
import { mountNotesPanel } from './notesPanel'
import { noteSelection } from './noteSelection'

export function mountNotes(context: AppContext, notes: NotesOnTimeline, preferences: PreferencesDialog): void {
  const editor = createNoteEditor({
    events: {
      titled: (typed) => request('eventsTitled', typed),
      titlesOf: (ids) => request('eventTitles', [...ids]),
    },
    save: (id, content) => actions.save(id, content),
    onSaved: (applied) => {
      void actions.afterEdit(applied).then(() => {
        const saved = applied.annotations[0]
        if (saved) context.selection.set(noteSelection(saved))
      })
    },
  })
  context.dialogs.append(editor.element)
  const actions = createNoteActions(context, notes, preferences, () => editor)

  mountNotesPanel(context, notes, actions)
  const section = eventNotesSection(notes, {
    open: (note) => context.selection.set(noteSelection(note)),
    add: (eventId) => void actions.newOnEvent(eventId),
  })
  addEventPanelSection((detail: EventDetail) => section(detail.event.id))

  // The shell does not hand out the timeline's element; it is the region named "Timeline".
  const timelineRegion = document.querySelector<HTMLElement>('[role="region"][aria-label="Timeline"]')
  if (timelineRegion) installAxisDrag(timelineRegion, context.timeline, (start, end) => void actions.newSpan(start, end))

  for (const shortcut of [
    { keys: ['n'], label: 'New note on the selected event (or a moment note at the centre)', run: () => void actions.newOnSelection() },
    { keys: ['s'], label: 'New span note for the dates in view', run: () => void actions.newSpanForWindow() },
    { keys: ['m'], label: 'New moment note at the centre of the view', run: () => void actions.newMomentAtCentre() },
  ]) {
    context.shortcuts.add(shortcut)
  }
  context.addCommand('new-note', 'New note', () => void actions.newOnSelection())
  context.addCommand('new-span-note', 'New span note for the view', () => void actions.newSpanForWindow())
  context.addCommand('new-moment-note', 'New moment note', () => void actions.newMomentAtCentre())
}
