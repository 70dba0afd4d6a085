/** Argument schemas for the timeline engine's channels (spread into argumentSchemas.ts). */
import { z } from 'zod'
import { MAX_BINS } from '../../timelineIndex/density'

/** An instant in epoch ms within the range JavaScript dates can hold. */
const Instant = z.number().min(-8.64e15).max(8.64e15)
const LaneIds = z.array(z.string().max(200)).max(1_000)
const Filter = {
  tags: z.array(z.string().max(1_000)).max(200).optional(),
  minGrade: z.string().regex(/^[A-F][1-6]$/, 'grade must be a letter A–F then a digit 1–6, e.g. B2').optional(),
}

const SearchText = z.string().max(1_000)
const SearchFilter = z.strictObject({ ...Filter, lanes: LaneIds.optional(), from: Instant.optional(), to: Instant.optional() })

const ShownSearchSchema = z.strictObject({ text: SearchText, filter: SearchFilter.optional() })

const ViewportQuerySchema = z
  .strictObject({
    start: Instant,
    end: Instant,
    widthPx: z.number().int().min(1).max(20_000),
    laneIds: LaneIds.optional(),
    filter: z.strictObject(Filter).optional(),
    chosenNote: z.string().min(1).max(200).optional(),
    search: ShownSearchSchema.optional(),
    notesFolded: z.literal(true).optional(),
  })
  .refine((query) => query.end > query.start, { message: 'the window must end after it starts' })

const SearchQuerySchema = z.strictObject({
  text: SearchText,
  limit: z.number().int().min(1).max(1_000).optional(),
  filter: SearchFilter.optional(),
  soFar: z.literal(true).optional(),
})

export const viewportArgumentSchemas = {
  viewportItems: z.tuple([ViewportQuerySchema]),
  clusterHolding: z.tuple([z.string().min(1).max(200), ViewportQuerySchema]),
  densityOverview: z.tuple([z.number().int().min(1).max(MAX_BINS), ShownSearchSchema.nullable()]),
  search: z.tuple([SearchQuerySchema]),
}
