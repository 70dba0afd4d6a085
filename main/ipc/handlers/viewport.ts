/**
 * The timeline engine as the window sees it: the timeline's outline (`loadTimeline`, the window's
 * first question), what to draw for a window (`viewportItems`: events,
 * clusters and the notes on that stretch), the overview strip's counts (`densityOverview`),
 * search, J / K's next event in time order (`stepEvent`) and the tags in use (`tagsInUse`). The
 * indexes follow whatever document the session holds when asked (edits, Undo, imports and
 * restored backups alike): `sync` compares the session's document with the one indexed, which
 * costs nothing when it has not changed.
 */
import type { HandlerMap } from '../handlers'
import type { TimelineSession } from '../../timelineSession'
import { TimelineIndexes } from '../../timelineIndex/timelineIndexes'
import type { WindowActivity } from '../../timelineIndex/windowActivity'
import { noteCountsByEvent, notesInWindow, prepareNotesForDrawings } from '../../domain/annotationList'

/**
 * Notes beyond these in the stretch drawn (the window and a window width either side) are summed up
 * in one "zoom in" bar rather than drawn: at most 60, and when there are more than 12, two starting
 * in each stretch of four buckets (200–400 px, about a label's width) and three running across the
 * whole stretch. With 100 and no spacing, the Notes lane of a timeline with 10,000 notes stacked
 * twenty rows deep and pushed every event lane out of the window.
 */
const NOTES_DRAWN = { most: 60, bucketsApart: 4, notesApart: 2, spacedBeyond: 12, across: 3 }
/** The window has drawn by then; the search index is built after it (or at the first search). */
const SEARCH_BUILD_DELAY_MS = 2_000

export function viewportHandlers(
  session: TimelineSession,
  activity: WindowActivity,
): Pick<HandlerMap, 'loadTimeline' | 'viewportItems' | 'clusterHolding' | 'densityOverview' | 'search' | 'stepEvent' | 'tagsInUse'> {
  const indexes = new TimelineIndexes({ searchBuild: 'at-open', searchBuildDelayMs: SEARCH_BUILD_DELAY_MS, activity })
  const current = () => {
    indexes.sync(session.document)
    return indexes
  }
  let outlined = false
  return {
    // The first outline, then the indexes and the notes in the order drawings take them, which the
    // window asks of next (its first drawing): made while it sets itself up with the outline. Built
    // as the timeline opened, the indexes held that answer back by the time they take (0.3–0.6 s at
    // 100,000 events) and the window's set-up came after it. Later outlines (the window reloads
    // after each event edit and Undo) take the range from them.
    loadTimeline: async () => {
      if (outlined) return session.view(current().range())
      outlined = true
      const view = session.view()
      setImmediate(() => {
        current()
        prepareNotesForDrawings(session.document)
      })
      return view
    },
    viewportItems: async (query) => {
      const { members: _members, ...slice } = current().viewportItems(query)
      const document = session.document
      const counts = noteCountsByEvent(document)
      const noteCounts: Record<string, number> = {}
      for (const item of slice.items) {
        const count = counts.get(item.eventId)
        if (count) noteCounts[item.eventId] = count
      }
      const spacing = { ms: slice.bucketMs * NOTES_DRAWN.bucketsApart, notes: NOTES_DRAWN.notesApart, beyond: NOTES_DRAWN.spacedBeyond, across: NOTES_DRAWN.across }
      return { ...slice, ...notesInWindow(document, slice.covered, { most: query.notesFolded ? 0 : NOTES_DRAWN.most, spacing, chosen: query.chosenNote }), noteCounts }
    },
    clusterHolding: async (eventId, query) => current().clusterHolding(eventId, query),
    densityOverview: async (bins, search) => current().densityOverview(bins, search ?? undefined),
    search: (query) => current().search(query),
    stepEvent: async (fromId, direction) => current().step(fromId, direction),
    tagsInUse: async () => current().tagsInUse(),
  }
}
