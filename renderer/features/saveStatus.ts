/**
 * Saved / saving / not saved — retrying, shown quietly in the toolbar. The main process pushes every
 * change; the window never guesses. While saving fails, "Retry now" tries again at once: retries
 * wait up to ten seconds, and an analyst who has just freed space should not have to.
 */
import type { SaveState } from '../../main/ipc/contract'
import { notices, request } from '../api'
import { el } from '../dom'
import type { AppContext } from '../shell/appContext'

function words(state: SaveState): string {
  switch (state.state) {
    case 'saved':
      return 'All changes saved'
    case 'saving':
      return 'Saving…'
    case 'retrying':
      return `Not saved — retrying${state.lastError ? ` (${state.lastError})` : ''}`
  }
}

export function mountSaveStatus(context: AppContext): void {
  const indicator = el('span', { className: 'save-state', attrs: { role: 'status', 'aria-label': 'Save state', 'aria-live': 'polite' } })
  const retry = el('button', {
    className: 'tool-button save-retry',
    text: 'Retry now',
    attrs: { type: 'button', hidden: true, title: 'Try saving again now' },
    on: { click: () => void request('retrySaving').catch(() => undefined) },
  })
  const show = (state: SaveState) => {
    indicator.textContent = words(state)
    indicator.dataset.state = state.state
    retry.hidden = state.state !== 'retrying'
  }
  context.toolbar.add(indicator, 'end')
  context.toolbar.add(retry, 'end')
  notices.on('saveState', show)
  void request('getSaveState').then(show, () => undefined)
}
