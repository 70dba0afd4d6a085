/**
 * The analyst's name and initials, set once and used to sign every note and version.
 * Kept in `<dataDir>/preferences/author.json`, written durably like the timelines themselves.
 * Until a name is set it reads as empty, and the window asks for one before the first note.
 */
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import secureJson from 'secure-json-parse'
import { z } from 'zod'
import { AuthorSchema, type Author } from '../domain/timeline'
import { writeFileDurably } from '../store/durableWrite'
import type { PreferencesInput } from '../edits/editingPayloads'
import { NO_AUTHOR } from '../edits/editContext'

export const PreferencesInputSchema = z.strictObject({
  author: z.strictObject({ name: z.string().max(200), initials: z.string().max(8).optional() }),
})

export function authorPreferencesFile(dataDir: string): string {
  return path.join(dataDir, 'preferences', 'author.json')
}

/** "Jane van der Berg" → "JVB"; at most three letters, from the words that start with a letter. */
export function initialsFor(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /^\p{L}/u.test(w))
  return words
    .slice(0, 3)
    .map((w) => w[0]!.toLocaleUpperCase())
    .join('')
}

export function authorFrom(input: PreferencesInput['author']): Author {
  const name = input.name.replace(/\s+/g, ' ').trim()
  const initials = input.initials?.trim() || initialsFor(name)
  return AuthorSchema.parse({ name, initials })
}

export class AuthorPreferences {
  private cached: Author | null = null

  /** `dataDir` null keeps the name for this run only (test harnesses that have no data folder). */
  constructor(private readonly dataDir: string | null) {}

  async author(): Promise<Author> {
    this.cached ??= await this.read()
    return this.cached
  }

  /** Resolves once the name is durably saved. */
  async setAuthor(input: PreferencesInput['author']): Promise<Author> {
    const author = authorFrom(input)
    if (this.dataDir !== null) {
      const file = authorPreferencesFile(this.dataDir)
      await mkdir(path.dirname(file), { recursive: true })
      await writeFileDurably(file, `${JSON.stringify(author, null, 1)}\n`)
    }
    this.cached = author
    return author
  }

  /** A missing or unreadable file means "not set yet": the window asks again rather than failing. */
  private async read(): Promise<Author> {
    if (this.dataDir === null) return NO_AUTHOR
    let text: string
    try {
      text = await readFile(authorPreferencesFile(this.dataDir), 'utf8')
    } catch {
      return NO_AUTHOR
    }
    try {
      const raw: unknown = secureJson.parse(text.replace(/^\uFEFF/, ''), undefined, { protoAction: 'error', constructorAction: 'error' })
      return AuthorSchema.parse(raw)
    } catch {
      return NO_AUTHOR
    }
  }
}
