/** The Annalist window: loads the open timeline, lays out the shell and mounts each feature. */
import 'vis-timeline/styles/vis-timeline-graph2d.css'
import './styles/app.css'
import './styles/notes.css'
import './styles/overview.css'
import './styles/exportFigure.css'
import './styles/editing.css'
import './styles/search.css'
import './styles/timelinesAndTransfer.css'
import { request } from './api'
import { el } from './dom'
import { createShell } from './shell/appShell'
import { mountNavigation } from './features/navigation'
import { mountEventDetails } from './features/eventDetails'
import { mountSaveStatus } from './features/saveStatus'
import { mountBackups } from './features/backups'
import { mountNotesOnTimeline } from './features/notesOnTimeline'
import { mountPreferences } from './features/preferences'
import { mountNotes } from './features/notes'
import { mountTimelines } from './features/timelines'
import { mountTransfer } from './features/transfer'
import { mountExportFigure } from './features/exportFigure'
import { mountUndoRedo } from './features/undoRedo'
import { mountEventEditing } from './features/events'
import { mountLanes } from './features/lanes'
import { mountSearch } from './features/search'
import { mountDensityStrip } from './features/densityStrip'

/**
 * The timeline measures a label once, when it is first drawn: drawn before its font has arrived, a
 * label keeps the fallback font's width, and its neighbours are stacked by that (note labels were
 * measured up to 58 px off when the italic face, otherwise fetched only once a note is laid out,
 * came late). So every face is asked for as the window starts, and the shell waits for them with
 * the timeline; once they are in, waiting costs nothing.
 */
const FACES = ['400 12px', '600 12px', 'italic 400 12px'].map((face) => `${face} "IBM Plex Sans"`)
const fontsLoaded = Promise.all(FACES.map((face) => document.fonts.load(face))).catch(() => undefined)

async function start(root: HTMLElement): Promise<void> {
  const [view] = await Promise.all([request('loadTimeline'), fontsLoaded])
  const shell = createShell(root, view)
  mountNavigation(shell.context)
  mountDensityStrip(shell.context)
  mountEventDetails(shell.context)
  mountSaveStatus(shell.context)
  mountBackups(shell.context)
  mountTimelines(shell.context)
  mountTransfer(shell.context)
  mountExportFigure(shell.context)
  mountUndoRedo(shell.context)
  mountEventEditing(shell.context)
  mountLanes(shell.context)
  mountSearch(shell.context)
  const notesOnTimeline = mountNotesOnTimeline(shell.context)
  mountNotes(shell.context, notesOnTimeline, mountPreferences(shell.context))
  shell.ready()
}

const root = document.getElementById('app')!
start(root).catch((error: unknown) => {
  root.replaceChildren(
    el('div', { className: 'fatal', attrs: { role: 'alert' } }, [
      el('h1', { text: 'Annalist could not open the timeline' }),
      el('p', { text: error instanceof Error ? error.message : String(error) }),
    ]),
  )
})
