/**
 * The one wrapper every IPC call passes through: checks who is asking, validates the arguments
 * against the channel's schema, runs the handler and returns `{ ok, value } | { ok, error }`.
 * No exception crosses the process boundary, and a call from any page other than Annalist's own
 * is refused before its arguments are even read.
 */
import type { Channel, Outcome } from './contract'
import { CHANNELS } from './contract'
import { argumentSchemas } from './argumentSchemas'
import type { HandlerMap } from './handlers'

export interface Sender {
  /** URL of the frame that sent the call. */
  url: string
}

export interface Dispatcher {
  (channel: string, sender: Sender, args: unknown): Promise<Outcome<unknown>>
}

function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name)
}

/** True only for a page served from Annalist's own origin (e.g. `app://annalist`). */
export function isTrustedSender(sender: Sender, trustedOrigin: string): boolean {
  try {
    return new URL(sender.url).origin === new URL(trustedOrigin).origin
  } catch {
    return false
  }
}

export function createDispatcher(handlers: HandlerMap, trustedOrigin: string, log: (message: string) => void = console.error): Dispatcher {
  return async (channel, sender, args) => {
    if (!isTrustedSender(sender, trustedOrigin)) {
      log(`refused IPC "${channel}" from untrusted sender ${sender.url}`)
      return { ok: false, error: 'refused: this request did not come from Annalist' }
    }
    if (!isChannel(channel)) return { ok: false, error: `unknown request "${channel}"` }
    const parsed = argumentSchemas[channel].safeParse(args)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return { ok: false, error: `bad arguments for ${channel}: ${issue?.path.join('.') || 'arguments'} ${issue?.message ?? ''}`.trim() }
    }
    try {
      const run = handlers[channel] as (...a: unknown[]) => Promise<unknown>
      return { ok: true, value: await run(...(parsed.data as unknown[])) }
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) }
    }
  }
}
