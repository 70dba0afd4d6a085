/**
 * Figure sizes and formats: plain constants with no imports, so the export dialog in the renderer
 * can use them without pulling the options schema (zod) into the page, where the CSP forbids eval.
 */
/** Page and slide sizes in CSS px at 96 dpi (A4 = 297 × 210 mm, US Letter = 11 × 8.5 in). */
export const FIGURE_PRESETS = {
  slide: { width: 1920, height: 1080, label: '16:9 slide (1920 × 1080)' },
  'a4-landscape': { width: 1123, height: 794, label: 'A4 landscape' },
  'a4-portrait': { width: 794, height: 1123, label: 'A4 portrait' },
  'letter-landscape': { width: 1056, height: 816, label: 'US Letter landscape' },
  'letter-portrait': { width: 816, height: 1056, label: 'US Letter portrait' },
} as const

export type FigurePreset = keyof typeof FIGURE_PRESETS
export const FIGURE_PRESET_NAMES = Object.keys(FIGURE_PRESETS) as FigurePreset[]

export const FIGURE_FORMATS = ['svg', 'png', 'pdf'] as const
export type FigureFormat = (typeof FIGURE_FORMATS)[number]

/** Smallest and largest custom size: below 320 px nothing readable fits; above 10,000 px is a mistake. */
export const MIN_FIGURE_PX = 320
export const MAX_FIGURE_PX = 10_000
