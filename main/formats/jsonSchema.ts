/**
 * The timeline file format as a JSON Schema (data/timeline.schema.json), generated from the zod
 * schema so the two cannot differ; a unit test fails when the committed file is stale
 * (regenerate with `npm run schema`). EDTF validity is a code check, so the schema
 * describes dates as strings of format "edtf" and says so.
 */
import { z } from 'zod'
import { SCHEMA_VERSION, TimelineDocumentSchema } from '../domain/timeline'

/** The file format as a JSON Schema object, generated from the zod schema. */
export function timelineJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(TimelineDocumentSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
}

export function timelineJsonSchemaText(): string {
  const schema = timelineJsonSchema()
  const documented = {
    $schema: schema.$schema,
    $id: `https://annalist.invalid/schema/timeline-v${SCHEMA_VERSION}.json`,
    title: `Annalist timeline, format version ${SCHEMA_VERSION}`,
    description:
      'One timeline: its lanes, events (EDTF dates, sources graded with the Admiralty code) and annotations with their edit history. ' +
      'Dates must also be valid EDTF (ISO 8601-2), which this schema cannot express; Annalist checks it when reading.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  }
  return `${JSON.stringify(documented, null, 2)}\n`
}
