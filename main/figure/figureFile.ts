/**
 * One call for every way a figure leaves Annalist (export dialog, command line, tests):
 * timeline + options + format → the file's bytes, plus what the renderer had to leave out.
 */
import type { TimelineDocument } from '../domain/timeline'
import type { FigureFonts } from './fonts'
import { figureOptions, type FigureFormat, type FigureOptionsInput } from './options'
import type { FigureProgress } from './figureResults'
import { svgToPdf, svgToPng } from './rasterise'
import { renderFigure, type RenderedFigure } from './renderFigure'

export interface FigureFile {
  bytes: Uint8Array
  figure: Omit<RenderedFigure, 'svg'>
}

export async function renderFigureFile(
  document: TimelineDocument,
  input: FigureOptionsInput,
  format: FigureFormat,
  fonts: FigureFonts,
  onProgress: (progress: FigureProgress) => void = () => undefined,
): Promise<FigureFile> {
  const options = figureOptions(input)
  onProgress({ stage: 'drawing', format, events: 0 })
  // Only an SVG file carries its own font; PNG and PDF are drawn from the TTF files themselves.
  const { svg, ...figure } = renderFigure(document, options, { fonts, embedFont: format === 'svg' })
  if (format !== 'svg') onProgress({ stage: 'converting', format, events: figure.eventIds.length })
  switch (format) {
    case 'svg':
      return { bytes: new TextEncoder().encode(svg), figure }
    case 'png':
      return { bytes: await svgToPng(svg, figure.width, options.scale, fonts), figure }
    case 'pdf':
      const created = options.generatedAt ? new Date(options.generatedAt) : new Date()
      return { bytes: await svgToPdf(svg, figure.width, figure.height, fonts, { title: options.title || document.meta.title, created }), figure }
  }
}

/** The format a file name asks for, by its extension; null when it is none of ours. */
export function formatForFile(file: string): FigureFormat | null {
  const match = /\.(svg|png|pdf)$/i.exec(file)
  return match ? (match[1]!.toLowerCase() as FigureFormat) : null
}
