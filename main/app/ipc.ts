/** Registers every contract channel with ipcMain through the one checking dispatcher. */
import { ipcMain, shell } from 'electron'
import path from 'node:path'
import { CHANNELS, ipcChannel, noticeChannel } from '../ipc/contract'
import { createDispatcher } from '../ipc/dispatch'
import { createHandlers } from '../ipc/handlers'
import { APP_ORIGIN } from '../security/appUrl'
import type { TimelineSession } from '../timelineSession'
import type { Workspace } from '../workspace/workspace'
import { chooseTimelineCopyPath, chooseTimelineFile } from './timelineDialogs'
import { chooseExportPath, chooseFigurePath, chooseOpenPath } from './dialogs'
import { bundledDataDir, dataDir } from './paths'
import { getMainWindow } from './window'

export function setupIpc(session: TimelineSession, workspace: Workspace): void {
  const handlers = createHandlers({
    session,
    openInBrowser: (url) => shell.openExternal(url),
    dataDir: dataDir(),
    fontsDir: path.join(bundledDataDir(), 'fonts'),
    chooseSavePath: chooseFigurePath,
    chooseOpenPath,
    chooseExportPath,
    workspace,
    chooseTimelineFile,
    chooseTimelineCopyPath,
    reportImportProgress: (progress) => getMainWindow()?.webContents.send(noticeChannel('importProgress'), progress),
    reportFigureProgress: (progress) => getMainWindow()?.webContents.send(noticeChannel('figureProgress'), progress),
  })
  const dispatch = createDispatcher(handlers, APP_ORIGIN)
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannel(channel), (event, args: unknown) => dispatch(channel, { url: event.senderFrame?.url ?? '' }, args))
  }
}
