/**
 * Argument schemas for the editing channels (spread into argumentSchemas.ts). They check shape and
 * size only; the edits themselves explain anything an analyst must fix, such as a bad date.
 */
import { z } from 'zod'
import { CONFIDENCES, LIKELIHOODS } from '../../domain/timeline'
import { AnnotationInputSchema, EventInputSchema } from '../../edits/inputs'
import { PreferencesInputSchema } from '../../preferences/authorPreferences'

const Id = z.string().min(1).max(200)

const AnnotationFilterSchema = z.strictObject({
  author: z.string().max(200).optional(),
  tag: z.string().max(1_000).optional(),
  kind: z.enum(['event', 'span', 'moment']).optional(),
  likelihood: z.enum([...LIKELIHOODS, 'none']).optional(),
  confidence: z.enum(CONFIDENCES).optional(),
  trash: z.enum(['exclude', 'include', 'only']).optional(),
  eventId: Id.optional(),
  limit: z.number().int().min(0).max(1_000_000).optional(),
})

export const editingArgumentSchemas = {
  addAnnotation: z.tuple([AnnotationInputSchema]),
  updateAnnotation: z.tuple([Id, AnnotationInputSchema]),
  deleteAnnotation: z.tuple([Id]),
  restoreAnnotation: z.tuple([Id]),
  restoreAnnotationVersion: z.tuple([Id, z.number().int().min(0).max(1_000_000)]),
  listAnnotations: z.tuple([AnnotationFilterSchema.optional()]),
  annotationSummary: z.tuple([AnnotationFilterSchema.optional()]),
  getAnnotation: z.tuple([Id]),
  previewNoteText: z.tuple([z.string().max(200_000)]),
  addEvent: z.tuple([EventInputSchema]),
  updateEvent: z.tuple([Id, EventInputSchema]),
  deleteEvent: z.tuple([Id]),
  addLane: z.tuple([z.string().max(1_000)]),
  renameLane: z.tuple([Id, z.string().max(1_000)]),
  reorderLanes: z.tuple([z.array(Id).max(1_000)]),
  setLaneHidden: z.tuple([Id, z.boolean()]),
  undo: z.tuple([]),
  redo: z.tuple([]),
  getUndoState: z.tuple([]),
  getPreferences: z.tuple([]),
  setPreferences: z.tuple([PreferencesInputSchema]),
}
