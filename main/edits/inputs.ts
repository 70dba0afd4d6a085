/**
 * What the window sends to create or change an event or annotation. These schemas check shape and
 * size only (they guard the IPC boundary); dates are plain strings here so the edit itself can
 * explain a bad one in words ("February 2023 has only 28 days…") rather than as a schema error.
 * The stored entity is then checked against the document schema in timeline.ts.
 */
import { z } from 'zod'
import { AnnotationContentSchema, LocationSchema, SourceGradeSchema } from '../domain/timeline'

const Id = z.string().min(1).max(200)
const DateText = z.string().max(200)

export const SourceInputSchema = z.strictObject({
  /** Omitted for a new source; the edit gives it an id. */
  id: Id.optional(),
  title: z.string().max(1_000),
  publisher: z.string().max(1_000).default(''),
  url: z.string().max(4_000).default(''),
  date: DateText.optional(),
  grade: SourceGradeSchema,
})

export const EventInputSchema = z.strictObject({
  title: z.string().max(1_000),
  date: DateText,
  description: z.string().max(200_000).default(''),
  lanes: z.array(Id).max(50).default([]),
  tags: z.array(z.string().max(1_000)).max(200).default([]),
  location: LocationSchema.optional(),
  sources: z.array(SourceInputSchema).max(500).default([]),
})

export const AnnotationAnchorInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('event'), eventId: Id }),
  z.strictObject({ kind: z.literal('span'), date: DateText }),
  z.strictObject({ kind: z.literal('moment'), date: DateText }),
])

export const AnnotationInputSchema = AnnotationContentSchema.extend({ anchor: AnnotationAnchorInputSchema })

/** An event as the event editor sends it (no id, no provenance: those are kept by the edit). */
export type EventInput = z.input<typeof EventInputSchema>
export type SourceInput = z.input<typeof SourceInputSchema>
/** An annotation's editable content as the note editor sends it; omitted fields take their defaults. */
export type AnnotationInput = z.input<typeof AnnotationInputSchema>
