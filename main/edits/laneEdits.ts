/** Edits to lanes (the rows of the timeline): add, rename, reorder, hide. Lanes are few, so each step keeps the whole list. */
import { LaneSchema, type Lane, type TimelineDocument } from '../domain/timeline'
import type { PlannedEdit } from './changes'
import { shorten } from './names'
import { checkWithSchema, EditError, requireText } from './validation'

function findLane(document: TimelineDocument, id: string): Lane {
  const lane = document.lanes.find((l) => l.id === id)
  if (!lane) throw new EditError(`There is no lane with id "${id}" in this timeline.`)
  return lane
}

function lanesStep(document: TimelineDocument, label: string, after: Lane[]): PlannedEdit {
  return { label, changes: [{ kind: 'lanes', before: document.lanes, after }] }
}

/** Two lanes with one name could not be told apart in the lane list or the event editor. */
function checkNewName(document: TimelineDocument, name: string, exceptId?: string): string {
  const trimmed = requireText(name, 'A lane needs a name.')
  const clash = document.lanes.find((l) => l.id !== exceptId && l.name.toLocaleLowerCase() === trimmed.toLocaleLowerCase())
  if (clash) throw new EditError(`There is already a lane called “${clash.name}”.`)
  return trimmed
}

/** A readable, stable id from the name ("NATO & Europe" → "nato-europe"), made unique. */
export function laneIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'lane'
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

export function addLane(document: TimelineDocument, name: string): PlannedEdit {
  const trimmed = checkNewName(document, name)
  const lane = checkWithSchema(LaneSchema, { id: laneIdFor(trimmed, new Set(document.lanes.map((l) => l.id))), name: trimmed, hidden: false }, 'The lane')
  return lanesStep(document, `add lane ${shorten(trimmed)}`, [...document.lanes, lane])
}

export function renameLane(document: TimelineDocument, id: string, name: string): PlannedEdit {
  const lane = findLane(document, id)
  const trimmed = checkNewName(document, name, id)
  const label = `rename lane ${shorten(lane.name)} to ${shorten(trimmed)}`
  if (trimmed === lane.name) return { label, changes: [] }
  const renamed = checkWithSchema(LaneSchema, { ...lane, name: trimmed }, 'The lane')
  return lanesStep(document, label, document.lanes.map((l) => (l.id === id ? renamed : l)))
}

/** `order` lists every lane id once, top to bottom. */
export function reorderLanes(document: TimelineDocument, order: readonly string[]): PlannedEdit {
  const known = new Set(document.lanes.map((l) => l.id))
  const given = new Set(order)
  if (given.size !== order.length || given.size !== known.size || order.some((id) => !known.has(id))) {
    throw new EditError('The new lane order must list every lane exactly once.')
  }
  const label = 'reorder lanes'
  if (order.every((id, i) => document.lanes[i]?.id === id)) return { label, changes: [] }
  return lanesStep(document, label, order.map((id) => findLane(document, id)))
}

export function setLaneHidden(document: TimelineDocument, id: string, hidden: boolean): PlannedEdit {
  const lane = findLane(document, id)
  const label = `${hidden ? 'hide' : 'show'} lane ${shorten(lane.name)}`
  if (lane.hidden === hidden) return { label, changes: [] }
  return lanesStep(document, label, document.lanes.map((l) => (l.id === id ? { ...l, hidden } : l)))
}
