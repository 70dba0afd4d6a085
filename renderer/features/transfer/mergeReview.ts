/**
 * File ▸ Merge…: a colleague's copy of a timeline compared with this one. The review lists every
 * conflict side by side (what, field, mine, theirs) with a choice for each and "take all mine /
 * theirs"; what is simply new on their side is counted and added. Apply merges as one undoable step.
 */
import type { ConflictChoice, MergePreviewView } from '../../../main/ipc/contract'
import { request } from '../../api'
import { el } from '../../dom'
import type { AppContext } from '../../shell/appContext'
import { countOf } from '../../counts'

/**
 * A field's value as the analyst reads it: lanes by name, sources as "title — publisher (grade)", a
 * place by its name, lists one item a line; anything else as indented JSON (shown as text).
 */
function valueText(value: unknown, field: string, laneNames: Map<string, string>): string {
  if (value === undefined || value === null || value === '') return '(empty)'
  if (typeof value === 'string') return value
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)'
    if (field === 'lanes') return value.map((id) => laneNames.get(String(id)) ?? String(id)).join('\n')
    if (value.every((v) => typeof v === 'string')) return value.join('\n')
    if (field === 'sources') {
      return value
        .map((v) => {
          const source = v as { title?: string; publisher?: string; grade?: string }
          return `${source.title ?? ''}${source.publisher ? ` — ${source.publisher}` : ''}${source.grade ? ` (${source.grade})` : ''}`
        })
        .join('\n')
    }
  }
  if (field === 'location' && typeof value === 'object' && 'name' in value) return String((value as { name: unknown }).name)
  return JSON.stringify(value, null, 1)
}

export function createMergeReview(context: AppContext): { element: HTMLDialogElement; start(): Promise<void> } {
  const body = el('div', { className: 'merge-body' })
  const dialog = el('dialog', { className: 'dialog merge-review', attrs: { 'aria-label': 'Merge a colleague’s timeline' } }, [el('h2', { text: 'Merge a colleague’s timeline' }), body])

  function show(merge: MergePreviewView): void {
    const laneNames = new Map(context.view().lanes.map((lane) => [lane.id, lane.name]))
    const choices = merge.conflicts.map((conflict) => {
      const group = `merge-${conflict.kind}-${conflict.id}-${conflict.field}`
      const what = `${conflict.field} of “${conflict.name}”`
      const mine = el('input', { attrs: { type: 'radio', name: group, checked: true, 'aria-label': `Mine: ${what}` } })
      const theirs = el('input', { attrs: { type: 'radio', name: group, 'aria-label': `Theirs: ${what}` } })
      const row = el('tr', {}, [
        el('td', {}, [el('span', { text: conflict.name }), el('span', { className: 'muted', text: conflict.kind === 'event' ? ' (event)' : ' (note)' })]),
        el('td', { text: conflict.field }),
        el('td', {}, [el('label', { className: 'merge-side' }, [mine, el('span', { className: 'merge-value', text: valueText(conflict.mine, conflict.field, laneNames) })])]),
        el('td', {}, [el('label', { className: 'merge-side' }, [theirs, el('span', { className: 'merge-value', text: valueText(conflict.theirs, conflict.field, laneNames) })])]),
      ])
      return { conflict, mine, theirs, row }
    })
    const takeAll = (side: 'mine' | 'theirs') => {
      for (const choice of choices) (side === 'mine' ? choice.mine : choice.theirs).checked = true
    }
    const message = el('p', { className: 'date-preview error', attrs: { role: 'status', 'aria-live': 'polite' } })
    const apply = el('button', { className: 'primary', text: 'Merge', attrs: { type: 'button' } })
    apply.addEventListener('click', async () => {
      apply.disabled = true
      message.textContent = 'Merging…'
      const picked: ConflictChoice[] = choices.map(({ conflict, theirs }) => ({ kind: conflict.kind, id: conflict.id, field: conflict.field, take: theirs.checked ? 'theirs' : 'mine' }))
      try {
        await request('applyMerge', merge.mergeId, picked)
        await context.reload()
        dialog.close()
        const taken = picked.filter((p) => p.take === 'theirs').length
        context.status(`Merged ${merge.file}: ${countOf(merge.added.events, 'event')} and ${countOf(merge.added.annotations, 'note')} added, ${taken} of ${countOf(picked.length, 'conflict')} resolved with theirs (Undo reverses it)`)
      } catch (error) {
        message.textContent = error instanceof Error ? error.message : String(error)
        apply.disabled = false
      }
    })

    const added = merge.added
    body.replaceChildren(
      el('p', {}, [el('strong', { text: merge.file })]),
      el('p', {
        attrs: { 'aria-label': 'What the merge adds' },
        text: `Adds ${countOf(added.events, 'new event')}, ${countOf(added.annotations, 'new note')} and ${countOf(added.lanes, 'new lane')}; ${countOf(merge.historiesJoined, 'note history', 'note histories')} joined. ${merge.conflicts.length ? `${countOf(merge.conflicts.length, 'conflict')} to review:` : 'No conflicts.'}`,
      }),
      merge.conflicts.length
        ? el('div', { className: 'merge-bulk' }, [
            el('button', { text: 'Take all mine', attrs: { type: 'button' }, on: { click: () => takeAll('mine') } }),
            el('button', { text: 'Take all theirs', attrs: { type: 'button' }, on: { click: () => takeAll('theirs') } }),
          ])
        : '',
      merge.conflicts.length
        ? el('div', { className: 'merge-table-wrap' }, [
            el('table', { className: 'data-table merge-conflicts', attrs: { 'aria-label': 'Conflicts' } }, [
              el('thead', {}, [el('tr', {}, ['Item', 'Field', 'Mine', 'Theirs'].map((h) => el('th', { text: h })))]),
              el('tbody', {}, choices.map((c) => c.row)),
            ]),
          ])
        : '',
      el('p', { className: 'muted', text: 'Nothing is dropped: for a note, the version not taken stays in its history.' }),
      message,
      el('div', { className: 'dialog-buttons' }, [el('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: () => dialog.close() } }), apply]),
    )
  }

  return {
    element: dialog,
    async start() {
      const merge = await request('previewMerge').catch(() => null)
      if (!merge) return
      show(merge)
      dialog.showModal()
    },
  }
}
