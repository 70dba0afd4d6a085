/**
 * What an analyst chooses when exporting a figure. One schema serves the export dialog (through
 * IPC), the command line and the remembered "last options", so all three accept the same things.
 * Type-only consumers (the renderer) may import this file: it needs nothing from Node.
 */
import { z } from 'zod'
import { EdtfDate } from '../domain/timeline'

export * from './sizes'
import { FIGURE_FORMATS, FIGURE_PRESET_NAMES, FIGURE_PRESETS, MAX_FIGURE_PX, MIN_FIGURE_PX, type FigurePreset } from './sizes'

const Pixels = z.number().int().min(MIN_FIGURE_PX).max(MAX_FIGURE_PX)
const Id = z.string().min(1).max(200)

export const FigureRangeSchema = z.discriminatedUnion('kind', [
  /** Everything the filters let through, with a little margin either side. */
  z.strictObject({ kind: z.literal('whole') }),
  /** From the start of `from` to the end of `to`, both EDTF (`2021-11` runs to 30 Nov). */
  z.strictObject({ kind: z.literal('dates'), from: EdtfDate, to: EdtfDate }),
  /** Exactly what the timeline window shows: epoch ms, UTC. */
  z.strictObject({ kind: z.literal('view'), start: z.number().finite(), end: z.number().finite() }),
])

export const FigureSizeSchema = z.union([
  z.strictObject({ preset: z.enum(FIGURE_PRESET_NAMES as [FigurePreset, ...FigurePreset[]]) }),
  z.strictObject({ width: Pixels, height: Pixels }),
])

export const FigureOptionsSchema = z.strictObject({
  range: FigureRangeSchema.default({ kind: 'whole' }),
  size: FigureSizeSchema.default({ preset: 'slide' }),
  /** PNG only: 2 gives a 3840 × 2160 image of a slide figure. */
  scale: z.number().min(1).max(4).default(1),
  /** Empty: the timeline's own title. */
  title: z.string().max(300).default(''),
  subtitle: z.string().max(500).default(''),
  /** Classification or caveat line drawn at the top and bottom, e.g. "UNCLASSIFIED // FOUO". */
  banner: z.string().max(300).default(''),
  /** List the sources of the events shown, with their grades, below the notes. */
  footnotes: z.boolean().default(false),
  /**
   * The legends: lane names with their colours beside the rows (off: rows in colour only, e.g. a
   * one-lane figure), and source grades (off: no grade after each label and no grade key).
   */
  legend: z.strictObject({ lanes: z.boolean().default(true), grades: z.boolean().default(true) }).default({ lanes: true, grades: true }),
  /** Analyst notes: bands, moment lines and numbered callouts, with their text listed below the chart. */
  notes: z.boolean().default(true),
  /** Lanes to show, in this order; absent: every lane not hidden, as the timeline shows them. */
  laneIds: z.array(Id).max(1_000).optional(),
  /**
   * The timeline window's filter (events with any of these tags, a source graded this well or
   * better), the same rule the window draws by; absent: every event.
   */
  filter: z
    .strictObject({ tags: z.array(z.string().max(200)).max(1_000).optional(), minGrade: z.string().regex(/^[A-F][1-6]$/).optional() })
    .optional(),
  /** Only these events (the app's current filter); absent: every event. */
  eventIds: z.array(Id).max(1_000_000).optional(),
  /** The "generated on" date (ISO instant); absent: now. Fixed in tests and reproducible builds. */
  generatedAt: z.iso.datetime({ offset: true }).optional(),
})

export type FigureRange = z.infer<typeof FigureRangeSchema>
export type FigureSize = z.infer<typeof FigureSizeSchema>
export type FigureOptions = z.infer<typeof FigureOptionsSchema>
/** What callers may pass: every field has a default. */
export type FigureOptionsInput = z.input<typeof FigureOptionsSchema>

/**
 * What is remembered between exports: everything but the event filter (it belongs to the moment,
 * and can be huge) and the "generated on" date (always today).
 */
export type RememberedOptions = Omit<FigureOptions, 'eventIds' | 'filter' | 'generatedAt'>
export const RememberedOptionsSchema = FigureOptionsSchema.omit({ eventIds: true, filter: true, generatedAt: true })

export function figureOptions(input: FigureOptionsInput = {}): FigureOptions {
  return FigureOptionsSchema.parse(input)
}

export function figurePixels(size: FigureSize): { width: number; height: number } {
  if ('preset' in size) {
    const { width, height } = FIGURE_PRESETS[size.preset]
    return { width, height }
  }
  return { width: size.width, height: size.height }
}
