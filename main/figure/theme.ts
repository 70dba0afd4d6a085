/**
 * The light print theme: colours that survive a greyscale laser printer and a projector, and type
 * sizes that scale with the figure so an A4 page and a 1920 px slide both read at arm's length.
 */
import type { AnnotationColour } from '../domain/timeline'

export const INK = '#1b1f24'
export const MUTED = '#5b6470'
export const FAINT = '#8a929c'
export const RULE = '#c9ced4'
export const GRID = '#e4e7eb'
export const ROW_SHADE = '#f5f6f8'
export const PAPER = '#ffffff'
export const BANNER_FILL = '#1b1f24'
export const BANNER_INK = '#ffffff'

/**
 * Lane colours by position (never from data), the Okabe–Ito set that stays distinguishable for
 * colour-blind readers, darkened where needed to hold white text and a readable outline on paper.
 */
export const LANE_COLOURS = ['#0b6aa2', '#c55a00', '#00876c', '#b8386f', '#5e4fa2', '#8c6d00', '#3b7f9f', '#6b6b6b']
export const UNASSIGNED_COLOUR = '#6b6b6b'

/** Annotation colours from the fixed palette the schema allows: band fill and badge ink. */
export const ANNOTATION_THEME: Record<AnnotationColour, { band: string; ink: string }> = {
  amber: { band: '#fbe7b0', ink: '#9a6700' },
  blue: { band: '#d3e4f7', ink: '#1f5fa8' },
  green: { band: '#d4eedc', ink: '#1d7a3e' },
  red: { band: '#f8d5d3', ink: '#b42318' },
  violet: { band: '#e5dcf5', ink: '#6741b0' },
  grey: { band: '#e6e8eb', ink: '#4b5563' },
}

export interface TypeScale {
  /** Multiplier for every length: 1 on a 1920 × 1080 slide. */
  unit: number
  title: number
  subtitle: number
  label: number
  small: number
  banner: number
  margin: number
}

/**
 * Type never drops below ~8 pt on an A4 page, where a proportional size would be unreadable; only a
 * figure smaller than a page (under ~500 px) gets smaller type, or nothing but the title would fit.
 */
export function typeScale(width: number, height: number): TypeScale {
  const unit = Math.min(Math.max(0.72, Math.min(width, (height * 16) / 9) / 1920), Math.min(width, height) / 700)
  return {
    unit,
    title: 34 * unit,
    subtitle: 19 * unit,
    label: 15 * unit,
    small: 13 * unit,
    banner: 15 * unit,
    margin: 36 * unit,
  }
}
