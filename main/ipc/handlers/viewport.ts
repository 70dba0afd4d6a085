/**
 * The timeline engine as the window sees it: what to draw for a window (`viewportItems`), the
 * overview strip's counts (`densityOverview`) and search. The indexes follow whatever document the
 * session holds when asked (edits, Undo, imports and restored backups alike): `sync` compares the
 * session's document with the one indexed, which costs nothing when it has not changed.
 */
import type { HandlerMap } from '../handlers'
import type { TimelineSession } from '../../timelineSession'
import { TimelineIndexes } from '../../timelineIndex/timelineIndexes'

export function viewportHandlers(session: TimelineSession): Pick<HandlerMap, 'viewportItems' | 'densityOverview' | 'search'> {
  const indexes = new TimelineIndexes({ searchBuild: 'at-open' })
  const current = () => {
    indexes.sync(session.document)
    return indexes
  }
  // Index right after opening rather than on the first scroll, but after the window has had its turn.
  setImmediate(current)
  return {
    viewportItems: async (query) => {
      const { members: _members, ...slice } = current().viewportItems(query)
      return slice
    },
    densityOverview: async (bins) => current().densityOverview(bins),
    search: (query) => current().search(query),
  }
}
