/**
 * File ▸ Restore from Backup…: lists the snapshots Annalist keeps of this timeline (time, events,
 * notes) and restores one. The main process backs up the current state first, so a restore can
 * itself be undone by restoring again.
 */
import type { BackupSummary } from '../../main/ipc/contract'
import { request } from '../api'
import { el } from '../dom'
import type { AppContext } from '../shell/appContext'
import { whenStamped } from '../timeWords'

export function mountBackups(context: AppContext): void {
  const list = el('tbody')
  const message = el('p', { className: 'muted', attrs: { role: 'status' } })
  const dialog = el('dialog', { className: 'dialog backups', attrs: { 'aria-label': 'Restore from backup' } }, [
    el('h2', { text: 'Restore from backup' }),
    el('p', { className: 'muted', text: 'Annalist keeps a snapshot when a timeline opens and every few minutes while it changes. Restoring keeps a snapshot of the current state first.' }),
    el('table', { className: 'data-table' }, [
      el('thead', {}, [el('tr', {}, [el('th', { text: 'Taken' }), el('th', { text: 'Events' }), el('th', { text: 'Notes' }), el('th', { text: '' })])]),
      list,
    ]),
    message,
    el('div', { className: 'dialog-buttons' }, [el('button', { text: 'Close', attrs: { type: 'button' }, on: { click: () => dialog.close() } })]),
  ])
  context.dialogs.append(dialog)

  async function restore(backup: BackupSummary): Promise<void> {
    message.textContent = 'Restoring…'
    try {
      await request('restoreBackup', backup.id)
    } catch {
      message.textContent = 'The backup could not be restored; the timeline is unchanged.'
      return
    }
    await context.reload()
    dialog.close()
    context.status(`Restored the backup from ${whenStamped(backup.time)}`)
  }

  async function open(): Promise<void> {
    const backups = await request('listBackups').catch(() => [] as BackupSummary[])
    list.replaceChildren(
      ...backups.map((backup) =>
        el('tr', {}, [
          el('td', { text: whenStamped(backup.time) }),
          el('td', { text: String(backup.events) }),
          el('td', { text: String(backup.annotations) }),
          el('td', {}, [
            el('button', {
              text: 'Restore',
              attrs: { type: 'button', 'aria-label': `Restore the backup from ${whenStamped(backup.time)}` },
              on: { click: () => void restore(backup) },
            }),
          ]),
        ]),
      ),
    )
    message.textContent = backups.length ? '' : 'No backups yet.'
    dialog.showModal()
  }

  context.addCommand('restore-backup', 'Restore from backup…', () => void open())
}
