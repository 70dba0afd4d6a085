/**
 * Which column holds what, for a CSV Annalist does not recognise. The analyst chooses; Annalist
 * first guesses from common header names so the mapping step usually only needs confirming.
 */
import { z } from 'zod'

const Column = z.string().min(1).max(1_000)

export const CsvMappingSchema = z.strictObject({
  date: Column,
  endDate: Column.optional(),
  title: Column,
  description: Column.optional(),
  lane: Column.optional(),
  tags: Column.optional(),
  source: Column.optional(),
  location: Column.optional(),
  /** Answers "is 03/04/2014 the 3rd of April (true) or the 4th of March (false)?". */
  dayFirst: z.boolean().optional(),
})

export type CsvMapping = z.infer<typeof CsvMappingSchema>
export type MappedField = Exclude<keyof CsvMapping, 'dayFirst'>

const SYNONYMS: Record<MappedField, string[]> = {
  date: ['date', 'start date', 'start_date', 'startdate', 'start', 'event date', 'event_date', 'when', 'day'],
  endDate: ['end date', 'end_date', 'enddate', 'end', 'until', 'to'],
  title: ['title', 'headline', 'event', 'name', 'summary', 'subject'],
  description: ['description', 'text', 'notes', 'details', 'body', 'comment', 'comments'],
  lane: ['lane', 'group', 'category', 'country', 'actor', 'track'],
  tags: ['tags', 'tag', 'keywords', 'labels'],
  source: ['source', 'sources', 'url', 'link', 'reference'],
  location: ['location', 'place', 'where', 'city'],
}

/** A mapping guessed from header names, or null when there is no date or no title column. */
export function guessMapping(header: readonly string[]): CsvMapping | null {
  const byName = new Map(header.map((h) => [h.trim().toLowerCase(), h]))
  const pick = (field: MappedField) => SYNONYMS[field].map((name) => byName.get(name)).find((h) => h !== undefined)
  const date = pick('date')
  const title = pick('title')
  if (!date || !title) return null
  const mapping: CsvMapping = { date, title }
  for (const field of ['endDate', 'description', 'lane', 'tags', 'source', 'location'] as const) {
    const column = pick(field)
    if (column !== undefined && column !== date && column !== title) mapping[field] = column
  }
  return mapping
}

/** Columns the mapping names that the file does not have. */
export function missingColumns(mapping: CsvMapping, header: readonly string[]): string[] {
  const have = new Set(header)
  return (Object.entries(mapping) as Array<[string, unknown]>)
    .filter(([field, column]) => field !== 'dayFirst' && typeof column === 'string' && !have.has(column))
    .map(([, column]) => column as string)
}
