/**
 * The export dialog's live preview. The main process draws the figure and rasterises it as the PNG
 * export does (`previewFigure`, a PNG data: URL); the window shows it as an <img>, never as markup
 * in the page, so nothing in an event title can reach the page, and the CSP allows `img-src data:`.
 * The figure's fonts are in the pixels: the preview is what the file will look like.
 *
 * Drawing a figure of thousands of events takes the main process a noticeable moment, so requests
 * wait until the analyst pauses (250 ms), only one is in flight at a time, and an answer for
 * options that have since changed is dropped in favour of asking again.
 */
import type { FigureOptionsInput } from '../../../main/figure/options'
import type { FigurePreview } from '../../../main/figure/figureResults'
import { request } from '../../api'
import { el } from '../../dom'
import { countOf } from '../../counts'

const PAUSE_MS = 250

export interface FigurePreviewPane {
  element: HTMLElement
  /** The options changed: redraw once the analyst pauses. null: nothing can be drawn, for `reason`. */
  update(options: FigureOptionsInput | null, reason?: string): void
  /** Frees the current image (the dialog closed). */
  clear(): void
}

async function decodedImage(src: string): Promise<void> {
  const image = new Image()
  image.src = src
  await image.decode().catch(() => undefined)
}

/** What the figure had to leave out, in the analyst's words. */
export function previewSummary(preview: Pick<FigurePreview, 'events' | 'labelsDropped' | 'counted' | 'notesOmitted' | 'undrawable'>): string[] {
  const lines = [`${countOf(preview.events, 'event')} in the figure`]
  if (preview.counted) lines.push(`${countOf(preview.counted.events, 'event')} in crowded lanes drawn as counts per ${preview.counted.unit}`)
  if (preview.labelsDropped) lines.push(`${countOf(preview.labelsDropped, 'label')} omitted to avoid overlaps (markers shown)`)
  if (preview.notesOmitted) lines.push(`${countOf(preview.notesOmitted, 'note')} left out for lack of room below the chart`)
  if (preview.undrawable.length) lines.push(`${undrawableWords(preview.undrawable)} not in the figure's font: missing from PNG and PDF (an SVG keeps them)`)
  return lines
}

/** Characters shown quoted, a few of them: “王”, “毅”, “ع” and 4 others. */
function undrawableWords(characters: readonly string[]): string {
  const shown = characters.slice(0, 5).map((char) => `“${char}”`).join(', ')
  const more = characters.length > 5 ? ` and ${characters.length - 5} others` : ''
  return `${characters.length === 1 ? 'The character' : 'The characters'} ${shown}${more} ${characters.length === 1 ? 'is' : 'are'}`
}

export function figurePreviewPane(): FigurePreviewPane {
  const image = el('img', { className: 'figure-preview-image', attrs: { alt: 'Figure preview', hidden: true } })
  const placeholder = el('p', { className: 'figure-preview-placeholder', text: 'Drawing the preview…' })
  const summary = el('ul', { className: 'figure-preview-summary', attrs: { 'aria-label': 'What the figure shows' } })
  const state = el('span', { className: 'figure-preview-state', attrs: { role: 'status', 'aria-live': 'polite' } })
  const element = el('section', { className: 'figure-preview', attrs: { 'aria-label': 'Preview', 'aria-busy': 'false' } }, [
    el('div', { className: 'figure-preview-desk' }, [image, placeholder]),
    el('div', { className: 'figure-preview-foot' }, [summary, state]),
  ])

  let wanted: FigureOptionsInput | null = null
  /** Bumped on every change; an answer is shown only if nothing changed while it was drawn. */
  let version = 0
  let inFlight = false
  let timer: ReturnType<typeof setTimeout> | undefined

  function showImage(preview: FigurePreview): void {
    image.src = preview.image
    image.hidden = false
    // The figure's proportions, whatever the preview's resolution.
    image.setAttribute('width', String(preview.width))
    image.setAttribute('height', String(preview.height))
    placeholder.hidden = true
    summary.replaceChildren(...previewSummary(preview).map((line) => el('li', { text: line })))
  }

  function busy(on: boolean): void {
    element.setAttribute('aria-busy', String(on))
    state.textContent = on ? 'Updating…' : ''
  }

  async function draw(): Promise<void> {
    if (inFlight || !wanted) return
    inFlight = true
    const mine = version
    busy(true)
    try {
      const preview = await request('previewFigure', wanted)
      // Decoded off the window's thread before it is shown, so swapping it in costs no frame.
      await decodedImage(preview.image)
      if (mine === version) showImage(preview)
    } catch (error) {
      if (mine === version) {
        state.textContent = ''
        summary.replaceChildren(el('li', { className: 'error', text: `The figure cannot be drawn: ${error instanceof Error ? error.message : String(error)}` }))
      }
    } finally {
      inFlight = false
      busy(false)
      // Options changed while drawing: draw again for the latest.
      if (mine !== version && wanted) void draw()
    }
  }

  return {
    element,
    update(options, reason) {
      version++
      clearTimeout(timer)
      wanted = options
      if (!options) {
        summary.replaceChildren(el('li', { className: 'muted', text: reason ?? '' }))
        return
      }
      timer = setTimeout(() => void draw(), PAUSE_MS)
    },
    clear() {
      clearTimeout(timer)
      version++
      wanted = null
      image.removeAttribute('src')
      image.hidden = true
      placeholder.hidden = false
      summary.replaceChildren()
    },
  }
}
