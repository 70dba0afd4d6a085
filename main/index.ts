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
import { TimelineSession } from './timelineSession'
import { Workspace, timelineToOpenAtStart } from './workspace/workspace'
import { watchOpenedTimelineFiles } from './app/openedFiles'
import { whenTimelineMayBeRead } from './workspace/windowFirst'
import { openTimelinesFromSystem } from './app/openedTimelines'

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', focusMainWindow)
  registerAppScheme()
  setupGuards()
  // Watched from the start: macOS announces a double-clicked file before the app is ready.
  const openedFiles = watchOpenedTimelineFiles(app, process.argv, process.cwd())
  app.whenReady().then(async () => {
    setupAppProtocol()
    setupAbout()
    const paths = { dataDir: dataDir(), bundledDataDir: bundledDataDir() }
    // The window loads while the timeline opens; a large one is read once the window shows.
    let windowShown!: () => void
    const shown = new Promise<void>((resolve) => (windowShown = resolve))
    const opening = (async () => {
      const start = await timelineToOpenAtStart(paths)
      await whenTimelineMayBeRead(start.file, shown)
      const session = await TimelineSession.open(start.file, start.place)
      const workspace = new Workspace(session, paths)
      void workspace.rememberCurrent().catch(() => undefined)
      await openTimelinesFromSystem(openedFiles, workspace)
      setupQuitGuard(session)
      return { session, workspace }
    })()
    setupIpc(opening)
    setupMenu()
    const window = await createMainWindow()
    window.once('ready-to-show', windowShown)
    await opening
  })
  app.on('window-all-closed', () => app.quit())
}
