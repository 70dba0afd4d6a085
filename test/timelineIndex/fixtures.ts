/** Small hand-made timelines for the engine's tests (valid documents, built without the schema's slow date check). */
import type { Annotation, TimelineDocument, TimelineEvent } from '../../main/domain/timeline'

export function event(id: string, date: string, lanes: string[] = ['a'], more: Partial<TimelineEvent> = {}): TimelineEvent {
  return { id, title: `Event ${id}`, date, description: '', lanes, tags: [], sources: [], ...more }
}

export function annotation(id: string, anchor: Annotation['anchor'], text: string, more: Partial<Annotation> = {}): Annotation {
  const stamp = '2026-01-01T00:00:00.000Z'
  return {
    id, anchor, label: '', text, tags: [], colour: 'amber', links: { events: [], sources: [] },
    author: { name: 'Ana Petrova', initials: 'AP' }, created: stamp, updated: stamp, history: [], ...more,
  }
}

export function timeline(events: TimelineEvent[], annotations: Annotation[] = []): TimelineDocument {
  const stamp = '2026-01-01T00:00:00.000Z'
  return {
    schemaVersion: 1,
    meta: { title: 'Test', description: '', created: stamp, updated: stamp },
    lanes: ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), hidden: false })),
    events,
    annotations,
  }
}

const DAY = 86_400_000
/** An EDTF date of one of the common shapes starting at `at` (epoch ms, UTC). */
export function dateAt(at: number, shape: number, lengthDays = 3): string {
  const day = new Date(at).toISOString().slice(0, 10)
  switch (shape % 6) {
    case 0: return day
    case 1: return `${day}T${new Date(at).toISOString().slice(11, 19)}Z`
    case 2: return day.slice(0, 7)
    case 3: return day.slice(0, 4)
    case 4: return `${day}/${new Date(at + lengthDays * DAY).toISOString().slice(0, 10)}`
    default: return `${day}?`
  }
}
