/** The native menu: File, Edit, View, Help with each platform's usual accelerators. */
import { app, Menu, type MenuItemConstructorOptions } from 'electron'
import { noticeChannel, type MenuCommand } from '../ipc/contract'
import { getMainWindow } from './window'

function send(command: MenuCommand): void {
  getMainWindow()?.webContents.send(noticeChannel('menuCommand'), command)
}

export function setupMenu(): void {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [isMac ? { role: 'close' as const } : { role: 'quit' as const }],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', click: () => send('zoom-in') },
        { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', click: () => send('zoom-out') },
        { label: 'Fit Whole Timeline', accelerator: 'CmdOrCtrl+0', click: () => send('zoom-fit') },
        { label: 'Go to Date…', accelerator: 'CmdOrCtrl+G', click: () => send('go-to-date') },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: () => send('find') },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      role: 'help',
      submenu: [{ label: 'Keyboard Shortcuts', accelerator: 'Shift+/', click: () => send('show-shortcuts') }],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
