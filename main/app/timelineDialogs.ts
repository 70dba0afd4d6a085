/** File ▸ Open…'s and Save a Copy As…'s native dialogs, handed to the timeline handlers as functions. */
import { dialog } from 'electron'
import type { ChooseTimelineCopyPath, ChooseTimelineFile } from '../ipc/handlers/timelines'
import { getMainWindow } from './window'

const TIMELINE_FILTERS: Electron.FileFilter[] = [
  { name: 'Annalist timelines', extensions: ['annalist', 'json'] },
  { name: 'All files', extensions: ['*'] },
]

export const chooseTimelineFile: ChooseTimelineFile = async () => {
  const window = getMainWindow()
  const options: Electron.OpenDialogOptions = { title: 'Open a timeline', properties: ['openFile'], filters: TIMELINE_FILTERS }
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

export const chooseTimelineCopyPath: ChooseTimelineCopyPath = async ({ suggestedName }) => {
  const window = getMainWindow()
  const options: Electron.SaveDialogOptions = { title: 'Save a copy of this timeline', defaultPath: suggestedName, filters: TIMELINE_FILTERS }
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}
