/**
 * A timeline file checked where it lies. zod's parse builds a checked copy of every object in the
 * file: at 100,000 events that copy took ~0.7 s of opening, and without it garbage collection in a
 * profile of the open fell from 1.6 to 0.9 s. Here the file format's JSON Schema — generated from
 * the zod schema (main/formats/jsonSchema.ts), so the rules stay written once — is checked by a
 * function ajv compiled from it ahead of time (timelineCheck.generated.js, `npm run schema`), which
 * checks the parsed file in place and fills in the defaults zod would (~0.2 s at 100,000 events).
 *
 * It only ever accepts: a file it refuses is read again by zod, whose words say what is wrong, and
 * zod stays the definition (test/store/checkInPlace.test.ts: on damaged files it never accepts what
 * zod refuses, and fills in the same defaults). The schema is as strict (no unknown fields, the
 * same patterns, limits and dates), as SECURITY.md asks of every check of a file.
 */
import type { TimelineDocument } from '../domain/timeline'
import checkTimeline from './timelineCheck.generated'

/** True when `value` is a valid current-format timeline as it stands, once defaults are filled in (in place). */
export function checkedInPlace(value: unknown): value is TimelineDocument {
  return checkTimeline(value)
}
