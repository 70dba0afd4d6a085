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

/** A word as the index reads one: anything between spaces and punctuation (minisearch's own split). */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu

/**
 * Where `terms` (searchable words, as the index holds them: the words a query matched, after
 * prefixes and typos) stand in `text` as whole words, for the results list to mark: [start, end)
 * pairs in order. None when the text's letters do not line up one to one with their searchable
 * form (text stored with accents as separate marks).
 */
export function matchedRanges(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0) return []
  const searchable = searchableWord(text)
  if (searchable.length !== text.length) return []
  const wanted = new Set(terms)
  const ranges: [number, number][] = []
  for (const word of searchable.matchAll(WORD)) if (wanted.has(word[0])) ranges.push([word.index, word.index + word[0].length])
  return ranges
}
