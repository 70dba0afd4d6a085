/**
 * What every feature of the window can reach: the timeline, the selection, the sidebar, the
 * toolbar, shortcuts, menu commands and the status line. Features are mounted with this and
 * never reach into each other.
 */
import type { MenuCommand, TimelineView } from '../../main/ipc/contract'
import type { TimelineHandle } from '../timeline/timelineView'
import type { Shortcut } from '../controls/shortcuts'

export type { TimelineSelection as Selection } from '../timeline/timelineView'
import type { TimelineSelection as Selection } from '../timeline/timelineView'

export interface AppContext {
  /** The view as last loaded from the main process. */
  view(): TimelineView
  /** Asks the main process for the timeline again and redraws (after an edit, import, restore). */
  reload(): Promise<void>
  onReload(listener: (view: TimelineView) => void): void
  timeline: TimelineHandle
  selection: {
    current(): Selection | null
    /** Selects; with `span`, also brings the selection into view if it lies outside the window. */
    set(selection: Selection | null, span?: { start: number; end: number } | null): void
    onChange(listener: (selection: Selection | null) => void): void
  }
  sidebar: {
    /** Adds a tab to the inspector; returns a function that brings it forward. */
    addTab(name: string, content: HTMLElement, onShown?: () => void): () => void
  }
  toolbar: {
    add(element: HTMLElement, where?: 'start' | 'end'): void
  }
  /** Below the timeline, in the same column (the overview strip). */
  underTimeline: {
    add(element: HTMLElement): void
  }
  /** Where dialogs live in the DOM. */
  dialogs: HTMLElement
  shortcuts: {
    add(shortcut: Shortcut): void
  }
  /** Offers a command in the window's command menu and runs it when the native menu sends it. */
  addCommand(command: MenuCommand, label: string, run: () => void): void
  status(message: string, kind?: 'info' | 'error'): void
}
