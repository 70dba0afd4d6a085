/**
 * Opens the timeline files the operating system hands Annalist (double-click, command line, a file
 * dropped on the icon; main/app/openedFiles.ts watches for them) and tells the window, which reloads.
 */
import { dialog } from 'electron'
import path from 'node:path'
import { noticeChannel, type AnnalistNotices } from '../ipc/contract'
import type { Workspace } from '../workspace/workspace'
import type { OpenedTimelineFiles } from './openedFiles'
import { getMainWindow } from './window'

function tell(payload: AnnalistNotices['timelineOpened']): void {
  const window = getMainWindow()
  if (window && !window.isDestroyed()) window.webContents.send(noticeChannel('timelineOpened'), payload)
  else if ('error' in payload) dialog.showErrorBox('Annalist could not open the timeline', payload.error)
}

/**
 * Resolves once the files named at start are open, so the window's first view is the right
 * timeline; files that arrive later are opened one after another as they come.
 */
export function openTimelinesFromSystem(openedFiles: OpenedTimelineFiles, workspace: Workspace): Promise<void> {
  let opening = Promise.resolve()
  openedFiles.onOpen((file) => {
    opening = opening.then(() =>
      workspace.openFile(file).then(
        (opened) => tell({ title: opened.title }),
        (error: Error) => tell({ error: `${path.basename(file)}: ${error.message}` }),
      ),
    )
  })
  return opening
}
