/**
 * Everything the analyst can do to a note, in one place: start one (on an event, a span, a moment),
 * edit, delete to the trash, restore, bring back an earlier version. Each change goes through the
 * main process; once it answers, the notes are drawn again and the status line says what was saved.
 */
import type { AnnotationInput, EditApplied } from '../../../main/ipc/contract'
import { request } from '../../api'
import { eventTitle } from '../../eventTitles'
import type { AppContext } from '../../shell/appContext'
import { edtfForDrag } from '../../timeline/noteItems'
import type { NotesOnTimeline } from '../notesOnTimeline'
import type { PreferencesDialog } from '../preferences'
import type { NoteDraft, NoteEditor } from './noteEditor'
import { savedWords } from './savedWords'

export interface NoteActions {
  /** N: a note on the selected event, or with no event selected a moment note at the centre of the view. */
  newOnSelection(): Promise<void>
  newOnEvent(eventId: string): Promise<void>
  /** A span note for the dates in view. */
  newSpanForWindow(): Promise<void>
  /** A span note for a dragged stretch of the time axis (epoch ms). */
  newSpan(start: number, end: number): Promise<void>
  newMomentAtCentre(): Promise<void>
  edit(id: string): Promise<void>
  remove(id: string): Promise<void>
  restore(id: string): Promise<void>
  restoreVersion(id: string, index: number): Promise<void>
  /** What the editor calls to save; throws with the main process's message if refused. */
  save(id: string | null, content: AnnotationInput): Promise<EditApplied>
  /** Redraws after a saved change and says so in the status line. */
  afterEdit(applied: EditApplied): Promise<void>
}

export function createNoteActions(
  context: AppContext,
  notes: NotesOnTimeline,
  preferences: PreferencesDialog,
  editor: () => NoteEditor,
): NoteActions {
  const blank = (anchor: AnnotationInput['anchor']): AnnotationInput => ({ anchor, label: '', text: '', tags: [], colour: 'amber' })

  async function eventChoice(eventId: string): Promise<NoteDraft['event']> {
    const event = await eventTitle(eventId)
    return event ? { id: event.id, title: event.title } : null
  }

  /** Every note is signed, so the first one asks for the analyst's name before anything else. */
  async function start(draft: NoteDraft): Promise<void> {
    const author = await preferences.ensureAuthor().catch(() => null)
    if (!author) {
      context.status('A note needs your name first: set it in Preferences.', 'error')
      return
    }
    editor().open(draft)
  }

  /** Dates in view are written at the precision the view shows: days, or minutes under about three days. */
  function datesFor(start: number, end: number): string {
    const { start: from, end: to } = context.timeline.visibleWindow()
    return edtfForDrag(start, end, to - from)
  }

  async function afterEdit(applied: EditApplied): Promise<void> {
    if (applied.reload) await context.reload()
    else notes.refresh()
    context.status(savedWords(applied))
  }

  async function apply(run: () => Promise<EditApplied>): Promise<void> {
    let applied: EditApplied
    try {
      applied = await run()
    } catch {
      return // request() has already put the main process's message in the status line
    }
    await afterEdit(applied)
  }

  const actions: NoteActions = {
    async newOnSelection() {
      const selected = context.selection.current()
      if (selected?.kind === 'event') return actions.newOnEvent(selected.id)
      return actions.newMomentAtCentre()
    },
    async newOnEvent(eventId) {
      const event = await eventChoice(eventId)
      if (!event) return actions.newMomentAtCentre()
      await start({ id: null, content: blank({ kind: 'event', eventId }), event })
    },
    async newSpanForWindow() {
      const { start: from, end: to } = context.timeline.visibleWindow()
      await actions.newSpan(from, to - 1)
    },
    async newSpan(from, to) {
      const selected = context.selection.current()
      const event = selected?.kind === 'event' ? await eventChoice(selected.id) : null
      await start({ id: null, content: blank({ kind: 'span', date: datesFor(from, to) }), event })
    },
    async newMomentAtCentre() {
      const { start: from, end: to } = context.timeline.visibleWindow()
      const centre = Math.round((from + to) / 2)
      const selected = context.selection.current()
      const event = selected?.kind === 'event' ? await eventChoice(selected.id) : null
      await start({ id: null, content: blank({ kind: 'moment', date: datesFor(centre, centre) }), event })
    },
    async edit(id) {
      const detail = await request('getAnnotation', id).catch(() => null)
      if (!detail) return
      const { anchor, label, text, tags, colour, judgement, links } = detail.annotation
      const event = anchor.kind === 'event' ? ((await eventChoice(anchor.eventId)) ?? { id: anchor.eventId, title: 'a deleted event' }) : null
      const selected = context.selection.current()
      const fallback = selected?.kind === 'event' ? await eventChoice(selected.id) : null
      await start({ id, content: { anchor, label, text, tags, colour, judgement, links }, event: event ?? fallback, linkedSources: detail.linkedSources })
    },
    remove: (id) => apply(() => request('deleteAnnotation', id)),
    restore: (id) => apply(() => request('restoreAnnotation', id)),
    restoreVersion: (id, index) => apply(() => request('restoreAnnotationVersion', id, index)),
    save: (id, content) => (id ? request('updateAnnotation', id, content) : request('addAnnotation', content)),
    afterEdit,
  }
  return actions
}
