/**
 * File ▸ Export figure… as the main process sees it: a live preview (PNG), the export itself (the
 * Electron glue supplies the native save dialog as `chooseSavePath`; the e2e harness a temp path),
 * and the options used last for this timeline, which every successful export remembers.
 */
import type { HandlerMap } from '../handlers'
import type { TimelineSession } from '../../timelineSession'
import { renderFigureFile } from '../../figure/figureFile'
import { loadFigureFonts } from '../../figure/fonts'
import { loadLastFigureOptions, saveLastFigureOptions, toRemembered, type RememberedOptions } from '../../figure/lastOptions'
import { figureOptions, type FigureFormat } from '../../figure/options'
import { renderFigure } from '../../figure/renderFigure'
import { svgToPng } from '../../figure/rasterise'
import { saveFigureFile, suggestedFigureName } from '../../figure/saveFigureFile'
import type { FigureProgress } from '../../figure/figureResults'

/** Longer side of a preview image: sharp in the dialog's pane on a 2× display, ~0.2 s of worker CPU. */
export const PREVIEW_MAX_PX = 1600

/** Asks where to save; resolves to null when the analyst cancels. */
export type ChooseSavePath = (request: { suggestedName: string; format: FigureFormat }) => Promise<string | null>

export interface FigureHandlerDeps {
  session: TimelineSession
  chooseSavePath?: ChooseSavePath
  /** For remembering options; without it they last for this run only. */
  dataDir?: string
  /** The bundled fonts folder (app path + data/fonts); found by looking upward when absent. */
  fontsDir?: string
  /** Pushes an export's progress to the window (the `figureProgress` notice). */
  reportFigureProgress?: (progress: FigureProgress) => void
}

export function figureHandlers({ session, chooseSavePath, dataDir, fontsDir, reportFigureProgress }: FigureHandlerDeps): Pick<HandlerMap, 'previewFigure' | 'exportFigure' | 'getFigureOptions'> {
  const fonts = () => loadFigureFonts(fontsDir)
  // Without a data folder, the options are remembered in memory for this run.
  let remembered: RememberedOptions | null = null
  return {
    previewFigure: async (input) => {
      const { svg, width, height, dropped, counted, notesOmitted, eventIds, undrawable } = renderFigure(session.document, input, { fonts: fonts() })
      // Rasterised on a worker thread (resvg renderAsync); a preview pane never needs more pixels.
      const png = await svgToPng(svg, width, Math.min(1, PREVIEW_MAX_PX / Math.max(width, height)), fonts())
      return { image: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, width, height, labelsDropped: dropped.length, counted: counted && { events: counted.events, unit: counted.unit }, notesOmitted, undrawable, events: eventIds.length }
    },
    exportFigure: async (input, format) => {
      if (!chooseSavePath) throw new Error('exporting a figure needs a save dialog, and none is available here')
      const options = figureOptions(input)
      const file = await chooseSavePath({ suggestedName: suggestedFigureName(options.title || session.document.meta.title, format), format })
      if (!file) return { saved: false }
      const report = reportFigureProgress ?? (() => undefined)
      const { bytes, figure } = await renderFigureFile(session.document, options, format, fonts(), report)
      report({ stage: 'saving', format, events: figure.eventIds.length })
      await saveFigureFile(file, bytes)
      // The figure is saved; failing to remember its options must not turn that into an error.
      if (dataDir) await saveLastFigureOptions(dataDir, session.file, options).catch(() => undefined)
      else remembered = toRemembered(options)
      // An SVG names its font, and the viewer draws what it lacks with another.
      const undrawable = format === 'svg' ? [] : figure.undrawable
      return { saved: true, file, format, bytes: bytes.byteLength, labelsDropped: figure.dropped.length, counted: figure.counted && { events: figure.counted.events, unit: figure.counted.unit }, notesOmitted: figure.notesOmitted, undrawable }
    },
    getFigureOptions: async () => (dataDir ? loadLastFigureOptions(dataDir, session.file) : remembered),
  }
}
