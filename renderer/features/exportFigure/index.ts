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
import { UNASSIGNED_LANE } from '../../timeline/eventItems'
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
  // Closed (Close or Escape): the preview is dropped and drawn afresh for the view of the next opening.
  dialog.addEventListener('close', () => preview.clear())

  /**
   * The lanes and filter the timeline window draws now, in the figure's terms: absent means every
   * lane not hidden and every event, as in the window.
   */
  function viewChoices(): Pick<FigureOptionsInput, 'laneIds' | 'filter'> {
    const { laneIds, filter } = context.timeline.shownLanesAndFilter()
    const view = context.view()
    const choices: Pick<FigureOptionsInput, 'laneIds' | 'filter'> = {}
    if (laneIds) {
      choices.laneIds = view.lanes.filter((lane) => !lane.hidden && laneIds.includes(lane.id)).map((lane) => lane.id)
      // The window always keeps its "No lane" row; so does the figure.
      if (view.hasEventsWithoutLane) choices.laneIds.push(UNASSIGNED_LANE)
    }
    if (filter.tags?.length || filter.minGrade) choices.filter = { ...(filter.tags?.length ? { tags: [...filter.tags] } : {}), ...(filter.minGrade ? { minGrade: filter.minGrade } : {}) }
    return choices
  }

  /** Says which lanes and filter the figure follows, so a filtered figure is not mistaken for the whole. */
  function describeView(choices: Pick<FigureOptionsInput, 'laneIds' | 'filter'>): string {
    const view = context.view()
    const visible = view.lanes.filter((lane) => !lane.hidden).length
    const shown = choices.laneIds ? choices.laneIds.filter((id) => id !== UNASSIGNED_LANE).length : visible
    const parts = [shown === view.lanes.length ? 'All lanes' : `${shown} of ${view.lanes.length} lanes`]
    if (choices.filter?.tags) parts.push(`tagged ${choices.filter.tags.join(' or ')}`)
    if (choices.filter?.minGrade) parts.push(`a source graded ${choices.filter.minGrade} or better`)
    return `${parts.join(' · ')}, as in the timeline window.`
  }

  function currentOptions(): { options: FigureOptionsInput; problem: null } | { options: null; problem: string } {
    const read = form.read()
    return read.options ? { options: { ...read.options, ...viewChoices() }, problem: null } : read
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
    form.setView(context.timeline.visibleWindow(), describeView(viewChoices()))
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
      const omissions = previewSummary({ events: 0, labelsDropped: result.labelsDropped, counted: result.counted, notesOmitted: result.notesOmitted, undrawable: result.undrawable }).slice(1)
      progress.saved(name, result.bytes, omissions)
      context.status(`Figure saved: ${name}`)
    }
    refresh()
  }

  context.addCommand('export-figure', 'Export figure…', () => void open())
  return { open }
}
