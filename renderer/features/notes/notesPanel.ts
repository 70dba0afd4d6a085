/**
 * The Notes tab: every note in time order, narrowed by author, tag, kind, judgement and trash (the
 * main process filters and sorts); clicking one frames it on the timeline and selects it, and a
 * selected note shows in full (see noteDetail.ts).
 */
import { LIKELIHOODS } from '../../../main/domain/vocabulary'
import type { AnnotationFilter, ListedAnnotation } from '../../../main/ipc/contract'
import { request } from '../../api'
import { el } from '../../dom'
import type { AppContext } from '../../shell/appContext'
import type { NotesOnTimeline } from '../notesOnTimeline'
import type { NoteActions } from './noteActions'
import { noteDetailView } from './noteDetail'
import { colourMark, judgementInWords, kindInWords, listedNoteTitle, type NoteKind } from './noteWords'
import { noteSelection } from './noteSelection'
import { countOf, formatCount } from '../../counts'

const MIN_FRAME_MS = 7 * 86_400_000

function select(name: string, onChange: () => void): HTMLSelectElement {
  return el('select', { attrs: { 'aria-label': name }, on: { change: onChange } })
}

/** Replaces a select's options, keeping the choice if it is still offered. */
function offer(element: HTMLSelectElement, options: [value: string, text: string][]): void {
  const kept = element.value
  element.replaceChildren(...options.map(([value, text]) => el('option', { text, attrs: { value } })))
  element.value = options.some(([value]) => value === kept) ? kept : ''
}

function noteRow(row: ListedAnnotation, choose: () => void): HTMLElement {
  const { annotation: note } = row
  const judgement = judgementInWords(note.judgement)
  return el('li', { className: `note-row${note.deleted ? ' trashed' : ''}` }, [
    el('button', { className: 'note-row-button', attrs: { type: 'button', 'data-annotation-id': note.id }, on: { click: choose } }, [
      colourMark(note.colour),
      el('span', { className: 'note-row-body' }, [
        el('span', { className: 'note-row-head' }, [
          el('span', { className: 'note-row-kind', text: kindInWords(note.anchor.kind) }),
          el('span', { className: 'note-row-anchor', text: row.anchorInWords }),
        ]),
        el('span', { className: 'note-row-title', text: listedNoteTitle(note) }),
        judgement || note.deleted
          ? el('span', { className: 'note-row-judgement', text: [judgement, note.deleted ? 'in the trash' : ''].filter(Boolean).join(' · ') })
          : null,
      ]),
      el('span', { className: 'note-initials-badge', text: note.author.initials || '—', attrs: { title: note.author.name } }),
    ]),
  ])
}

export function mountNotesPanel(context: AppContext, notes: NotesOnTimeline, actions: NoteActions): void {
  const refreshList = () => void drawList()
  const author = select('Author', refreshList)
  const tag = select('Tag', refreshList)
  const kind = select('Kind', refreshList)
  offer(kind, [['', 'All kinds'], ['event', 'On events'], ['span', 'On spans'], ['moment', 'On moments']])
  const judgement = select('Judgement', refreshList)
  offer(judgement, [['', 'Any judgement'], ['none', 'No judgement'], ...LIKELIHOODS.map((term): [string, string] => [term, term])])
  const trash = el('input', { attrs: { type: 'checkbox' }, on: { change: refreshList } })
  const count = el('p', { className: 'notes-count muted', attrs: { role: 'status' } })
  const list = el('ul', { className: 'note-list', attrs: { 'aria-label': 'Notes in time order' } })

  const listView = el('div', { className: 'notes-list-view' }, [
    el('div', { className: 'notes-head' }, [
      el('button', { className: 'primary-button', text: 'New note…', attrs: { type: 'button', title: 'New note on the selected event, or at the centre of the view (N)' }, on: { click: () => void actions.newOnSelection() } }),
      el('button', { className: 'quiet-button', text: 'Span note for view', attrs: { type: 'button', title: 'New note on the dates in view (S); or drag across the dates at the top of the timeline' }, on: { click: () => void actions.newSpanForWindow() } }),
    ]),
    el('div', { className: 'note-filters', attrs: { role: 'group', 'aria-label': 'Filter notes' } }, [
      author,
      tag,
      kind,
      judgement,
      el('label', { className: 'check' }, [trash, el('span', { text: 'Show trash' })]),
    ]),
    count,
    list,
  ])
  const detailView = el('div', { className: 'notes-detail-view', attrs: { hidden: true } })
  const panel = el('div', { className: 'notes-panel' }, [listView, detailView])
  // Drawn when in front: a timeline may hold 10,000 notes, and asking for them while the tab is
  // behind another slowed opening and every edit.
  let stale = true
  const inFront = () => panel.parentElement?.hidden === false
  const showTab = context.sidebar.addTab('Notes', panel, () => {
    if (stale) redraw()
  })
  let shownId: string | null = null

  function filter(): AnnotationFilter {
    return {
      author: author.value || undefined,
      tag: tag.value || undefined,
      kind: (kind.value || undefined) as NoteKind | undefined,
      likelihood: (judgement.value || undefined) as AnnotationFilter['likelihood'],
      trash: trash.checked ? 'include' : 'exclude',
    }
  }

  /** Frames the note on the timeline (an event note: its event), with at least a week in view for context, and selects it. */
  function choose(row: ListedAnnotation): void {
    if (row.span) {
      const middle = (row.span.start + row.span.end) / 2
      const half = Math.max((row.span.end - row.span.start) / 2, MIN_FRAME_MS / 2)
      context.timeline.frame(middle - half, middle + half)
    }
    context.selection.set(noteSelection(row.annotation))
  }

  /** Rows drawn at most; the count above the list still says how many match. */
  const MOST_ROWS_LISTED = 300
  let listSequence = 0
  async function drawList(): Promise<void> {
    const mine = ++listSequence
    const [summary, rows] = await Promise.all([request('annotationSummary', filter()), request('listAnnotations', { ...filter(), limit: MOST_ROWS_LISTED })]).catch(() => [null, null])
    if (mine !== listSequence || !summary || !rows) return
    offer(author, [['', 'All authors'], ...summary.authors.map(({ name, initials }): [string, string] => [name, initials ? `${name} (${initials})` : name || 'unknown'])])
    offer(tag, [['', 'All tags'], ...summary.tags.map((t): [string, string] => [t, t])])
    count.textContent = countOf(summary.matching, 'note')
    // A timeline may carry 10,000 notes; a list that long is unreadable and slow to draw.
    list.replaceChildren(...rows.map((row) => noteRow(row, () => choose(row))))
    if (summary.matching > rows.length) {
      list.append(el('li', { className: 'muted empty-list', text: `Showing the first ${rows.length} of ${formatCount(summary.matching)} notes in time order: narrow the filters to see the others.` }))
    }
    if (rows.length === 0) list.append(el('li', { className: 'muted empty-list', text: summary.all ? 'No note matches these filters.' : 'No notes yet. Press N to write one, or drag across the dates at the top of the timeline to note a span.' }))
  }

  let detailSequence = 0
  async function drawDetail(): Promise<void> {
    const mine = ++detailSequence
    if (!shownId) {
      detailView.hidden = true
      listView.hidden = false
      return
    }
    const detail = await request('getAnnotation', shownId).catch(() => null)
    if (mine !== detailSequence) return
    if (!detail) {
      shownId = null
      return drawDetail()
    }
    detailView.replaceChildren(
      noteDetailView(detail, {
        back: () => context.selection.set(null),
        edit: (id) => void actions.edit(id),
        remove: (id) => void actions.remove(id),
        restore: (id) => void actions.restore(id),
        restoreVersion: (id, index) => void actions.restoreVersion(id, index),
        showEvent: (eventId) => context.selection.set({ kind: 'event', id: eventId }),
      }),
    )
    detailView.hidden = false
    listView.hidden = true
  }

  context.selection.onChange((selection) => {
    shownId = selection?.kind === 'annotation' ? selection.id : null
    // A tab brought forward while out of date redraws itself, the note's detail included: asking
    // for it here as well fetched it twice.
    if (shownId && stale && !inFront()) return showTab()
    void drawDetail()
    if (shownId) showTab()
  })
  function redraw(): void {
    stale = !inFront()
    if (stale) return
    void drawList()
    void drawDetail()
  }
  notes.onChange(redraw)
  context.onReload(redraw)
  redraw()
}
