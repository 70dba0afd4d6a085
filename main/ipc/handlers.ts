/**
 * The main process's answer to every channel. Plain Node: the Electron glue registers these with
 * ipcMain, and the Chromium e2e target calls the very same functions through a page binding.
 */
import type { AnnalistContract, Channel } from './contract'
import type { TimelineSession } from '../timelineSession'
import { describeDate, readEnteredDate } from '../domain/dates'
import { parseExternalUrl } from '../security/externalUrl'
import { eventsTitled, titlesOf } from '../domain/eventTitles'
import { backupHandlers } from './handlers/backups'
import { createEditingHandlers } from './handlers/editing'
import { figureHandlers, type ChooseSavePath } from './handlers/figures'
import type { FigureProgress } from '../figure/figureResults'
import { transferHandlers, type ChooseExportPath, type ChooseOpenPath } from './handlers/transfer'
import { viewportHandlers } from './handlers/viewport'
import { timelineHandlers, type ChooseTimelineCopyPath, type ChooseTimelineFile } from './handlers/timelines'
import type { Workspace } from '../workspace/workspace'
import { AuthorPreferences } from '../preferences/authorPreferences'
import { WindowActivity } from '../timelineIndex/windowActivity'

export type HandlerMap = {
  [K in Channel]: (...args: AnnalistContract[K]['args']) => Promise<AnnalistContract[K]['result']>
}

export interface HandlerDeps {
  session: TimelineSession
  /** Opens a vetted http(s) URL in the system browser (Electron's shell in the app). */
  openInBrowser: (url: string) => Promise<void>
  /** The analyst's data folder, for preferences; without it the author's name lasts for this run only. */
  dataDir?: string
  /** File ▸ Export figure…'s native save dialog (a temp path in e2e); without it figures cannot be exported. */
  chooseSavePath?: ChooseSavePath
  /** The bundled fonts folder (app path + data/fonts) for figures; looked for upward from the script when absent. */
  fontsDir?: string
  /** File ▸ Import… / Merge…'s native open dialog; without it nothing can be imported or merged. */
  chooseOpenPath?: ChooseOpenPath
  /** File ▸ Export data…'s (and "import into a new timeline"'s) native save dialog. */
  chooseExportPath?: ChooseExportPath
  /** Pushes a long import's progress to the window (the `importProgress` notice). */
  reportImportProgress?: (progress: { done: number; total: number }) => void
  /** Pushes a figure export's progress to the window (the `figureProgress` notice). */
  reportFigureProgress?: (progress: FigureProgress) => void
  /** The timeline library (File ▸ New, Open, Close…); without it those channels say none is here. */
  workspace?: Workspace
  /** File ▸ Open…'s native open dialog and Save a Copy As…'s save dialog. */
  chooseTimelineFile?: ChooseTimelineFile
  chooseTimelineCopyPath?: ChooseTimelineCopyPath
}

/** Each request counts as the window waiting while it is answered (not while it waits on a dialog): indexing for search is held meanwhile. */
function heldWhileAnswering(handlers: HandlerMap, activity: WindowActivity): HandlerMap {
  const answering = Object.entries(handlers).map(([channel, handler]) => [
    channel,
    (...args: unknown[]) => activity.whileAnswering(() => (handler as (...a: unknown[]) => Promise<unknown>)(...args)),
  ])
  return Object.fromEntries(answering) as HandlerMap
}

export function createHandlers({ session, openInBrowser, dataDir, chooseSavePath, fontsDir, chooseOpenPath, chooseExportPath, reportImportProgress, reportFigureProgress, workspace, chooseTimelineFile, chooseTimelineCopyPath }: HandlerDeps): HandlerMap {
  const activity = new WindowActivity()
  // A native dialog open is time the window does not wait for this process (see WindowActivity).
  const dialog = <A extends unknown[], R>(choose?: (...args: A) => Promise<R>) => choose && ((...args: A) => activity.whileChoosing(() => choose(...args)))
  return heldWhileAnswering({
    ...backupHandlers(session),
    ...createEditingHandlers(session, new AuthorPreferences(dataDir ?? null)),
    ...figureHandlers({ session, dataDir, chooseSavePath: dialog(chooseSavePath), fontsDir, reportFigureProgress }),
    ...transferHandlers({ session, chooseOpenPath: dialog(chooseOpenPath), chooseExportPath: dialog(chooseExportPath), reportImportProgress }),
    ...viewportHandlers(session, activity),
    ...timelineHandlers({ session, workspace, chooseTimelineFile: dialog(chooseTimelineFile), chooseTimelineCopyPath: dialog(chooseTimelineCopyPath) }),
    getEvent: async (id) => session.eventDetail(id),
    eventTitles: async (ids) => titlesOf(session.document.events, ids),
    eventsTitled: async (typed) => eventsTitled(session.document.events, typed),
    previewDate: async (text) => {
      const reading = readEnteredDate(text)
      return reading.ok
        ? { words: describeDate(text), span: reading.span, error: null }
        : { words: '', span: null, error: reading.error }
    },
    openExternal: async (url) => {
      const parsed = parseExternalUrl(url)
      if (!parsed) throw new Error('only web links (http or https) can be opened')
      await openInBrowser(parsed.href)
    },
  }, activity)
}
