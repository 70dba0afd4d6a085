/** The Details tab: shows the selected event, fetched from the main process. */
import { request } from '../api'
import type { AppContext } from '../shell/appContext'
import { createEventPanel } from '../panels/eventPanel'

export function mountEventDetails(context: AppContext): void {
  const panel = createEventPanel(() => context.selection.set(null))
  const showTab = context.sidebar.addTab('Details', panel.element)
  let shown: string | null = null

  async function show(eventId: string | null): Promise<void> {
    shown = eventId
    if (!eventId) return panel.close()
    const detail = await request('getEvent', eventId).catch(() => null)
    if (shown !== eventId) return
    if (!detail) return panel.close()
    panel.show(detail)
    showTab()
  }

  context.selection.onChange((selection) => void show(selection?.kind === 'event' ? selection.id : null))
  context.onReload(() => void show(shown))
}
