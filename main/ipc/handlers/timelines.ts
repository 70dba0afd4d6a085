/**
 * File ▸ New, Open…, Open Recent, Save a Copy As…, Rename and Close as the main process sees them
 * (main/workspace/ holds the rules). Paths come only from native dialogs or the recent list; the
 * window calls `reload()` after any answer that switched the timeline.
 */
import type { HandlerMap } from '../handlers'
import type { TimelineSession } from '../../timelineSession'
import type { Workspace } from '../../workspace/workspace'
import { timelineNameFor } from '../../workspace/timelineLibrary'
import { editApplied } from './editing'

export type TimelineChannel = 'listTimelines' | 'newTimeline' | 'openTimeline' | 'saveTimelineCopy' | 'renameTimeline' | 'closeTimeline'

/** The native open dialog for timeline files; null when the analyst cancels. */
export type ChooseTimelineFile = () => Promise<string | null>
/** The native save dialog for Save a Copy As…; null when the analyst cancels. */
export type ChooseTimelineCopyPath = (request: { suggestedName: string }) => Promise<string | null>

export interface TimelineHandlerDeps {
  session: TimelineSession
  /** Without one (a test with no data folder) these channels say so instead of guessing a folder. */
  workspace?: Workspace
  chooseTimelineFile?: ChooseTimelineFile
  chooseTimelineCopyPath?: ChooseTimelineCopyPath
}

export function timelineHandlers({ session, workspace, chooseTimelineFile, chooseTimelineCopyPath }: TimelineHandlerDeps): Pick<HandlerMap, TimelineChannel> {
  const library = (): Workspace => {
    if (!workspace) throw new Error('there is no timeline library here (no data folder)')
    return workspace
  }
  return {
    listTimelines: () => library().listing(),
    newTimeline: (title) => library().newTimeline(title),
    openTimeline: async (choice) => {
      if ('library' in choice) return library().openLibraryTimeline(choice.library)
      if ('recent' in choice) return library().openRecent(choice.recent)
      if (!chooseTimelineFile) throw new Error('opening a file needs an open dialog, and none is available here')
      const file = await chooseTimelineFile()
      return file ? library().openFile(file) : null
    },
    saveTimelineCopy: async () => {
      if (!chooseTimelineCopyPath) throw new Error('saving a copy needs a save dialog, and none is available here')
      const file = await chooseTimelineCopyPath({ suggestedName: `${timelineNameFor(session.document.meta.title)} (copy).annalist.json` })
      return file ? { saved: true, ...(await library().saveCopy(file)) } : { saved: false }
    },
    renameTimeline: async (title) => editApplied(session.document, await library().rename(title)),
    closeTimeline: () => library().close(),
  }
}
