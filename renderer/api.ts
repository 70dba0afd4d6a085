/**
 * The renderer's only door to data: `window.annalist`, exposed by the preload (or, in the
 * Chromium e2e target, by the harness with the same verbs). Failures come back as data and are
 * shown to the analyst, never thrown away.
 */
import type { AnnalistApi, AnnalistContract, AnnalistNotices, Channel } from '../main/ipc/contract'

declare global {
  interface Window {
    annalist: AnnalistApi
  }
}

type ErrorListener = (message: string) => void
const errorListeners: ErrorListener[] = []

export function onRequestError(listener: ErrorListener): void {
  errorListeners.push(listener)
}

export class RequestError extends Error {}

/** Calls a verb and returns its value; on failure tells the error listeners and throws. */
export async function request<K extends Channel>(
  channel: K,
  ...args: AnnalistContract[K]['args']
): Promise<AnnalistContract[K]['result']> {
  const verb = window.annalist[channel] as (...a: unknown[]) => Promise<
    { ok: true; value: AnnalistContract[K]['result'] } | { ok: false; error: string }
  >
  const outcome = await verb(...args)
  if (outcome.ok) return outcome.value
  for (const listener of errorListeners) listener(outcome.error)
  throw new RequestError(outcome.error)
}

export const notices = {
  // Generic so each notice keeps its own payload type (Parameters<> would merge them into a union).
  on: <K extends keyof AnnalistNotices>(name: K, listener: (payload: AnnalistNotices[K]) => void) => window.annalist.onNotice(name, listener),
}
