/**
 * The drawings the timeline asks the engine for, kept a little while. Once a move has been drawn,
 * the timeline fetches in the background the windows one step away (zoom in, zoom out, pan either
 * side), so a button or arrow-key step finds its drawing here instead of waiting on a round trip to
 * the main process; and a window asked for again while its drawing is on its way (opening asks
 * three times as the window settles) is fetched once. Any change to what is drawn (events, notes,
 * lanes, filter) forgets them all.
 */
import type { ViewportDrawing, ViewportQuery } from '../../main/timelineIndex/viewportTypes'
import { bucketMsFor, sliceStillFits } from '../../main/timelineIndex/viewportRules'

type Source = (query: ViewportQuery) => Promise<ViewportDrawing>

interface Drawing {
  query: ViewportQuery
  /** Null when the engine could not answer (the step then asks again). */
  answer: Promise<ViewportDrawing | null>
  arrived: ViewportDrawing | null
}

/** The four windows one step away, plus the last step's neighbours while the analyst keeps going. */
const MOST_KEPT = 8

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {})

/** What a drawing marks besides the window's events: the search shown, and whether the Notes lane is folded. */
export type ShownMarks = Pick<ViewportQuery, 'search' | 'notesFolded'>

/** Asked for with the same search and Notes lane as `shown`: it marks what a window showing them should. */
export function marksAlike(asked: ShownMarks, shown: ShownMarks): boolean {
  return sameValue(asked.search, shown.search) && asked.notesFolded === shown.notesFolded
}

/** Same lanes, filter, marks and drawing width: an answer for one is an answer for the other. */
function sameSelection(a: ViewportQuery, b: ViewportQuery): boolean {
  return a.widthPx === b.widthPx && String(a.laneIds) === String(b.laneIds) && sameValue(a.filter, b.filter) && marksAlike(a, b)
}

/**
 * A drawing asked for with `asked` shows the notes a window choosing `chosenNote` should: the chosen
 * note (asked for, or drawn anyway as one of the most recently edited), and no note drawn only
 * because it was chosen before.
 */
export function showsChosenNote(asked: ViewportQuery, arrived: ViewportDrawing | null, chosenNote: string | undefined): boolean {
  if (asked.chosenNote === chosenNote) return true
  return asked.chosenNote === undefined && Boolean(arrived?.notes.some((note) => note.id === chosenNote))
}

/** True when `drawing` (arrived or on its way) can draw `query`'s window as it is. */
function draws(drawing: Drawing, query: ViewportQuery): boolean {
  if (!sameSelection(drawing.query, query) || !showsChosenNote(drawing.query, drawing.arrived, query.chosenNote)) return false
  if (drawing.arrived) return sliceStillFits(drawing.arrived, query, query.widthPx)
  // On its way: its answer will cover at least the window it asked for, at that window's bucket.
  const asked = drawing.query
  return (
    query.start >= asked.start &&
    query.end <= asked.end &&
    bucketMsFor(query.end - query.start, query.widthPx) === bucketMsFor(asked.end - asked.start, asked.widthPx)
  )
}

export class DrawingsAhead {
  private drawings: Drawing[] = []
  /** The question each answer was given to (kept as long as the answer is, however long ago it was fetched). */
  private readonly questions = new WeakMap<ViewportDrawing, ViewportQuery>()

  constructor(private readonly source: Source) {}

  /** The drawing for `query`, if one was fetched ahead (it may still be on its way). */
  find(query: ViewportQuery): Promise<ViewportDrawing | null> | null {
    return this.drawings.find((drawing) => draws(drawing, query))?.answer ?? null
  }

  /** The drawing for `query`: one fetched ahead, one on its way (asked twice, it is fetched once), or asked now. */
  drawing(query: ViewportQuery): Promise<ViewportDrawing | null> {
    const known = this.find(query)
    if (known) return known
    const drawing: Drawing = { query, answer: Promise.resolve(null), arrived: null }
    drawing.answer = this.source(query).then(
      (answer) => {
        this.questions.set(answer, query)
        return (drawing.arrived = answer)
      },
      () => {
        this.drawings = this.drawings.filter((kept) => kept !== drawing)
        return null
      },
    )
    this.drawings = [drawing, ...this.drawings].slice(0, MOST_KEPT)
    return drawing.answer
  }

  /**
   * What `answer` was asked for. A drawing fetched for one window also draws nearby ones, and what
   * it shows (where its clusters begin and end) follows the window asked for, not the one shown.
   */
  askedFor(answer: ViewportDrawing): ViewportQuery | null {
    return this.questions.get(answer) ?? null
  }

  /** Fetches `query` in the background unless a drawing for it is here or on its way. */
  fetch(query: ViewportQuery): void {
    void this.drawing(query)
  }

  /** What is drawn has changed: every drawing fetched ahead is out of date. */
  forget(): void {
    this.drawings = []
  }
}
