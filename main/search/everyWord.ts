/**
 * Searching for documents that hold every word of a query, without scoring the ones that do not.
 *
 * minisearch combines a query's words with AND only after scoring each word over every document
 * that holds it: "sevastopol ratifies" at 100,000 events scored 21,000 word-document pairs, each
 * with a result object, to keep 301 documents. That scoring was three quarters of a search.
 * Here the documents holding every word are found first, from the index's word lists alone (a set
 * of numbers), and minisearch then scores only those: its `boostDocument` option leaves out any
 * other document before a result is made for it. The answer is minisearch's own, the same
 * documents in the same order with the same scores, since a boost of 1 changes no score and a
 * document left out could not have held every word.
 *
 * The word lists are read from the index's own fields (not part of minisearch's API; checked
 * against the version in package-lock.json). If their shape changes, every document is scored,
 * as minisearch does by itself: the answer stays the same, only slower.
 */
import type { default as MiniSearch, SearchResult } from 'minisearch'

/** For each field, the documents holding a word (by minisearch's short id) and how often. */
type WordPostings = Map<number, Map<number, number>>

interface WordTree {
  get(word: string): WordPostings | undefined
  atPrefix(prefix: string): Iterable<[string, WordPostings]>
  fuzzyGet(word: string, maxEdits: number): Map<string, [WordPostings, number]>
}

interface IndexFields {
  _index?: WordTree
  _documentIds?: Map<number, unknown>
}

/** How a query is read into words and each word matches: the rules the index itself searches with. */
export interface WordMatching {
  /** The query split into words. */
  tokenize(text: string): string[]
  /** Words turned into the index's words (null: not searched, like "the"). */
  processTerm(word: string): string | null
  prefix(word: string): boolean
  /** As minisearch's `fuzzy` option: false, or the share of the word's letters that may differ. */
  fuzzy(word: string): number | false
  /** At most this many letters differ, whatever `fuzzy` allows. */
  maxFuzzy: number
}

/** minisearch's `search(text)` with every word required (combineWith 'AND'). */
export function searchEveryWord<T>(index: MiniSearch<T>, text: string, matching: WordMatching): SearchResult[] {
  const candidates = documentsWithEveryWord(index, text, matching)
  if (candidates === null) return index.search(text, { combineWith: 'AND' })
  return index.search(text, { combineWith: 'AND', boostDocument: (id) => (candidates.has(id) ? 1 : 0) })
}

/**
 * The ids of the documents holding every word (exactly, by prefix or with a typo, as the search
 * matches them); null when there is a single word (nothing to leave out) or the index's word lists
 * cannot be read.
 */
export function documentsWithEveryWord<T>(index: MiniSearch<T>, text: string, matching: WordMatching): Set<unknown> | null {
  const { _index: words, _documentIds: ids } = index as unknown as IndexFields
  if (!isWordTree(words) || !(ids instanceof Map)) return null
  const queryWords = matching
    .tokenize(text)
    .map((word) => matching.processTerm(word))
    .filter((word): word is string => !!word)
  if (queryWords.length < 2) return null
  // Each word's document lists (one per field and per indexed word it matches), fewest first.
  const lists = queryWords.map((word) => documentLists(words, word, matching)).sort((a, b) => listedCount(a) - listedCount(b))
  let holding = new Set<number>()
  for (const list of lists[0]!) for (const document of list.keys()) holding.add(document)
  for (const word of lists.slice(1)) {
    if (holding.size === 0) break
    holding = keepHolding(holding, word)
  }
  const found = new Set<unknown>()
  for (const document of holding) {
    const id = ids.get(document)
    if (id !== undefined) found.add(id)
  }
  return found
}

function isWordTree(value: unknown): value is WordTree {
  const tree = value as Partial<WordTree> | undefined
  return typeof tree?.get === 'function' && typeof tree.atPrefix === 'function' && typeof tree.fuzzyGet === 'function'
}

/** The document lists of every indexed word the query word matches, as minisearch expands it. */
function documentLists(words: WordTree, word: string, matching: WordMatching): Map<number, number>[] {
  const matched: WordPostings[] = []
  if (matching.prefix(word)) for (const [, postings] of words.atPrefix(word)) matched.push(postings)
  else {
    const exact = words.get(word)
    if (exact) matched.push(exact)
  }
  const fuzzy = matching.fuzzy(word)
  const maxEdits = fuzzy === false ? 0 : fuzzy < 1 ? Math.min(matching.maxFuzzy, Math.round(word.length * fuzzy)) : fuzzy
  // Words within the typo distance; those the prefix already matched are listed twice, harmlessly.
  if (maxEdits > 0) for (const [postings] of words.fuzzyGet(word, maxEdits).values()) matched.push(postings)
  return matched.flatMap((postings) => [...postings.values()])
}

function listedCount(lists: Map<number, number>[]): number {
  let count = 0
  for (const list of lists) count += list.size
  return count
}

/** The documents in `holding` that one of `lists` also holds, by whichever way is fewer look-ups. */
function keepHolding(holding: Set<number>, lists: Map<number, number>[]): Set<number> {
  const kept = new Set<number>()
  if (holding.size * lists.length <= listedCount(lists)) {
    for (const document of holding) if (lists.some((list) => list.has(document))) kept.add(document)
  } else {
    for (const list of lists) for (const document of list.keys()) if (holding.has(document)) kept.add(document)
  }
  return kept
}
