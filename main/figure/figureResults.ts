/**
 * What the export dialog gets back from the main process. Type-only and free of Node, so the
 * IPC contract (which the renderer compiles against) can name these.
 */
import type { FigureFormat } from './options'

/** An event drawn without its label because there was no room; the figure counts them under the chart. */
export interface DroppedLabel {
  eventId: string
  title: string
}

/**
 * The live preview: the figure as SVG with its font embedded. The window shows it as an <img> from a
 * Blob URL (never as markup in the page), where it runs no script, loads nothing, and cannot use the
 * page's own fonts.
 */
export interface FigurePreview {
  svg: string
  width: number
  height: number
  dropped: DroppedLabel[]
  /** Notes numbered in the chart whose text did not fit below it. */
  notesOmitted: number
  /** Events drawn. */
  events: number
}

/** After File ▸ Export figure…: where the file went, or that the analyst cancelled the save dialog. */
export type FigureExportResult =
  | { saved: false }
  | { saved: true; file: string; format: FigureFormat; bytes: number; dropped: DroppedLabel[]; notesOmitted: number }

/**
 * Where a long export has got to, pushed to the window as the `figureProgress` notice: laying out
 * the figure, turning it into PNG or PDF, writing the file. The export's answer says it is done.
 */
export interface FigureProgress {
  stage: 'drawing' | 'converting' | 'saving'
  format: FigureFormat
  /** Events in the figure's range (known once drawing is done; 0 before). */
  events: number
}
