/**
 * The native open and save dialogs the handlers ask for. The handlers never see a dialog: they
 * receive these as functions, so the e2e harness can answer them with temp paths instead.
 */
import { dialog } from 'electron'
import path from 'node:path'
import type { ChooseSavePath } from '../ipc/handlers/figures'
import type { ChooseExportPath, ChooseOpenPath } from '../ipc/handlers/transfer'
import { getMainWindow } from './window'

const FIGURE_FILTERS = { png: 'PNG image', svg: 'SVG drawing', pdf: 'PDF document' } as const

async function save(defaultPath: string, filters: Electron.FileFilter[]): Promise<string | null> {
  const window = getMainWindow()
  const options = { defaultPath, filters }
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}

export const chooseFigurePath: ChooseSavePath = ({ suggestedName, format }) =>
  save(suggestedName, [{ name: FIGURE_FILTERS[format], extensions: [format] }])

export const chooseExportPath: ChooseExportPath = ({ suggestedName }) =>
  save(suggestedName, [{ name: 'Export', extensions: [path.extname(suggestedName).slice(1) || '*'] }])

export const chooseOpenPath: ChooseOpenPath = async ({ purpose, extensions }) => {
  const window = getMainWindow()
  const options: Electron.OpenDialogOptions = {
    title: purpose === 'merge' ? 'Merge a colleague’s timeline' : 'Import into this timeline',
    properties: ['openFile'],
    filters: [
      { name: 'Files Annalist can read', extensions: extensions.map((ext) => ext.replace(/^\./, '')) },
      { name: 'All files', extensions: ['*'] },
    ],
  }
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}
