/**
 * The checks every imported file passes before any format reads it (shared/SECURITY.md "Bad input"):
 * a size cap checked with `stat` before reading, UTF-8 required (UTF-16 recognised and converted
 * with a warning), BOM stripped, NUL bytes refused, JSON parsed with prototype-poisoning keys refused
 * and nesting capped, and records built on `Object.create(null)` so a column named `__proto__`
 * is just a column.
 */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import secureJson from 'secure-json-parse'
import { ImportError } from './importError'
import { jsonSyntaxErrorIndex } from './jsonSyntax'

/** Far above any real extract (a 100,000-row ACLED file is ~60 MB) yet small enough to refuse a mistake. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024
/** Real timelines nest a handful of levels; `JSON.stringify` fails near 10,000 (SECURITY.md). */
export const MAX_JSON_DEPTH = 64

export interface DecodedText {
  text: string
  warnings: string[]
}

function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  // Without a BOM, ASCII text in UTF-16 shows as every other byte being NUL.
  const sample = Math.min(bytes.length - (bytes.length % 2), 512)
  if (sample < 4) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++
    if (bytes[i + 1] === 0) oddNul++
  }
  const pairs = sample / 2
  if (oddNul > pairs * 0.4 && evenNul === 0) return 'utf-16le'
  if (evenNul > pairs * 0.4 && oddNul === 0) return 'utf-16be'
  return null
}

function lineAndColumnAt(text: string, index: number): string {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return `line ${line}, column ${index - lineStart + 1}`
}

/** Bytes → text. Throws ImportError, located, for anything that is not text Annalist can read. */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const warnings: string[] = []
  if (bytes.length === 0) throw new ImportError(file, 'byte 0', 'the file is empty')
  const utf16 = utf16Guess(bytes)
  let text: string
  if (utf16) {
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes)
    } catch {
      throw new ImportError(file, 'byte 0', `the file looks like ${utf16.toUpperCase()} but is not valid ${utf16.toUpperCase()}; save it as UTF-8`)
    }
    warnings.push(`the file was ${utf16.toUpperCase()}; it was converted to UTF-8 for import`)
  } else {
    const nul = bytes.indexOf(0)
    if (nul >= 0) {
      throw new ImportError(file, `byte ${nul}`, 'the file contains NUL bytes: it is binary, or was cut short (for example by a power cut)')
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      const bad = firstInvalidUtf8(bytes)
      throw new ImportError(file, `byte ${bad}`, 'the file is not UTF-8 text (perhaps Windows-1252 or Latin-1); save it as UTF-8 and import again')
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const nulAt = text.indexOf('\u0000')
  if (nulAt >= 0) throw new ImportError(file, lineAndColumnAt(text, nulAt), 'the file contains NUL characters')
  if (text.trim() === '') throw new ImportError(file, 'byte 0', 'the file holds only white space')
  return { text, warnings }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Feeding one byte at a time to a streaming decoder finds the first bad byte in one pass.
  const decoder = new TextDecoder('utf-8', { fatal: true })
  for (let i = 0; i < bytes.length; i++) {
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true })
    } catch {
      // Report the byte that starts the broken sequence, not the one that revealed it.
      for (let j = i; j >= Math.max(0, i - 3); j--) if (bytes[j]! >= 0xc0) return j
      return i
    }
  }
  return bytes.length
}

/** Reads an import file: size checked before a single byte is read, then decoded as above. */
export async function readImportFile(file: string, maxBytes = MAX_IMPORT_BYTES): Promise<DecodedText> {
  const name = path.basename(file)
  let size: number
  try {
    const info = await stat(file)
    if (!info.isFile()) throw new ImportError(name, 'the path', 'is a folder or device, not a file')
    size = info.size
  } catch (error) {
    if (error instanceof ImportError) throw error
    throw new ImportError(name, 'the path', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  if (size > maxBytes) {
    throw new ImportError(name, `byte ${maxBytes}`, `the file is ${(size / 1e6).toFixed(1)} MB, more than the ${Math.round(maxBytes / 1e6)} MB Annalist imports`)
  }
  return decodeText(await readFile(file), name)
}

/** Throws when a parsed JSON value nests deeper than `maxDepth` (checked without recursion). */
export function checkJsonDepth(value: unknown, file: string, maxDepth = MAX_JSON_DEPTH): void {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }]
  while (stack.length > 0) {
    const item = stack.pop()!
    if (item.value === null || typeof item.value !== 'object') continue
    if (item.depth >= maxDepth) {
      throw new ImportError(file, `at ${item.path || 'the top'}`, `the data nests more than ${maxDepth} levels deep; Annalist refuses it`)
    }
    for (const [key, child] of Object.entries(item.value)) {
      // secure-json-parse refuses __proto__ and constructor.prototype; a bare "prototype" key has no
      // business in a timeline either, and refusing it keeps one rule for every format.
      if (FORBIDDEN_KEYS.has(key) && !Array.isArray(item.value)) {
        throw new ImportError(file, `at ${item.path ? `${item.path}.` : ''}${key}`, `the file contains a "${key}" key, which Annalist refuses (it is used to attack programs)`)
      }
      stack.push({ value: child, depth: item.depth + 1, path: Array.isArray(item.value) ? `${item.path}[${key}]` : `${item.path}.${key}` })
    }
  }
}

/**
 * Cheap pre-check on the raw text so a million nested brackets are refused before `JSON.parse`
 * builds them (the parse itself would succeed and then `stringify` would fail on save).
 */
function checkBracketDepth(text: string, file: string, maxDepth: number): void {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91) {
      if (++depth > maxDepth) throw new ImportError(file, lineAndColumnAt(text, i), `the data nests more than ${maxDepth} levels deep; Annalist refuses it`)
    } else if (c === 125 || c === 93) depth--
  }
}

/** JSON text → value; located errors; `__proto__` / `constructor.prototype` keys refused. */
export function parseJsonSafely(text: string, file: string, maxDepth = MAX_JSON_DEPTH): unknown {
  checkBracketDepth(text, file, maxDepth)
  let value: unknown
  try {
    value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' })
  } catch (error) {
    const message = (error as Error).message
    if (/prototype|constructor/i.test(message)) {
      const at = text.search(/"(?:_|\\u005[fF]){2}proto__"\s*:|"constructor"\s*:/)
      throw new ImportError(file, at >= 0 ? lineAndColumnAt(text, at) : 'a key', 'the file contains a "__proto__" or "constructor" key, which Annalist refuses (it is used to attack programs)')
    }
    const index = jsonSyntaxErrorIndex(text) ?? text.length
    const where = index >= text.length ? `${lineAndColumnAt(text, text.length)} (end of file)` : lineAndColumnAt(text, index)
    throw new ImportError(file, where, `the file is not valid JSON (${message.split('\n')[0]!.slice(0, 120)})`)
  }
  checkJsonDepth(value, file, maxDepth)
  return value
}

/** Keys that must never become properties of a record built from imported data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** A header row and a data row → a record with no prototype, so no column name can reach Object.prototype. */
export function recordFrom(header: readonly string[], cells: readonly string[]): Record<string, string | undefined> {
  const record: Record<string, string | undefined> = Object.create(null)
  header.forEach((name, index) => {
    record[name] = cells[index]
  })
  return record
}
