/**
 * What the export dialog gets back from the main process. Type-only and free of Node, so the
 * IPC contract (which the renderer compiles against) can name these.
 */
import type { CountUnit } from './countBars'
import type { FigureFormat } from './options'

/**
 * The live preview: the figure rasterised as the PNG export is (same renderer, same fonts), at most
 * PREVIEW_MAX_PX on its longer side. Not SVG: in an <img> an SVG cannot use the page's fonts, and one
 * carrying its font (~580 KB) took the window 0.3–0.8 s to decode on its own thread, per preview.
 */
export interface FigurePreview {
  /** `data:image/png;base64,…`, for an <img>; never markup in the page. */
  image: string
  /** The figure's size (the image may be smaller). */
  width: number
  height: number
  /**
   * Events drawn without their label for lack of room. A count, not the events: the window only
   * says how many, and at 100,000 events the list was 9.8 MB sent with every preview.
   */
  labelsDropped: number
  /** Events in lanes too crowded to draw them apart, drawn as counts per `unit`; null when none are. */
  counted: FigureCounts | null
  /** Notes in the range left out of the figure: their text did not fit below the chart. */
  notesOmitted: number
  /** Characters the figure's font cannot draw: left out of the preview, PNG and PDF (SVG keeps them). */
  undrawable: string[]
  /** Events drawn. */
  events: number
}

/** After File ▸ Export figure…: where the file went, or that the analyst cancelled the save dialog. */
export type FigureExportResult =
  | { saved: false }
  | { saved: true; file: string; format: FigureFormat; bytes: number; labelsDropped: number; counted: FigureCounts | null; notesOmitted: number; undrawable: string[] }

export interface FigureCounts {
  events: number
  unit: CountUnit
}

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
