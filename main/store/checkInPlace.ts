/**
 * A large timeline checked where it lies. zod's parse builds a checked copy of every object in the
 * file: at 100,000 events that copy took ~0.7 s of opening, and without it garbage collection in a
 * profile of the open fell from 1.6 to 0.9 s. Here the file format's JSON Schema — generated from the
 * zod schema (main/formats/jsonSchema.ts), so the rules stay written once — is compiled by ajv,
 * which checks the parsed file in place and fills in the defaults zod would (~0.2 s at 100,000 events).
 *
 * It only ever accepts: a file it refuses is read again by zod, whose words say what is wrong, and
 * zod stays the definition (test/store/checkInPlace.test.ts: on damaged files it never accepts what
 * zod refuses, and fills in the same defaults). The schema is as strict (no unknown fields, the
 * same patterns, limits and dates), as SECURITY.md asks of every check of a file. Compiling takes
 * ~40 ms, more than zod spends on a small file, so only files above CHECK_IN_PLACE_FROM_CHARS use it.
 */
import Ajv2020, { type AnySchemaObject, type FuncKeywordDefinition, type ValidateFunction } from 'ajv/dist/2020.js'
import { readDate } from '../domain/dates'
import { datedSpan } from '../domain/placeEvent'
import type { TimelineDocument } from '../domain/timeline'
import { timelineJsonSchema } from '../formats/jsonSchema'

/**
 * zod checks 1 MB of file in ~10 ms (and leaves a copy to collect), ajv in ~3 ms: past ~4 MB (some
 * 5,000 events, or 1,000 with 10,000 notes) compiling pays for itself.
 */
export const CHECK_IN_PLACE_FROM_CHARS = 4 * 1024 * 1024

let compiled: ValidateFunction | null = null

function validator(): ValidateFunction {
  if (compiled) return compiled
  const ajv = new Ajv2020({
    // zod's .default(): a field left out is filled in (ajv writes a fresh copy of the default each time).
    useDefaults: true,
    // zod counts lengths in code points, but only once a string has more UTF-16 units than the most
    // allowed. ajv would count every string's code points (~0.1 s at 100,000 events); in units it
    // is as strict or stricter (every minimum is 1), so it may refuse a file zod then accepts, never
    // the other way. (`unicode` is deprecated in ajv 8 but obeyed; its warning is not for users.)
    unicode: false,
    logger: false,
    // Patterns run without the u flag, as zod runs them.
    unicodeRegExp: false,
    // The schema is generated from zod and checked by a unit test; checking it against the JSON
    // Schema meta-schema here would triple the time to compile.
    validateSchema: false,
    // The schema carries zod's own date-time pattern beside the format name.
    formats: { 'date-time': true },
  })
  ajv.addKeyword({
    keyword: EDTF_KEYWORD,
    type: 'string',
    schemaType: 'boolean',
    errors: false,
    // Read for the event or anchor holding the date, which remembers the span: the indexes and the
    // timeline's range then find every date already read (one pass fewer over 100,000 dates).
    validate: ((_: boolean, text: string, _parent?: AnySchemaObject, where?: { parentData: unknown; parentDataProperty: string | number }) =>
      where?.parentDataProperty === 'date' && where.parentData !== null && typeof where.parentData === 'object'
        ? datedSpan(where.parentData as { date: string }) !== null
        : readDate(text).ok) satisfies FuncKeywordDefinition['validate'],
  })
  compiled = ajv.compile(withEdtfKeyword(timelineJsonSchema()))
  return compiled
}

const EDTF_KEYWORD = 'edtfDate'

/** The schema with each `"format": "edtf"` (which only sees the date's text) as the keyword above. */
function withEdtfKeyword<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(withEdtfKeyword) as T
  if (schema === null || typeof schema !== 'object') return schema
  const entries = Object.entries(schema).map(([key, value]) => (key === 'format' && value === 'edtf' ? [EDTF_KEYWORD, true] : [key, withEdtfKeyword(value)]))
  return Object.fromEntries(entries) as T
}

/** Compiles the check ahead of use: called as a large file starts being read (on another thread), the two overlap. */
export function prepareCheckInPlace(): void {
  validator()
}

/** True when `value` is a valid current-format timeline as it stands, once defaults are filled in (in place). */
export function checkedInPlace(value: unknown): value is TimelineDocument {
  return validator()(value)
}
