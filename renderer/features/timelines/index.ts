/**
 * Several timelines: File ▸ New, Open… (with the recent list), Save a Copy As…, Rename and Close.
 * The main process switches the open timeline; the window then reloads everything from it.
 */
import type { CurrentTimeline } from '../../../main/ipc/contract'
import { notices, request } from '../../api'
import type { AppContext } from '../../shell/appContext'
import { createTimelineChooser } from './timelineChooser'
import { createTitleDialog } from './titleDialog'
import { countOf } from '../../counts'

/** After the main process opened another timeline: nothing of the old one stays selected or framed. */
export async function showSwitchedTimeline(context: AppContext): Promise<void> {
  context.selection.set(null)
  await context.reload()
  context.timeline.fit()
}

function failure(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function mountTimelines(context: AppContext): void {
  const opened = async (current: CurrentTimeline | null, verb: string): Promise<void> => {
    if (!current) return
    await showSwitchedTimeline(context)
    context.status(`${verb} “${current.title}”${current.readOnly ? ' (read-only)' : ''}`)
  }

  const newDialog = createTitleDialog('New timeline', 'An empty timeline, kept in your library. The one open now is saved and closed.', 'Create', async (title) => {
    try {
      await opened(await request('newTimeline', title), 'Created')
      return null
    } catch (error) {
      return failure(error)
    }
  })
  const renameDialog = createTitleDialog('Rename timeline', 'The title shown on the timeline, in lists and on figures. Undo puts the old title back.', 'Rename', async (title) => {
    try {
      await request('renameTimeline', title)
      await context.reload()
      context.status(`Renamed to “${title.trim()}”`)
      return null
    } catch (error) {
      return failure(error)
    }
  })
  const chooser = createTimelineChooser(async (choice) => {
    try {
      await opened(await request('openTimeline', choice), 'Opened')
      return null
    } catch (error) {
      return failure(error)
    }
  })
  context.dialogs.append(newDialog.element, renameDialog.element, chooser.element)

  async function saveCopy(): Promise<void> {
    const saved = await request('saveTimelineCopy').catch(() => null)
    if (saved?.saved) context.status(`Saved a copy (${countOf(saved.events, 'event')}, ${countOf(saved.annotations, 'note')}) to ${saved.file}`)
  }

  async function close(): Promise<void> {
    const result = await request('closeTimeline').catch(() => null)
    if (!result) return
    if (result.closed) return opened(result.current, 'Closed the timeline; back to')
    // The default timeline has nothing behind it to go back to: offer the others instead.
    await chooser.open()
  }

  context.addCommand('new-timeline', 'New timeline…', () => newDialog.open(''))
  context.addCommand('open-timeline', 'Open timeline…', () => void chooser.open())
  context.addCommand('save-copy', 'Save a copy as…', () => void saveCopy())
  context.addCommand('rename-timeline', 'Rename timeline…', () => renameDialog.open(context.view().meta.title))
  context.addCommand('close-timeline', 'Close timeline', () => void close())

  // A timeline double-clicked in the file manager (or named on the command line) while Annalist runs.
  notices.on('timelineOpened', (payload) => {
    if ('error' in payload) context.status(payload.error, 'error')
    else void opened({ title: payload.title, name: null, location: '', readOnly: false }, 'Opened')
  })
}
