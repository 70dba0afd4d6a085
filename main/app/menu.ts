/**
 * The native menu: File, Edit, View, Help (and the app menu on macOS) with each platform's usual
 * accelerators. Items send a MenuCommand to the window, which offers the same commands in its own
 * command menu. Single-letter shortcuts (N, J, K…) live in the window only, so they never fire
 * while the analyst is typing.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron'
import { noticeChannel, type MenuCommand } from '../ipc/contract'
import { showAboutDialog } from './about'
import { getMainWindow } from './window'

function send(command: MenuCommand): void {
  getMainWindow()?.webContents.send(noticeChannel('menuCommand'), command)
}

function item(label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions {
  return { label, accelerator, click: () => send(command) }
}

export function setupMenu(): void {
  const isMac = process.platform === 'darwin'
  const about: MenuItemConstructorOptions = { label: 'About Annalist', click: () => void showAboutDialog(getMainWindow()) }
  const preferences = item(isMac ? 'Settings…' : 'Preferences…', 'preferences', 'CmdOrCtrl+,')

  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: app.name,
            submenu: [about, { type: 'separator' }, preferences, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: '&File',
      submenu: [
        item('New Timeline', 'new-timeline', 'CmdOrCtrl+N'),
        item('Open…', 'open-timeline', 'CmdOrCtrl+O'),
        item('Save a Copy As…', 'save-copy', 'CmdOrCtrl+Shift+S'),
        item('Rename Timeline…', 'rename-timeline'),
        item('Close Timeline', 'close-timeline', 'CmdOrCtrl+W'),
        { type: 'separator' },
        item('Import…', 'import', 'CmdOrCtrl+I'),
        item('Export Data…', 'export-data', 'CmdOrCtrl+Shift+D'),
        item('Export Figure…', 'export-figure', 'CmdOrCtrl+Shift+E'),
        item('Merge a Colleague’s Timeline…', 'merge'),
        { type: 'separator' },
        item('Restore from Backup…', 'restore-backup'),
        { type: 'separator' },
        ...(isMac ? [] : [{ role: 'quit', label: 'E&xit' } as const]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // The window decides: in a text field these undo typing, elsewhere they undo timeline edits.
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        item('New Event…', 'new-event'),
        item('New Note on Selection', 'new-note'),
        item('New Note on Visible Span', 'new-span-note'),
        item('Find…', 'find', 'CmdOrCtrl+F'),
        ...(isMac ? [] : [{ type: 'separator' } as const, preferences]),
      ],
    },
    {
      label: '&View',
      submenu: [
        item('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
        item('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
        item('Fit Whole Timeline', 'zoom-fit', 'CmdOrCtrl+0'),
        item('Go to Date…', 'go-to-date', 'CmdOrCtrl+G'),
        item('Fold or Unfold the Notes Lane', 'fold-notes-lane'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      role: 'help',
      submenu: [item('Keyboard Shortcuts', 'show-shortcuts', 'CmdOrCtrl+/'), ...(isMac ? [] : [{ type: 'separator' } as const, about])],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
