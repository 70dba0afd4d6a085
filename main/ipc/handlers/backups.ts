/**
 * Saving and backups as the window sees them: the save state ("saved", "saving", "not saved —
 * retrying") and trying again at once, the list of snapshots for File ▸ Restore from backup…, and
 * restoring one.
 */
import type { HandlerMap } from '../handlers'
import type { TimelineSession } from '../../timelineSession'

export function backupHandlers(session: TimelineSession): Pick<HandlerMap, 'getSaveState' | 'retrySaving' | 'listBackups' | 'restoreBackup'> {
  return {
    getSaveState: async () => session.saveState,
    // The outcome arrives as a saveState notice; the answer is the state as the retry starts.
    retrySaving: async () => {
      session.retrySaveNow()
      return session.saveState
    },
    listBackups: () => session.listBackups(),
    restoreBackup: async (id) => {
      // Resolves once restored in memory and saved, or once saving it is being retried; either way
      // the window shows the restored timeline and the save state tells the rest.
      await session.restoreBackup(id)
      return session.view()
    },
  }
}
