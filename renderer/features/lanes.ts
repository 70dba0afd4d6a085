/**
 * The Lanes dialog: add a lane, rename it, move it up or down, hide or show it. Each action is one
 * undoable edit in the main process; the window then reloads so the timeline, the event editor
 * and the search filters all see the same lanes. Focus stays on the control that was used, so
 * moving a lane three places up is three presses of the same button.
 */
import type { Lane } from '../../main/domain/timeline'
import type { EditApplied } from '../../main/ipc/contract'
import { request } from '../api'
import { el } from '../dom'
import type { AppContext } from '../shell/appContext'

export function mountLanes(context: AppContext): { open(): void } {
  const list = el('ol', { className: 'lane-list', attrs: { 'aria-label': 'Lanes, top to bottom' } })
  const newName = el('input', { attrs: { type: 'text', 'aria-label': 'New lane name', maxlength: 1_000, autocomplete: 'off', placeholder: 'e.g. Belarus' } })
  const error = el('p', { className: 'form-error', attrs: { role: 'alert' } })
  let renaming: string | null = null
  // One lane edit at a time: a second press before the list is redrawn would act on the old order.
  let busy = false

  /** Runs one lane edit, reloads, redraws the list and puts focus back where the analyst was. */
  async function change(run: () => Promise<EditApplied>, focusAfter: () => HTMLElement | null | undefined): Promise<boolean> {
    if (busy) return false
    busy = true
    error.textContent = ''
    try {
      const applied = await run()
      await context.reload()
      context.status(applied.label ? `Saved: ${applied.label}` : 'Nothing changed.')
    } catch (failure) {
      error.textContent = failure instanceof Error ? failure.message : String(failure)
      return false
    } finally {
      busy = false
    }
    renaming = null
    draw()
    focusAfter()?.focus()
    return true
  }

  const find = (laneId: string, action: string) => list.querySelector<HTMLElement>(`[data-lane="${CSS.escape(laneId)}"][data-action="${action}"]`)

  function move(lanes: readonly Lane[], index: number, by: -1 | 1): void {
    const order = lanes.map((lane) => lane.id)
    const [moved] = order.splice(index, 1)
    order.splice(index + by, 0, moved!)
    const same = by === -1 ? 'up' : 'down'
    // At the top or bottom the same button is disabled, so focus goes to the other one.
    const focusAfter = () => {
      const button = find(moved!, same) as HTMLButtonElement | null
      return button && !button.disabled ? button : find(moved!, same === 'up' ? 'down' : 'up')
    }
    void change(() => request('reorderLanes', order), focusAfter)
  }

  function renameRow(lane: Lane): HTMLElement[] {
    const input = el('input', { attrs: { type: 'text', 'aria-label': `New name for ${lane.name}`, maxlength: 1_000, autocomplete: 'off' } })
    input.value = lane.name
    const save = () => void change(() => request('renameLane', lane.id, input.value), () => find(lane.id, 'rename'))
    const cancel = () => {
      renaming = null
      draw()
      find(lane.id, 'rename')?.focus()
    }
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault()
        save()
      } else if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        cancel()
      }
    })
    queueMicrotask(() => input.select())
    return [
      input,
      el('button', { text: 'Save', className: 'primary', attrs: { type: 'button' }, on: { click: save } }),
      el('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: cancel } }),
    ]
  }

  function laneRow(lane: Lane, index: number, lanes: readonly Lane[]): HTMLElement {
    const button = (text: string, action: string, label: string, run: () => void, disabled = false) =>
      el('button', { text, attrs: { type: 'button', 'aria-label': label, title: label, 'data-lane': lane.id, 'data-action': action, disabled }, on: { click: run } })
    const shown = el('input', {
      attrs: { type: 'checkbox', checked: !lane.hidden, 'aria-label': `Show ${lane.name}`, 'data-lane': lane.id, 'data-action': 'hide' },
      on: { change: () => void change(() => request('setLaneHidden', lane.id, !shown.checked), () => find(lane.id, 'hide')) },
    })
    if (renaming === lane.id) return el('li', { className: 'lane-row renaming' }, renameRow(lane))
    return el('li', { className: `lane-row${lane.hidden ? ' lane-hidden' : ''}` }, [
      el('label', { className: 'lane-shown', attrs: { title: lane.hidden ? 'Hidden: tick to show' : 'Shown: untick to hide' } }, [shown]),
      el('span', { className: 'lane-name', text: lane.name }),
      lane.hidden ? el('span', { className: 'lane-flag', text: 'hidden' }) : null,
      el('span', { className: 'lane-buttons' }, [
        button('↑', 'up', `Move ${lane.name} up`, () => move(lanes, index, -1), index === 0),
        button('↓', 'down', `Move ${lane.name} down`, () => move(lanes, index, 1), index === lanes.length - 1),
        button('Rename', 'rename', `Rename ${lane.name}`, () => {
          renaming = lane.id
          draw()
        }),
      ]),
    ])
  }

  function draw(): void {
    const lanes = context.view().lanes
    list.replaceChildren(...lanes.map((lane, index) => laneRow(lane, index, lanes)))
    if (lanes.length === 0) list.append(el('li', { className: 'hint', text: 'No lanes yet.' }))
  }

  const addForm = el('form', { className: 'lane-add' }, [
    el('label', { className: 'form-row' }, [el('span', { text: 'Add a lane' }), el('div', { className: 'field-pair' }, [newName, el('button', { text: 'Add lane', attrs: { type: 'submit' } })])]),
  ])
  addForm.addEventListener('submit', (event) => {
    event.preventDefault()
    const name = newName.value.trim()
    if (!name) {
      error.textContent = 'Type a name for the new lane.'
      return
    }
    void change(() => request('addLane', name), () => newName).then((added) => {
      if (added) newName.value = ''
    })
  })

  const dialog = el('dialog', { className: 'dialog lanes-dialog', attrs: { 'aria-labelledby': 'lanes-heading' } }, [
    el('h2', { text: 'Lanes', attrs: { id: 'lanes-heading' } }),
    el('p', { className: 'dialog-intro hint', text: 'Lanes are drawn top to bottom in this order. Untick a lane to hide it: its events are kept, just not drawn.' }),
    list,
    addForm,
    error,
    el('div', { className: 'dialog-buttons' }, [el('button', { className: 'primary', text: 'Done', attrs: { type: 'button' }, on: { click: () => dialog.close() } })]),
  ])
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') event.stopPropagation()
  })
  context.dialogs.append(dialog)
  context.onReload(() => {
    if (dialog.open && renaming === null) draw()
  })

  const open = () => {
    renaming = null
    error.textContent = ''
    draw()
    dialog.showModal()
    newName.focus()
  }
  context.toolbar.add(el('button', { className: 'tool-button', text: 'Lanes', attrs: { type: 'button', title: 'Add, rename, reorder and hide lanes' }, on: { click: open } }))
  return { open }
}
