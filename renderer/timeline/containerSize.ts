/**
 * The timeline's drawing follows the size of its container.
 *
 * vis-timeline measures nothing while hidden, and it is built hidden. Its first redraw once shown
 * (queued as it was built) gives lanes, labels and the axis their real sizes, and the drawing its
 * width: `onFirstDrawn` is called then. A container with no size yet is not drawn; `onFirstDrawn`
 * then waits until it gets one.
 *
 * After that, a container that changes size is redrawn whole in the frame it changes (vis-timeline's
 * own watch polls once a second, and its redraw then came in the middle of zoom steps), and
 * `onResized` is called: a wider or narrower drawing may need another level of detail.
 */
import type { Timeline } from 'vis-timeline'

export function followContainerSize(timeline: Timeline, container: HTMLElement, { onFirstDrawn, onResized }: { onFirstDrawn(): void; onResized(): void }): void {
  /** The container's size at the last whole redraw. */
  let drawnSize = ''
  const sizeNow = () => `${container.clientWidth}x${container.clientHeight}`
  const afterFirstRedraw = () => {
    timeline.off('changed', afterFirstRedraw)
    drawnSize = sizeNow()
    onFirstDrawn()
  }
  timeline.on('changed', afterFirstRedraw)
  new ResizeObserver(() => {
    // The first notice reports the size the first redraw has just drawn: redrawing again for it
    // would change nothing.
    if (sizeNow() === drawnSize) return
    drawnSize = sizeNow()
    timeline.redraw()
    onResized()
  }).observe(container)
}
