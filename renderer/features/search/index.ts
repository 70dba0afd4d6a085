/**
 * One search box over event titles, descriptions, sources and note text, answered as the analyst
 * types by the main process's index; matches are listed in the Search tab and emphasised on the
 * timeline, and "Fit view to results" frames them all. The filters narrow both the timeline and
 * the search. Keys: Ctrl/Cmd+F focuses the box; Escape in it clears it.
 */
import type { SearchQuery, SearchResults } from '../../../main/ipc/contract'
import type { SearchHit } from '../../../main/timelineIndex/viewportTypes'
import morphdom from 'morphdom'
import { request } from '../../api'
import { el } from '../../dom'
import type { AppContext } from '../../shell/appContext'
import { createSearchFilters } from './searchFilters'
import { wholeAnswer } from './wholeAnswer'
import { formatCount } from '../../counts'

const TYPING_DELAY_MS = 120
/** Hits listed; `total` still counts every match and `span` frames every placed one. */
const LISTED_HITS = 200

/** `text` with the words the search matched in <mark>, as text nodes only (never parsed as HTML). */
function withMarks(text: string, ranges: readonly [number, number][]): (string | HTMLElement)[] {
  const parts: (string | HTMLElement)[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start < at || end > text.length) continue
    if (start > at) parts.push(text.slice(at, start))
    parts.push(el('mark', { text: text.slice(start, end) }))
    at = end
  }
  if (at < text.length) parts.push(text.slice(at))
  return parts
}

/** Which row is which hit, so a list asked again keeps the rows it still shows. */
const hitKey = (hit: SearchHit) => `${hit.kind}:${hit.id}`

/** A row of the results; its clicks are handled by the list, which knows the hit the key names now. */
function hitRow(hit: SearchHit): HTMLElement {
  return el('li', { className: 'search-hit', attrs: { 'data-key': hitKey(hit) } }, [
    el('button', { className: 'search-hit-button', attrs: { type: 'button' } }, [
      el('span', { className: `search-hit-kind kind-${hit.kind}`, text: hit.kind === 'event' ? 'Event' : 'Note' }),
      el('span', { className: 'search-hit-body' }, [
        el('span', { className: 'search-hit-title' }, withMarks(hit.title, hit.marks.title)),
        hit.snippet && hit.snippet !== hit.title ? el('span', { className: 'search-hit-snippet' }, withMarks(hit.snippet, hit.marks.snippet)) : null,
      ]),
    ]),
  ])
}

/**
 * Shows `hits` in `list`, changing only the rows that differ. While a large timeline is indexed the
 * same search is answered again every second: rebuilt each time, the list would drop the keyboard
 * focus of a row reached with Tab, and a row pressed as it was replaced would never be clicked.
 */
function listHits(list: HTMLElement, hits: readonly SearchHit[]): void {
  const next = el('ul', {}, hits.map(hitRow))
  const keyOf = (node: Node) => (node instanceof HTMLElement ? node.dataset.key : undefined)
  morphdom(list, next, { childrenOnly: true, getNodeKey: keyOf })
}

/** A search still unanswered after this long says that it is under way. */
const SEARCH_WAITING_AFTER_MS = 300
const SEARCH_WAITING_WORDS = 'Searching… (a large timeline is indexed for a few seconds after it opens)'
/**
 * While a large timeline is still being indexed (seconds, for 100,000 events), the results listed
 * are those found so far, asked for again this often until the index is whole.
 */
const SO_FAR_AGAIN_MS = 1_000

/** The line above the results: how many matched, how many are listed, and whether the index is whole. */
export function countWords(results: SearchResults): string {
  const matches = `${results.total === 0 ? 'No' : formatCount(results.total)} ${results.total === 1 ? 'match' : 'matches'}`
  if (results.indexing) {
    const read = Math.floor((100 * results.indexing.indexed) / Math.max(1, results.indexing.of))
    return `${matches} so far: the timeline is still being indexed (${read} %)`
  }
  const shown = results.hits.length < results.total ? ` (first ${results.hits.length} listed)` : ''
  return `${matches}${shown}`
}

/** What a search asks, whatever the round: its words and filters. */
const questionOf = (asked: SearchQuery) => JSON.stringify({ text: asked.text.trim(), filter: asked.filter })

export function mountSearch(context: AppContext): void {
  const box = el('input', {
    className: 'search-box',
    attrs: { type: 'search', 'aria-label': 'Search', placeholder: 'Search', autocomplete: 'off', spellcheck: false, title: 'Search events and notes (Ctrl+F)' },
  })
  context.toolbar.add(el('div', { className: 'search-field', attrs: { role: 'search' } }, [box]))

  const count = el('p', { className: 'search-count', attrs: { role: 'status', 'aria-live': 'polite' } })
  const fitButton = el('button', { className: 'quiet-button', text: 'Fit view to results', attrs: { type: 'button', disabled: true } })
  const hitList = el('ul', { className: 'search-hits', attrs: { 'aria-label': 'Search results' } })
  const filters = createSearchFilters(() => applyFilters())
  const panel = el('div', { className: 'search-panel' }, [
    filters.element,
    el('div', { className: 'search-head' }, [count, fitButton]),
    hitList,
  ])
  const showTab = context.sidebar.addTab('Search', panel)

  let results: SearchResults | null = null
  /** The question the results shown answer (text, filters), to tell a new search from the same one asked again. */
  let shownQuestion = ''
  let sequence = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  /** The next asking while the answer shown covers only what is indexed so far. */
  let again: ReturnType<typeof setTimeout> | undefined

  function query(): SearchQuery {
    const chosen = filters.current()
    return {
      text: box.value,
      limit: LISTED_HITS,
      filter: {
        ...chosen.events,
        ...(chosen.lanes ? { lanes: chosen.lanes } : {}),
        ...(chosen.from !== undefined ? { from: chosen.from } : {}),
        ...(chosen.to !== undefined ? { to: chosen.to } : {}),
      },
    }
  }

  /** `asked`: the question `answer` is for, whose matches the timeline marks. */
  function show(answer: SearchResults | null, asked?: SearchQuery): void {
    results = answer
    shownQuestion = answer && asked ? questionOf(asked) : ''
    if (!answer) {
      hitList.removeAttribute('aria-busy')
      count.textContent = ''
      hitList.replaceChildren(el('li', { className: 'empty-list muted', text: 'Type in the search box to find events and notes by their words: titles, descriptions, sources and note text.' }))
      fitButton.disabled = true
      context.timeline.markSearch(null)
      return
    }
    count.textContent = countWords(answer)
    listHits(hitList, answer.hits)
    fitButton.disabled = answer.span === null
    // Marked once the index is whole: the timeline marks every match, and counts them in its clusters.
    const complete = asked && answer.total > 0 && !answer.indexing
    context.timeline.markSearch(complete ? { text: asked.text, filter: asked.filter } : null)
  }

  /**
   * Asks the index; an answer to an older keystroke is dropped when a newer question is out. As the
   * analyst types, the answer comes at once from what a large timeline has indexed so far, and is
   * asked again until it is whole; `whole` waits for it instead (Enter goes to the best match),
   * showing what is found so far meanwhile.
   */
  async function search(whole = false): Promise<void> {
    const mine = ++sequence
    clearTimeout(again)
    if (!box.value.trim()) return show(null)
    const asked = query()
    // Assistive tech (and the tests) can tell the list is about to change.
    hitList.setAttribute('aria-busy', 'true')
    // Answers come in tens of milliseconds, but a large timeline's index is still being built for
    // a few seconds after it opens, and a whole answer waits for it: say so rather than nothing.
    // The same search asked again (Enter while indexing, a reload) keeps what it has found so far.
    const waiting = setTimeout(() => {
      if (mine !== sequence || questionOf(asked) === shownQuestion) return
      count.textContent = SEARCH_WAITING_WORDS
      hitList.replaceChildren()
    }, SEARCH_WAITING_AFTER_MS)
    const soFar = () => request('search', { ...asked, soFar: true }).catch(() => null)
    const answer = whole
      ? await wholeAnswer({
          ask: (partly) => (partly ? soFar() : request('search', asked).catch(() => null)),
          meanwhile(found) {
            clearTimeout(waiting)
            show(found, asked)
          },
          wanted: () => mine === sequence,
          againMs: SO_FAR_AGAIN_MS,
        })
      : await soFar()
    clearTimeout(waiting)
    if (mine !== sequence) return
    hitList.removeAttribute('aria-busy')
    // Not answered: the status line has the main process's words; the count says nothing stale.
    if (!answer) return void (count.textContent = '')
    show(answer, asked)
    if (answer.indexing) again = setTimeout(() => mine === sequence && void search(), SO_FAR_AGAIN_MS)
  }

  function searchSoon(): void {
    clearTimeout(timer)
    timer = setTimeout(() => void search(), TYPING_DELAY_MS)
  }

  function applyFilters(): void {
    const chosen = filters.current()
    context.timeline.showLanes(chosen.lanes)
    context.timeline.setFilter(chosen.events)
    if (chosen.from !== undefined && chosen.to !== undefined && chosen.from < chosen.to) context.timeline.frame(chosen.from, chosen.to)
    void search()
  }

  function openHit(hit: SearchHit): void {
    if (hit.span) context.timeline.frame(hit.span.start, hit.span.end)
    context.selection.set({ kind: hit.kind === 'event' ? 'event' : 'annotation', id: hit.id })
  }

  hitList.addEventListener('click', (event) => {
    const row = event.target instanceof Element ? event.target.closest<HTMLElement>('.search-hit') : null
    const hit = row && results?.hits.find((shown) => hitKey(shown) === row.dataset.key)
    if (hit) openHit(hit)
  })
  fitButton.addEventListener('click', () => {
    if (results?.span) context.timeline.frame(results.span.start, results.span.end)
  })
  box.addEventListener('input', () => {
    if (box.value.trim()) showTab()
    searchSoon()
  })
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      // Clear the box (not the selection behind it); a second Escape leaves it.
      event.preventDefault()
      event.stopPropagation()
      if (box.value) {
        box.value = ''
        void search()
      } else box.blur()
    } else if (event.key === 'Enter') {
      // Enter goes to the best match.
      event.preventDefault()
      clearTimeout(timer)
      void search(true).then(() => {
        const best = results?.hits[0]
        if (best) openHit(best)
      })
    }
  })

  function focusBox(): void {
    showTab()
    box.focus()
    box.select()
  }
  context.shortcuts.add({ keys: ['Mod+f', '/'], label: 'Search', run: focusBox })
  context.addCommand('find', 'Find…', focusBox)

  // Its tag suggestions are asked for after the timeline's first drawing, which the window needs first.
  void context.timeline.firstDrawing.then(() => filters.offer(context.view()))
  context.onReload((view) => {
    filters.offer(view)
    void search()
  })
  show(null)
}
