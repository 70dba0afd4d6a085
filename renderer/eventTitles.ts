/**
 * Naming events the window does not hold: it is sent only what it draws (a timeline may hold
 * 100,000 events), so a picker or a confirmation asks the main process for the few it names.
 */
import type { EventTitle } from '../main/ipc/contract'
import { request } from './api'

/** One event's title and lanes; null when it is gone (deleted meanwhile) or could not be asked. */
export async function eventTitle(id: string): Promise<EventTitle | null> {
  const [found] = await request('eventTitles', [id]).catch(() => [])
  return found ?? null
}
