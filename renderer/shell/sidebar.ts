/** The inspector beside the timeline: tabs (Details, Notes, …); its width is set by the divider beside it. */
import { el } from '../dom'

export interface Sidebar {
  element: HTMLElement
  /** Adds a tab; returns what shows it. `onShown` runs each time the tab is brought to the front. */
  addTab(name: string, content: HTMLElement, onShown?: () => void): () => void
}

export function createSidebar(): Sidebar {
  const tabList = el('div', { className: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Inspector' } })
  const panels = el('div', { className: 'tab-panels' })
  const element = el('aside', { className: 'panel', attrs: { 'aria-label': 'Inspector' } }, [tabList, panels])
  const tabs: { tab: HTMLButtonElement; panel: HTMLElement; onShown?: () => void }[] = []

  function activate(index: number): void {
    tabs.forEach(({ tab, panel, onShown }, i) => {
      const active = i === index
      const appearing = active && panel.hidden
      tab.setAttribute('aria-selected', String(active))
      tab.tabIndex = active ? 0 : -1
      panel.hidden = !active
      if (appearing) onShown?.()
    })
  }

  tabList.addEventListener('keydown', (event) => {
    const current = tabs.findIndex(({ tab }) => tab === document.activeElement)
    if (current < 0 || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return
    const next = (current + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length
    activate(next)
    tabs[next]!.tab.focus()
  })

  return {
    element,
    addTab(name, content, onShown) {
      const index = tabs.length
      const id = `tab-${index}`
      const tab = el('button', {
        className: 'tab',
        text: name,
        attrs: { type: 'button', role: 'tab', id, 'aria-controls': `${id}-panel` },
        on: { click: () => activate(index) },
      })
      const panel = el('section', { className: 'tab-panel', attrs: { role: 'tabpanel', id: `${id}-panel`, 'aria-labelledby': id, hidden: true } }, [content])
      tabs.push({ tab, panel, onShown })
      tabList.append(tab)
      panels.append(panel)
      activate(tabs.length === 1 ? 0 : tabs.findIndex(({ tab: t }) => t.getAttribute('aria-selected') === 'true'))
      return () => activate(index)
    },
  }
}
