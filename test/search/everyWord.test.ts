import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import MiniSearch from 'minisearch'
import { documentsWithEveryWord, searchEveryWord, type WordMatching } from '../../main/search/everyWord'

interface Doc {
  id: string
  title: string
  text: string
}

/** As the timeline's index matches words: prefixes from four letters, one typo from five. */
const TIMELINE_RULES: WordMatching = {
  tokenize: MiniSearch.getDefault('tokenize') as WordMatching['tokenize'],
  processTerm: (word) => (word === 'the' ? null : word.toLowerCase()),
  prefix: (word) => word.length >= 4,
  fuzzy: (word) => (word.length >= 5 ? 0.2 : false),
  maxFuzzy: 1,
}

/** Looser rules, so prefixes of any length and two typos are tried too, and words split where the default would not. */
const LOOSE_RULES: WordMatching = {
  ...TIMELINE_RULES,
  tokenize: (text) => text.split(/[\s,o]+/),
  prefix: () => true,
  fuzzy: (word) => (word.length >= 4 ? 2 : false),
}

function indexOf(docs: Doc[], rules: WordMatching): MiniSearch<Doc> {
  const { tokenize, processTerm, prefix, fuzzy, maxFuzzy } = rules
  const index = new MiniSearch<Doc>({
    fields: ['title', 'text'],
    tokenize,
    processTerm,
    // Any word by default (minisearch's OR): searchEveryWord asks for every word itself.
    searchOptions: { boost: { title: 3 }, prefix, fuzzy, maxFuzzy },
    autoVacuum: false,
  })
  index.addAll(docs)
  return index
}

// A small vocabulary, so that words meet in the same documents, with near neighbours for typos
// and prefixes (ratified, ratifies; troop, troops, trooper).
const WORDS = ['sevastopol', 'ratifies', 'ratified', 'treaty', 'troop', 'troops', 'trooper', 'reuters', 'fuel', 'fuels', 'zhanaozen', 'the', 'kazakh', 'kazakhstan', 'moscow', 'minsk', 'talks']
const word = fc.constantFrom(...WORDS)
const doc = (id: number) => fc.record({ id: fc.constant(`d${id}`), title: fc.array(word, { maxLength: 4 }).map((w) => w.join(' ')), text: fc.array(word, { maxLength: 8 }).map((w) => w.join(', ')) })
const docs = fc.integer({ min: 1, max: 40 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, id) => doc(id))))
/** A query word as typed: whole, cut short, or with a letter wrong. */
const typed = fc.tuple(word, fc.constantFrom('whole', 'short', 'typo'), fc.nat()).map(([w, how, at]) => {
  if (how === 'short') return w.slice(0, Math.max(1, w.length - 1 - (at % 3)))
  if (how === 'typo' && w.length > 2) return `${w.slice(0, at % w.length)}q${w.slice((at % w.length) + 1)}`
  return w
})
const query = fc.array(typed, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '))

for (const [name, rules] of [['the timeline', TIMELINE_RULES], ['loose', LOOSE_RULES]] as const) {
  test(`every word required: the same results as minisearch's own search, under ${name} rules, documents removed or changed`, () => {
    fc.assert(
      fc.property(docs, fc.array(query, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 5 }), (all, queries, changed) => {
        // Two indexes built alike: minisearch's search itself drops the words of removed documents
        // it meets, which changes the scores of the next search over the same index.
        const [theirs, ours] = [indexOf(all, rules), indexOf(all, rules)]
        for (const index of [theirs, ours]) {
          // Removed and replaced documents leave their words behind until minisearch vacuums them.
          for (const at of changed) {
            const old = all[at % all.length]!
            if (!index.has(old.id)) continue
            index.discard(old.id)
            if (at % 2 === 0) index.add({ ...old, title: `${old.title} talks` })
          }
        }
        for (const text of queries) assert.deepEqual(searchEveryWord(ours, text, rules), theirs.search(text, { combineWith: 'AND' }), text)
      }),
      { numRuns: 300 },
    )
  })
}

test('documents missing a word are left out before scoring', () => {
  const index = indexOf(
    [
      { id: 'both', title: 'Sevastopol', text: 'Parliament ratifies the treaty' },
      { id: 'typo-and-prefix', title: 'Sevastopl', text: 'ratified' },
      { id: 'city', title: 'Sevastopol harbour', text: 'Fleet' },
      { id: 'treaty', title: 'Treaty', text: 'Kyiv ratifies' },
    ],
    TIMELINE_RULES,
  )
  assert.deepEqual(documentsWithEveryWord(index, 'sevastopol ratif', TIMELINE_RULES), new Set(['both', 'typo-and-prefix']))
  assert.deepEqual(documentsWithEveryWord(index, 'the sevastopol ratif', TIMELINE_RULES), new Set(['both', 'typo-and-prefix']))
  assert.deepEqual(documentsWithEveryWord(index, 'sevastopol minsk', TIMELINE_RULES), new Set())
  // One word: nothing to leave out.
  assert.equal(documentsWithEveryWord(index, 'the sevastopol', TIMELINE_RULES), null)
})

test('an index whose word lists cannot be read (another minisearch version) has every document scored', () => {
  const index = indexOf([{ id: 'a', title: 'Sevastopol', text: 'ratifies' }], TIMELINE_RULES)
  assert.deepEqual(documentsWithEveryWord(index, 'sevastopol ratifies', TIMELINE_RULES), new Set(['a']))
  const reshaped = Object.create(index, { _index: { value: new Map() } }) as MiniSearch<Doc>
  assert.equal(documentsWithEveryWord(reshaped, 'sevastopol ratifies', TIMELINE_RULES), null)
})
