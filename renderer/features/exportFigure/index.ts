/**
 * File ▸ Export figure…: a briefing-ready figure of the timeline, drawn from the data by the main
 * process (not a screenshot of the window). The dialog opens with this timeline's last options,
 * follows the timeline's current view and lanes, previews the figure as the options change, then
 * the main process asks where to save (native dialog) and writes PNG, SVG or PDF.
 *
 * Exporting is a request like any other: the window stays responsive while the main process draws
 * and writes, the dialog shows how far it has got, and the analyst may keep working or close it.
 */
import type { FigureExportResult } from '../../../main/figure/figureResults'
import type { FigureFormat, FigureOptionsInput, RememberedOptions } from '../../../main/figure/options'
import { request } from '../../api'
import { el } from '../../dom'
import type { AppContext } from '../../shell/appContext'
import { figureForm, FORMAT_NAMES } from './figureForm'
import { figurePreviewPane, previewSummary } from './figurePreview'
import { exportProgress } from './exportProgress'

export function mountExportFigure(context: AppContext): { open(): Promise<void> } {
  const form = figureForm()
  const preview = figurePreviewPane()
  const progress = exportProgress()
  const exportButton = el('button', { className: 'primary', text: 'Export PNG…', attrs: { type: 'button' }, on: { click: () => void runExport() } })
  const closeButton = el('button', { text: 'Close', attrs: { type: 'button' }, on: { click: () => dialog.close() } })

  const dialog = el('dialog', { className: 'dialog export-figure', attrs: { 'aria-label': 'Export figure' } }, [
    el('header', { className: 'export-figure-head' }, [
      el('h2', { text: 'Export figure' }),
      el('p', { className: 'muted', text: 'Drawn from the timeline, not the screen: every label placed to be read, notes and key included.' }),
    ]),
    el('div', { className: 'export-figure-body' }, [form.element, preview.element]),
    el('footer', { className: 'export-figure-foot' }, [form.formatChooser, progress.element, el('div', { className: 'dialog-buttons' }, [closeButton, exportButton])]),
  ])
  context.dialogs.append(dialog)
  // Enter in a text box would otherwise do nothing useful; Escape closes as in every dialog.
  dialog.addEventListener('close', () => preview.clear())

  /** What to draw: the form's choices plus the lanes the timeline shows now (hidden lanes stay out). */
  function currentOptions(): { options: FigureOptionsInput; problem: null } | { options: null; problem: string } {
    const read = form.read()
    if (!read.options) return read
    const lanes = context.view().lanes.filter((lane) => !lane.hidden).map((lane) => lane.id)
    // Absent laneIds means "every lane not hidden", which also keeps events that are in no lane.
    return lanes.length === context.view().lanes.length ? read : { options: { ...read.options, laneIds: lanes }, problem: null }
  }

  function refresh(): void {
    exportButton.textContent = `Export ${FORMAT_NAMES[form.format()]}…`
    const { options, problem } = currentOptions()
    exportButton.disabled = !options || progress.running()
    preview.update(options, problem ?? undefined)
  }
  form.onChange(refresh)

  async function open(): Promise<void> {
    const remembered = await request('getFigureOptions').catch((): RememberedOptions | null => null)
    form.setView(context.timeline.visibleWindow())
    form.fill(remembered, context.view().meta.title)
    if (!progress.running()) progress.reset()
    dialog.showModal()
    refresh()
  }

  async function runExport(): Promise<void> {
    const { options } = currentOptions()
    if (!options || progress.running()) return
    const format: FigureFormat = form.format()
    exportButton.disabled = true
    progress.start(format)
    let result: FigureExportResult | null = null
    let failure = ''
    try {
      result = await request('exportFigure', options, format)
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error)
    }
    if (!result) {
      progress.failed(`The figure was not saved: ${failure}`)
      // The analyst may have closed the dialog meanwhile; the status line still tells them.
      context.status(`The figure was not saved: ${failure}`, 'error')
    } else if (!result.saved) {
      progress.cancelled()
    } else {
      const name = result.file.split(/[\\/]/).pop() ?? result.file
      const omissions = previewSummary({ events: 0, dropped: result.dropped, notesOmitted: result.notesOmitted }).slice(1)
      progress.saved(name, result.bytes, omissions)
      context.status(`Figure saved: ${name}`)
    }
    refresh()
  }

  context.addCommand('export-figure', 'Export figure…', () => void open())
  return { open }
}
