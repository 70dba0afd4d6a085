/**
 * Lays out the window — toolbar, notices, timeline, inspector, dialogs — and builds the
 * AppContext that features are mounted with.
 */
import type { TimelineView } from '../../main/ipc/contract'
import { notices, onRequestError, request } from '../api'
import { el } from '../dom'
import { createShortcutSheet, installShortcuts, type Shortcut } from '../controls/shortcuts'
import { mountTimeline } from '../timeline/timelineView'
import type { AppContext, Selection } from './appContext'
import { inspectorDivider } from './inspectorDivider'
import { createSidebar } from './sidebar'
import { createCommandMenu } from './commandMenu'

export interface Shell {
  context: AppContext
  /** Call once every feature is mounted: installs the keyboard and marks the window ready. */
  ready(): void
}

export function createShell(root: HTMLElement, initialView: TimelineView): Shell {
  let view = initialView
  const reloadListeners: ((view: TimelineView) => void)[] = []
  const selectionListeners: ((selection: Selection | null) => void)[] = []
  const commandMenu = createCommandMenu()
  const shortcutList: Shortcut[] = []
  let selection: Selection | null = null

  const status = el('span', { className: 'status', attrs: { role: 'status', 'aria-live': 'polite' } })
  const toolbarStart = el('div', { className: 'tool-row' })
  const toolbarEnd = el('div', { className: 'tool-row' })
  const title = el('h1', { className: 'timeline-title', text: view.meta.title })
  const toolbar = el('header', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Timeline controls' } }, [
    commandMenu.button,
    el('div', { className: 'brand' }, [el('span', { className: 'brand-name', text: 'Annalist' }), title]),
    toolbarStart,
    el('div', { className: 'tool-spacer' }),
    status,
    toolbarEnd,
  ])
  const banner = el('div', { className: 'notice-banner', attrs: { role: 'alert', hidden: true } })
  const timelineContainer = el('div', { className: 'timeline', attrs: { role: 'region', 'aria-label': 'Timeline' } })
  const timelineColumn = el('div', { className: 'timeline-column' }, [timelineContainer])
  const sidebar = createSidebar()
  const dialogs = el('div', { className: 'dialogs' })
  root.replaceChildren(toolbar, banner, el('main', { className: 'workspace' }, [timelineColumn, inspectorDivider(sidebar.element), sidebar.element]), dialogs)

  function showNotices(messages: string[]): void {
    banner.replaceChildren(...messages.map((message) => el('p', { text: message })))
    banner.hidden = messages.length === 0
  }
  showNotices(view.notices)

  const timeline = mountTimeline(
    timelineContainer,
    view,
    (query) => request('viewportItems', query),
    (eventId, query) => request('clusterHolding', eventId, query),
  )
  // The visible window, exposed on the region for assistive tech and tests.
  const showWindow = ({ start, end }: { start: number; end: number }) => {
    timelineContainer.dataset.windowStart = new Date(start).toISOString()
    timelineContainer.dataset.windowEnd = new Date(end).toISOString()
  }
  showWindow(timeline.visibleWindow())
  timeline.onRangeChange(showWindow)
  timeline.onSelect((selection) => context.selection.set(selection))

  onRequestError((message) => context.status(message, 'error'))
  notices.on('menuCommand', (command) => commandMenu.run(command))

  const context: AppContext = {
    view: () => view,
    async reload() {
      view = await request('loadTimeline')
      title.textContent = view.meta.title
      document.title = `${view.meta.title} — Annalist`
      showNotices(view.notices)
      timeline.update(view)
      for (const listener of reloadListeners) listener(view)
    },
    onReload: (listener) => void reloadListeners.push(listener),
    timeline,
    selection: {
      current: () => selection,
      set(next, span) {
        selection = next
        timeline.select(next, span)
        for (const listener of selectionListeners) listener(next)
      },
      onChange: (listener) => void selectionListeners.push(listener),
    },
    sidebar,
    toolbar: { add: (element, where = 'start') => (where === 'start' ? toolbarStart : toolbarEnd).append(element) },
    underTimeline: { add: (element) => timelineColumn.append(element) },
    dialogs,
    shortcuts: { add: (shortcut) => void shortcutList.push(shortcut) },
    addCommand: (command, label, run) => commandMenu.add({ command, label, run }),
    status(message, kind = 'info') {
      status.textContent = message
      // Cut to one line in a narrow window: the whole message on hover.
      status.title = message
      status.classList.toggle('error', kind === 'error')
    },
  }
  document.title = `${view.meta.title} — Annalist`

  return {
    context,
    ready() {
      const sheet = createShortcutSheet(shortcutList)
      dialogs.append(sheet.element)
      shortcutList.push({ keys: ['?'], label: 'Show keyboard shortcuts', run: () => sheet.open() })
      context.addCommand('show-shortcuts', 'Keyboard shortcuts', () => sheet.open())
      toolbarEnd.append(
        el('button', {
          className: 'tool-button',
          text: '?',
          attrs: { type: 'button', 'aria-label': 'Keyboard shortcuts', title: 'Keyboard shortcuts (?)' },
          on: { click: () => sheet.open() },
        }),
      )
      installShortcuts(shortcutList, () => {
        if (context.selection.current()) context.selection.set(null)
      })
      root.setAttribute('aria-busy', 'false')
      root.dataset.ready = 'true'
    },
  }
}
