/**
 * The divider between the timeline and the inspector. Drag it, or focus it and use the arrow keys,
 * to give the timeline more room on a laptop screen or the inspector more for long sources; the
 * width is kept for the next time the window opens (in the window's own storage: it is how this
 * screen is laid out, not part of any timeline).
 */
import { el } from '../dom'

const STORED_AS = 'annalist.inspectorWidth'
const USUAL_PX = 380
const NARROWEST_PX = 260
/** The timeline keeps at least this share of the window. */
const WIDEST_SHARE = 0.6
const KEY_STEP_PX = 20

function storedWidth(): number | null {
  try {
    const width = Number(localStorage.getItem(STORED_AS))
    return Number.isFinite(width) && width > 0 ? width : null
  } catch {
    return null // storage refused: the usual width, every time
  }
}

function storeWidth(width: number): void {
  try {
    localStorage.setItem(STORED_AS, String(width))
  } catch {
    // Not kept; the divider still works for this window.
  }
}

/** The divider for `inspector`, which it sizes; put it just before the inspector. */
export function inspectorDivider(inspector: HTMLElement): HTMLElement {
  const divider = el('div', {
    className: 'inspector-divider',
    attrs: { role: 'separator', 'aria-orientation': 'vertical', 'aria-label': 'Inspector width', tabindex: 0, title: 'Drag to resize the inspector' },
  })
  let width = USUAL_PX
  const widest = () => Math.max(NARROWEST_PX, Math.round(window.innerWidth * WIDEST_SHARE))

  function show(wanted: number, keep: boolean): void {
    width = Math.round(Math.min(widest(), Math.max(NARROWEST_PX, wanted)))
    inspector.style.width = `${width}px`
    divider.setAttribute('aria-valuenow', String(width))
    divider.setAttribute('aria-valuemin', String(NARROWEST_PX))
    divider.setAttribute('aria-valuemax', String(widest()))
    if (keep) storeWidth(width)
  }
  show(storedWidth() ?? USUAL_PX, false)

  let drag: { pointerId: number; fromX: number; fromWidth: number } | null = null
  divider.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return
    drag = { pointerId: event.pointerId, fromX: event.clientX, fromWidth: width }
    divider.setPointerCapture(event.pointerId)
    divider.classList.add('dragging')
    event.preventDefault()
  })
  // The inspector is on the right: moving the divider left widens it.
  divider.addEventListener('pointermove', (event) => {
    if (drag && event.pointerId === drag.pointerId) show(drag.fromWidth + drag.fromX - event.clientX, false)
  })
  const release = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointerId) return
    drag = null
    divider.classList.remove('dragging')
    show(width, true)
  }
  divider.addEventListener('pointerup', release)
  divider.addEventListener('pointercancel', release)
  divider.addEventListener('keydown', (event) => {
    const steps: Record<string, number> = { ArrowLeft: KEY_STEP_PX, ArrowRight: -KEY_STEP_PX }
    if (event.key === 'Home') show(USUAL_PX, true)
    else if (steps[event.key] !== undefined) show(width + steps[event.key]!, true)
    else return
    // The window-wide arrow keys pan the timeline; here they move the divider.
    event.preventDefault()
    event.stopPropagation()
  })
  // A smaller window may leave the timeline too little room: narrow the inspector (not kept).
  window.addEventListener('resize', () => show(storedWidth() ?? width, false))
  return divider
}
