/**
 * Refusing an edit in words an analyst can act on. Every edit either produces entities that pass
 * the document schema or throws an `EditError` and changes nothing.
 */
import type { z } from 'zod'
import { readEnteredDate } from '../domain/dates'

/** An edit was refused; `message` is shown to the analyst as is. */
export class EditError extends Error {}

/** Throws the date reader's own explanation ("February 2023 has only 28 days…") for a bad date. */
export function checkDate(text: string, what: string): string {
  const trimmed = text.trim()
  const reading = readEnteredDate(trimmed)
  if (!reading.ok) throw new EditError(`${what}: ${reading.error}`)
  return trimmed
}

export function requireText(text: string, message: string): string {
  const trimmed = text.trim()
  if (trimmed === '') throw new EditError(message)
  return trimmed
}

function pathInWords(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `#${part + 1}` : String(part))).join(' ')
}

function issueInWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'is empty' : `is too short (at least ${issue.minimum})`
    case 'too_big':
      return `is too long (at most ${issue.maximum}${issue.origin === 'string' ? ' characters' : ' items'})`
    case 'unrecognized_keys':
      return `has fields Annalist does not know: ${issue.keys.join(', ')}`
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`
    default:
      return issue.message
  }
}

/** Parses `value` with `schema`, or throws an EditError naming the first problem and where it is. */
export function checkWithSchema<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  if (!issue) throw new EditError(`${what} is not valid`)
  const where = issue.path.length > 0 ? ` ${pathInWords(issue.path)}` : ''
  throw new EditError(`${what}${where} ${issueInWords(issue)}`)
}
