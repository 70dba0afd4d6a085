/**
 * Registers every contract channel with ipcMain through the one checking dispatcher. Registered
 * before the timeline has opened, so the window can load while a large file is read: requests
 * wait for it.
 */
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

export function setupIpc(opening: Promise<{ session: TimelineSession; workspace: Workspace }>): void {
  const dispatching = opening.then(({ session, workspace }) => createDispatcher(handlersFor(session, workspace), APP_ORIGIN))
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannel(channel), async (event, args: unknown) => (await dispatching)(channel, { url: event.senderFrame?.url ?? '' }, args))
  }
}

function handlersFor(session: TimelineSession, workspace: Workspace) {
  return createHandlers({
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
}
