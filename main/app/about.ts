/**
 * The About box (version, licence, data folder), shown from the Help menu on Windows and Linux and
 * from the app menu on macOS, where the system's own About panel is given the same facts.
 *
 * Wiring: call `setupAbout()` once the app is ready; the Help menu's "About Annalist" item calls
 * `showAboutDialog(getMainWindow())` (on macOS the app menu's `role: 'about'` shows the panel).
 */
import { app, dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron'
import packageJson from '../../package.json'
import { aboutDetails, type AboutFacts } from './aboutDetails'
import { dataDir } from './paths'

export function aboutFacts(): AboutFacts {
  return {
    productName: packageJson.productName,
    version: app.getVersion(),
    licence: packageJson.license,
    copyright: `© ${new Date().getFullYear()} ${packageJson.author}`,
    dataDir: dataDir(),
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
  }
}

const OPEN_DATA_FOLDER = 1

export async function showAboutDialog(parent?: BrowserWindow | null): Promise<void> {
  const facts = aboutFacts()
  const details = aboutDetails(facts)
  const options: MessageBoxOptions = {
    type: 'info',
    title: details.title,
    message: details.message,
    detail: details.detail,
    buttons: ['OK', 'Open Data Folder'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  }
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
  // The data folder is Annalist's own path, never a value from a timeline, so opening it is safe.
  if (response === OPEN_DATA_FOLDER) await shell.openPath(facts.dataDir)
}

export function setupAbout(): void {
  const facts = aboutFacts()
  const details = aboutDetails(facts)
  app.setAboutPanelOptions({
    applicationName: facts.productName,
    applicationVersion: facts.version,
    copyright: `${facts.copyright}. ${facts.licence} licence.`,
    credits: details.detail,
  })
}
