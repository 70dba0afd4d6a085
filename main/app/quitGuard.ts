/**
 * Keeps the analyst from losing edits that are not on disk yet: pushes every save-state change to
 * the window (so it can show "not saved — retrying"), finishes saving before quitting, and asks
 * before closing while a save is still failing (disk full, file held by another program).
 */
import { app, BrowserWindow, dialog } from 'electron'
import { noticeChannel } from '../ipc/contract'
import type { TimelineSession } from '../timelineSession'
import { windowPlacementSaved } from './window'

/** Long enough for any normal save (a 100,000-event file takes ~0.4 s), short enough not to hang a quit. */
const SAVE_WAIT_MS = 5_000

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

async function savedWithin(session: TimelineSession, ms: number): Promise<boolean> {
  if (session.saveState.state === 'saved') return true
  return Promise.race([session.flush().then(() => true), delay(ms).then(() => false)])
}

async function askToLeaveUnsaved(session: TimelineSession, parent: BrowserWindow | undefined): Promise<boolean> {
  const why = session.saveState.lastError ? ` because ${session.saveState.lastError}` : ''
  const options = {
    type: 'warning' as const,
    buttons: ['Keep Annalist Open', 'Quit and Lose These Changes'],
    defaultId: 0,
    cancelId: 0,
    message: 'Your latest changes are not saved',
    detail: `Annalist could not save your latest changes${why}. It keeps trying while it is open. If you quit now, those changes are lost; the file keeps its last saved version.`,
  }
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
  return response === 1
}

export function setupQuitGuard(session: TimelineSession): void {
  /** Set once everything is saved or the analyst chose to leave anyway. */
  let mayLeave = false
  let finished = false

  session.onSaveStateChange((state) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(noticeChannel('saveState'), state)
    }
  })

  async function readyToLeave(parent: BrowserWindow | undefined): Promise<boolean> {
    if (mayLeave || (await savedWithin(session, SAVE_WAIT_MS))) return (mayLeave = true)
    return (mayLeave = await askToLeaveUnsaved(session, parent))
  }

  app.on('browser-window-created', (_event, window) => {
    window.on('close', (event) => {
      if (mayLeave || session.saveState.state === 'saved') return
      event.preventDefault()
      void readyToLeave(window).then((leave) => leave && !window.isDestroyed() && window.close())
    })
  })

  app.on('before-quit', (event) => {
    if (finished) return
    event.preventDefault()
    void (async () => {
      if (!(await readyToLeave(BrowserWindow.getAllWindows()[0]))) return
      // Waits for the write in progress and takes a last snapshot, but never holds the quit for long.
      await Promise.race([Promise.all([session.close(), windowPlacementSaved()]), delay(SAVE_WAIT_MS)])
      finished = true
      app.quit()
    })()
  })
}
