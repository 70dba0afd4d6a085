/**
 * Chromium target only: gives the page the same `window.annalist` verbs the Electron preload
 * gives it, carried over a Playwright binding to the real main-process dispatcher instead of IPC.
 */
import { makeBridge } from '../../main/preload/bridge'
import type { AnnalistApi, AnnalistNotices } from '../../main/ipc/contract'

type Listener = (payload: unknown) => void

declare global {
  interface Window {
    annalist: AnnalistApi
    __annalistInvoke(channel: string, args: unknown[]): Promise<string>
    __annalistNotify(name: keyof AnnalistNotices, payload: unknown): void
  }
}

const listeners = new Map<string, Set<Listener>>()

window.__annalistNotify = (name, payload) => {
  for (const listener of listeners.get(name) ?? []) listener(payload)
}

window.annalist = makeBridge({
  invoke: async (channel, args) => JSON.parse(await window.__annalistInvoke(channel, args)) as unknown,
  subscribe: (name, listener) => {
    const set = listeners.get(name) ?? new Set<Listener>()
    set.add(listener)
    listeners.set(name, set)
    return () => set.delete(listener)
  },
})
