/**
 * Upgrading timeline files written by earlier versions of Annalist, one version at a time.
 * Each migration is a pure function from the whole document at version N to the whole document at
 * N + 1; `migrateToCurrent` runs them in order and the result is then checked against the current
 * schema. They never touch the disk: the caller backs the old file up durably first and writes the
 * result with one atomic rename, so a crash mid-migration leaves the old file or the new one, whole.
 *
 * Version history
 * - 0 (pre-release builds, files had no `schemaVersion`): `title` and `created` at the top level;
 *   events carried `start` and optional `end` as plain ISO dates and their prose in `text`; the
 *   analyst's remarks were `notes`, each tied to an event (`eventId`) or a date, with the author as
 *   a plain name.
 * - 1: the current format (main/domain/timeline.ts): `schemaVersion`, `meta`, EDTF `date` on events,
 *   `annotations` with anchor, author initials, judgement and history.
 */
import { z } from 'zod'
import { SCHEMA_VERSION } from '../domain/timeline'

export type Migration = (document: unknown) => unknown

/** What a version-0 file held: checked strictly, so no field is dropped without being carried over. */
const Version0Schema = z.strictObject({
  schemaVersion: z.literal(0).optional(),
  title: z.string(),
  created: z.string(),
  lanes: z.array(z.strictObject({ id: z.string(), name: z.string() })).default([]),
  events: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      start: z.string(),
      end: z.string().optional(),
      text: z.string().default(''),
      lanes: z.array(z.string()).default([]),
      tags: z.array(z.string()).default([]),
      sources: z
        .array(z.strictObject({ title: z.string(), publisher: z.string().default(''), url: z.string().default(''), grade: z.string() }))
        .default([]),
    }),
  ),
  notes: z
    .array(
      z.strictObject({
        id: z.string(),
        eventId: z.string().optional(),
        date: z.string().optional(),
        text: z.string(),
        author: z.string().default(''),
        created: z.string(),
      }).refine((note) => note.eventId || note.date, 'a note must be tied to an event or a date'),
    )
    .default([]),
})

/** "Jane Q. Smith" → "JQS"; initials were not recorded in version 0. */
function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}]/gu, '').charAt(0).toUpperCase())
    .join('')
    .slice(0, 8)
}

function noteAnchor(note: { eventId?: string; date?: string }) {
  if (note.eventId) return { kind: 'event' as const, eventId: note.eventId }
  const date = note.date ?? ''
  return date.includes('/') ? { kind: 'span' as const, date } : { kind: 'moment' as const, date }
}

const fromVersion0: Migration = (input) => {
  const old = Version0Schema.parse(input)
  return {
    schemaVersion: 1,
    meta: { title: old.title, description: '', created: old.created, updated: old.created },
    lanes: old.lanes.map((lane) => ({ id: lane.id, name: lane.name, hidden: false })),
    events: old.events.map((event) => ({
      id: event.id,
      title: event.title,
      date: event.end && event.end !== event.start ? `${event.start}/${event.end}` : event.start,
      description: event.text,
      lanes: event.lanes,
      tags: event.tags,
      sources: event.sources.map((source, index) => ({ id: `${event.id}-source-${index + 1}`, ...source })),
    })),
    annotations: old.notes.map((note) => {
      const author = { name: note.author || 'Unknown', initials: initialsOf(note.author) }
      return {
        id: note.id,
        anchor: noteAnchor(note),
        label: '',
        text: note.text,
        tags: [],
        colour: 'amber',
        links: { events: [], sources: [] },
        author,
        created: note.created,
        updated: note.created,
        history: [],
      }
    }),
  }
}

/** Keyed by the version a migration starts from; each produces the next version. */
export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map([[0, fromVersion0]])

/** The format version a parsed file declares; files from before versioning (no field) are version 0. */
export function declaredSchemaVersion(raw: object): number | null {
  if (!('schemaVersion' in raw)) return 0
  const version = (raw as { schemaVersion: unknown }).schemaVersion
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null
}

/** Runs every migration from `fromVersion` up to the current version, in order. */
export function migrateToCurrent(raw: unknown, fromVersion: number): unknown {
  let document = raw
  for (let version = fromVersion; version < SCHEMA_VERSION; version++) {
    const migration = MIGRATIONS.get(version)
    if (!migration) throw new Error(`no migration from format version ${version}`)
    document = migration(document)
  }
  return document
}
