/**
 * Enter asks for a search's whole answer, which waits for the index to be complete: seconds, in
 * the first moments after a large timeline opens (100,000 events take ~10 s to index). Meanwhile
 * the list shows what is found so far, asked again while the wait lasts, rather than nothing.
 */

/** What a search answers; `indexing` is set when it covers only what is indexed so far. */
interface Answer {
  indexing?: unknown
}

export interface WholeAnswerAsking<A extends Answer> {
  /** Asks the search: for the whole answer, or (`soFar`) for what the index holds now. Null: not answered. */
  ask(soFar: boolean): Promise<A | null>
  /** Shows an answer found so far; called only before the whole answer has arrived. */
  meanwhile(answer: A): void
  /** False once the analyst has asked something else: nothing more is asked for this search. */
  wanted(): boolean
  /** How often to ask again for what is found so far. */
  againMs: number
}

/** Resolves with the whole answer; until it comes, answers found so far go to `meanwhile`. */
export function wholeAnswer<A extends Answer>({ ask, meanwhile, wanted, againMs }: WholeAnswerAsking<A>): Promise<A | null> {
  let arrived = false
  const whole = ask(false).finally(() => (arrived = true))
  const waitAgain = () => new Promise<void>((resolve) => setTimeout(resolve, againMs))
  void (async () => {
    // The first so-far answer is asked at once: the whole one may be seconds away.
    while (!arrived && wanted()) {
      const soFar = await ask(true)
      if (arrived || !wanted() || !soFar) return
      meanwhile(soFar)
      // Complete already: the whole answer is on its way with the same hits.
      if (!soFar.indexing) return
      await Promise.race([whole.catch(() => undefined), waitAgain()])
    }
  })()
  return whole
}
