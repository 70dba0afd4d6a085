/**
 * Builds `window.annalist` from the contract's channel list. Only the transport differs between
 * the Electron preload (ipcRenderer) and the Chromium e2e harness (a page binding), so both use this.
 * The page gets verbs, never a generic send.
 */
import { CHANNELS, NOTICE_CHANNELS, type AnnalistApi, type AnnalistNotices, type Channel } from '../ipc/contract'

export interface Transport {
  invoke(channel: Channel, args: unknown[]): Promise<unknown>
  subscribe(name: keyof AnnalistNotices, listener: (payload: unknown) => void): () => void
}

export function makeBridge(transport: Transport): AnnalistApi {
  const verbs: Record<string, unknown> = {}
  for (const channel of CHANNELS) {
    verbs[channel] = (...args: unknown[]) => transport.invoke(channel, args)
  }
  verbs.onNotice = (name: keyof AnnalistNotices, listener: (payload: unknown) => void) => {
    if (!(NOTICE_CHANNELS as readonly string[]).includes(name)) throw new Error(`unknown notice "${name}"`)
    return transport.subscribe(name, listener)
  }
  return Object.freeze(verbs) as AnnalistApi
}
