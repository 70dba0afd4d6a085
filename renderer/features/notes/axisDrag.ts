/**
 * A span note by dragging across the dates at the top of the timeline: a band follows the pointer,
 * and on release the note editor opens with the dragged span. The drag is taken before
 * vis-timeline sees it (capture phase), so the axis drag no longer pans the view; dragging anywhere
 * else still does.
 */
import { el } from '../../dom'
import type { TimelineHandle } from '../../timeline/timelineView'

/** Shorter than this (in pixels) is a click on the axis, not a span. */
const MIN_DRAG_PX = 4

export function installAxisDrag(container: HTMLElement, timeline: TimelineHandle, onSpan: (start: number, end: number) => void): void {
  container.addEventListener(
    'pointerdown',
    (down) => {
      const axis = down.button === 0 ? (down.target as Element | null)?.closest<HTMLElement>('.vis-panel.vis-top') : null
      if (!axis || !container.contains(axis)) return
      down.stopPropagation()
      down.preventDefault()

      const axisBox = axis.getBoundingClientRect()
      const box = container.getBoundingClientRect()
      const { start, end } = timeline.visibleWindow()
      const clampX = (x: number) => Math.min(axisBox.right, Math.max(axisBox.left, x))
      const timeAt = (x: number) => start + ((clampX(x) - axisBox.left) / axisBox.width) * (end - start)
      const band = el('div', { className: 'axis-drag-band', attrs: { 'aria-hidden': 'true' } })
      band.style.top = `${axisBox.top - box.top}px`
      band.style.height = `${box.bottom - axisBox.top}px`
      let lastX = down.clientX

      const draw = () => {
        const left = Math.min(clampX(down.clientX), clampX(lastX))
        const right = Math.max(clampX(down.clientX), clampX(lastX))
        band.style.left = `${left - box.left}px`
        band.style.width = `${right - left}px`
      }
      const move = (event: PointerEvent) => {
        lastX = event.clientX
        if (!band.isConnected && Math.abs(lastX - down.clientX) >= MIN_DRAG_PX) container.append(band)
        draw()
      }
      const finish = (event: PointerEvent | KeyboardEvent) => {
        window.removeEventListener('pointermove', move, true)
        window.removeEventListener('pointerup', finish, true)
        window.removeEventListener('pointercancel', finish, true)
        window.removeEventListener('keydown', cancelOnEscape, true)
        band.remove()
        if (event.type !== 'pointerup' || Math.abs(lastX - down.clientX) < MIN_DRAG_PX) return
        const from = timeAt(Math.min(down.clientX, lastX))
        const to = timeAt(Math.max(down.clientX, lastX))
        onSpan(Math.round(from), Math.round(to))
      }
      const cancelOnEscape = (event: KeyboardEvent) => {
        if (event.key !== 'Escape') return
        event.stopPropagation()
        finish(event)
      }
      window.addEventListener('pointermove', move, true)
      window.addEventListener('pointerup', finish, true)
      window.addEventListener('pointercancel', finish, true)
      window.addEventListener('keydown', cancelOnEscape, true)
    },
    { capture: true },
  )
}
