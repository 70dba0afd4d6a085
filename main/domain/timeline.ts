/**
 * The timeline document: the one JSON file an analyst opens, saves and sends.
 * Schemas are the single definition of what a valid document is; TypeScript types are
 * inferred from them so the two can never drift apart.
 */
import { z } from 'zod'
import { readDate } from './dates'
import { ANNOTATION_COLOURS, CONFIDENCES, LIKELIHOODS } from './vocabulary'

export const SCHEMA_VERSION = 1

/** ISO 8601 instant written by the app itself (created/updated stamps). */
const Instant = z.iso.datetime({ offset: true })

const Id = z.string().min(1).max(200)
const ShortText = z.string().max(1_000)
const LongText = z.string().max(200_000)

/** An EDTF (ISO 8601-2) date as the analyst wrote it: `1991-12`, `2022-01-06?`, `2021-11-10/2022-02-24`. */
export const EdtfDate = z
  .string()
  .min(1)
  .max(200)
  .superRefine((text, context) => {
    // The reader's own words ("February 2023 has only 28 days…") say what is wrong and how to fix it.
    const reading = readDate(text)
    if (!reading.ok) context.addIssue({ code: 'custom', message: reading.error })
  })
  // Named in the JSON Schema, whose validators cannot check EDTF themselves (main/store/checkInPlace.ts).
  .meta({ format: 'edtf' })

/** Admiralty code (STANAG 2511): source reliability A–F then information credibility 1–6, e.g. `B2`. */
export const SourceGradeSchema = z.string().regex(/^[A-F][1-6]$/, 'grade must be a letter A–F then a digit 1–6, e.g. B2')

export const SourceSchema = z.strictObject({
  id: Id,
  title: ShortText.min(1),
  publisher: ShortText.default(''),
  url: z.string().max(4_000).default(''),
  date: EdtfDate.optional(),
  grade: SourceGradeSchema,
})

export const LocationSchema = z.strictObject({
  name: ShortText,
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
})

/** Where an imported event came from, so an analyst can trace it back to the file and row. */
export const ProvenanceSchema = z.strictObject({
  file: ShortText,
  importedAt: Instant,
  original: ShortText,
})

export const TimelineEventSchema = z.strictObject({
  id: Id,
  title: ShortText.min(1),
  date: EdtfDate,
  description: LongText.default(''),
  lanes: z.array(Id).max(50).default([]),
  tags: z.array(ShortText).max(200).default([]),
  location: LocationSchema.optional(),
  sources: z.array(SourceSchema).max(500).default([]),
  provenance: ProvenanceSchema.optional(),
})

export const LaneSchema = z.strictObject({
  id: Id,
  name: ShortText.min(1),
  hidden: z.boolean().default(false),
})

export { LIKELIHOODS, CONFIDENCES, ANNOTATION_COLOURS } from './vocabulary'

export const JudgementSchema = z.strictObject({
  likelihood: z.enum(LIKELIHOODS),
  confidence: z.enum(CONFIDENCES),
})

export const AuthorSchema = z.strictObject({
  name: ShortText,
  initials: z.string().max(8),
})

/** What an annotation is attached to: an event, a span of time, or a moment. */
export const AnnotationAnchorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('event'), eventId: Id }),
  z.strictObject({ kind: z.literal('span'), date: EdtfDate }),
  z.strictObject({ kind: z.literal('moment'), date: EdtfDate }),
])

/** The parts of an annotation an analyst edits; each edit keeps the previous one in `history`. */
export const AnnotationContentSchema = z.strictObject({
  anchor: AnnotationAnchorSchema,
  label: ShortText.default(''),
  text: LongText,
  tags: z.array(ShortText).max(200).default([]),
  colour: z.enum(ANNOTATION_COLOURS).default('amber'),
  judgement: JudgementSchema.optional(),
  links: z
    .strictObject({ events: z.array(Id).max(500).default([]), sources: z.array(Id).max(500).default([]) })
    .default({ events: [], sources: [] }),
})

export const AnnotationVersionSchema = z.strictObject({
  ...AnnotationContentSchema.shape,
  author: AuthorSchema,
  updated: Instant,
})

export const AnnotationSchema = z.strictObject({
  ...AnnotationContentSchema.shape,
  id: Id,
  author: AuthorSchema,
  created: Instant,
  updated: Instant,
  /** Earlier versions, oldest first. */
  history: z.array(AnnotationVersionSchema).default([]),
  /** Set when moved to the trash; the annotation is kept and can be restored. */
  deleted: Instant.optional(),
})

export const TimelineMetaSchema = z.strictObject({
  title: ShortText.min(1),
  description: LongText.default(''),
  created: Instant,
  updated: Instant,
})

export const TimelineDocumentSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  meta: TimelineMetaSchema,
  lanes: z.array(LaneSchema).max(1_000),
  events: z.array(TimelineEventSchema),
  annotations: z.array(AnnotationSchema),
})

export type SourceGrade = z.infer<typeof SourceGradeSchema>
export type Source = z.infer<typeof SourceSchema>
export type EventLocation = z.infer<typeof LocationSchema>
export type Provenance = z.infer<typeof ProvenanceSchema>
export type TimelineEvent = z.infer<typeof TimelineEventSchema>
export type Lane = z.infer<typeof LaneSchema>
export type Likelihood = (typeof LIKELIHOODS)[number]
export type Confidence = (typeof CONFIDENCES)[number]
export type AnnotationColour = (typeof ANNOTATION_COLOURS)[number]
export type Judgement = z.infer<typeof JudgementSchema>
export type Author = z.infer<typeof AuthorSchema>
export type AnnotationAnchor = z.infer<typeof AnnotationAnchorSchema>
export type AnnotationContent = z.infer<typeof AnnotationContentSchema>
export type AnnotationVersion = z.infer<typeof AnnotationVersionSchema>
export type Annotation = z.infer<typeof AnnotationSchema>
export type TimelineMeta = z.infer<typeof TimelineMetaSchema>
export type TimelineDocument = z.infer<typeof TimelineDocumentSchema>
