/** Argument schemas for the import, export and merge channels (spread into argumentSchemas.ts). */
import { z } from 'zod'
import { CsvMappingSchema } from '../../formats/csvMapping'
import { EXPORT_FORMATS } from '../../formats/transferPayloads'

const Id = z.string().min(1).max(100)
const Side = z.enum(['mine', 'theirs'])

export const transferArgumentSchemas = {
  previewImport: z.tuple([z.strictObject({ previewId: Id.optional(), mapping: CsvMappingSchema.optional(), dayFirst: z.boolean().optional() })]),
  cancelImport: z.tuple([]),
  applyImport: z.tuple([
    Id,
    z.strictObject({ mode: z.enum(['merge-into', 'new']), skipRowsWithErrors: z.boolean().optional(), duplicates: z.enum(['skip', 'import-as-new']).optional() }),
  ]),
  exportData: z.tuple([z.enum(EXPORT_FORMATS)]),
  previewMerge: z.tuple([]),
  applyMerge: z.tuple([
    Id,
    z.array(z.strictObject({ kind: z.enum(['event', 'annotation']), id: z.string().min(1).max(200), field: z.string().min(1).max(40), take: Side })).max(100_000),
    Side.optional(),
  ]),
}
