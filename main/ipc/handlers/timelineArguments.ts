/** Argument schemas for the timeline channels (spread into argumentSchemas.ts). */
import { z } from 'zod'

const Title = z.string().max(1_000)

export const timelineArgumentSchemas = {
  listTimelines: z.tuple([]),
  newTimeline: z.tuple([Title]),
  openTimeline: z.tuple([
    z.union([z.strictObject({ library: z.string().min(1).max(200) }), z.strictObject({ recent: z.string().min(1).max(4_096) }), z.strictObject({ browse: z.literal(true) })]),
  ]),
  saveTimelineCopy: z.tuple([]),
  renameTimeline: z.tuple([Title]),
  closeTimeline: z.tuple([]),
}
