/** Annalist's main process: a short list of setup steps. */
import { app } from 'electron'
import { registerAppScheme, setupAppProtocol } from './app/protocol'
import { setupGuards } from './app/guards'
import { createMainWindow, focusMainWindow } from './app/window'
import { setupIpc } from './app/ipc'
import { setupMenu } from './app/menu'
import { bundledDataDir, dataDir } from './app/paths'
import { ensureDefaultTimeline } from './store/library'
import { TimelineSession } from './timelineSession'

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', focusMainWindow)
  registerAppScheme()
  setupGuards()
  app.whenReady().then(async () => {
    setupAppProtocol()
    const file = await ensureDefaultTimeline({ dataDir: dataDir(), bundledDataDir: bundledDataDir() })
    setupIpc(await TimelineSession.open(file))
    setupMenu()
    createMainWindow()
  })
  app.on('window-all-closed', () => app.quit())
}
