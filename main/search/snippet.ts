/**
 * Words as the search index sees them, and the passage shown under a hit.
 */

/** Lower case without accents, so "Niinistö" is found by typing "niinisto". */
export function searchableWord(word: string): string {
  // Most words are plain ASCII; skipping Unicode normalisation for them halves indexing time.
  if (!NON_ASCII.test(word)) return word.toLowerCase()
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

const NON_ASCII = /[^\u0000-\u007f]/

const SNIPPET_LENGTH = 160
const LEAD_IN = 40

/**
 * About 160 characters of `text` around the earliest of `terms` (already searchable words), cut at
 * word boundaries and marked with "…" where cut; the start of the text when no term occurs in it.
 */
export function snippetAround(text: string, terms: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= SNIPPET_LENGTH) return flat
  // Removing accents keeps precomposed letters one character long, so positions carry over.
  const searchable = searchableWord(flat)
  let first = -1
  for (const term of terms) {
    const at = searchable.indexOf(term)
    if (at >= 0 && (first < 0 || at < first)) first = at
  }
  let start = first <= LEAD_IN ? 0 : flat.lastIndexOf(' ', first - LEAD_IN) + 1
  if (start < 0) start = 0
  let end = start + SNIPPET_LENGTH
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end)
    if (space > start) end = space
  } else end = flat.length
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
}
