/** Annalist's main process: a short list of setup steps. */
import { app } from 'electron'
import { registerAppScheme, setupAppProtocol } from './app/protocol'
import { setupGuards } from './app/guards'
import { createMainWindow, focusMainWindow } from './app/window'
import { setupIpc } from './app/ipc'
import { setupMenu } from './app/menu'
import { setupAbout } from './app/about'
import { setupQuitGuard } from './app/quitGuard'
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
    setupAbout()
    const paths = { dataDir: dataDir(), bundledDataDir: bundledDataDir() }
    const session = await TimelineSession.open(await ensureDefaultTimeline(paths), paths)
    setupIpc(session)
    setupQuitGuard(session)
    setupMenu()
    await createMainWindow()
  })
  app.on('window-all-closed', () => app.quit())
}
