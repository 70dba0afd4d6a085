/** Registers every contract channel with ipcMain through the one checking dispatcher. */
import { ipcMain, shell } from 'electron'
import { CHANNELS, ipcChannel } from '../ipc/contract'
import { createDispatcher } from '../ipc/dispatch'
import { createHandlers } from '../ipc/handlers'
import { APP_ORIGIN } from '../security/appUrl'
import type { TimelineSession } from '../timelineSession'
import { dataDir } from './paths'

export function setupIpc(session: TimelineSession): void {
  const dispatch = createDispatcher(createHandlers({ session, openInBrowser: (url) => shell.openExternal(url), dataDir: dataDir() }), APP_ORIGIN)
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannel(channel), (event, args: unknown) => dispatch(channel, { url: event.senderFrame?.url ?? '' }, args))
  }
}
