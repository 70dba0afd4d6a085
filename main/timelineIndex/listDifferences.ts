/**
 * What changed in a list of events or notes since the indexes last read it, found the way edits
 * make new lists (main/edits/changes.ts): a copy with only the changed entries replaced.
 */

export interface Changes<T> {
  added?: readonly T[]
  updated?: readonly T[]
  /** Ids. */
  removed?: readonly string[]
}

/**
 * What `sync` must do to a list: entries not yet indexed as they are now, and ids no longer present.
 * `before` is the list as last synced. Edits copy the list and replace what they change in its
 * place (main/edits/changes.ts), so an entry that is the very object `before` held at the same
 * place is indexed as it is, with no lookup: at 100,000 events, two lookups per event were ~11 ms
 * of every edit's redraw. Only ids whose place now holds another object may be gone, and only
 * they are looked for. With no `before` (empty, or after `applyChange`), every entry is compared.
 */
export function differences<T extends { id: string }>(list: readonly T[], before: readonly T[], indexed: ReadonlyMap<string, unknown>, unchanged: (item: T) => boolean): Changes<T> {
  if (before.length === 0) return everyDifference(list, indexed, unchanged)
  const updated: T[] = []
  const displaced: string[] = []
  for (let at = 0; at < list.length; at++) {
    const item = list[at]!
    const was = before[at]
    if (item === was) continue
    if (!unchanged(item)) updated.push(item)
    if (was !== undefined && was.id !== item.id) displaced.push(was.id)
  }
  for (let at = list.length; at < before.length; at++) displaced.push(before[at]!.id)
  if (displaced.length === 0) return { updated, removed: [] }
  const present = new Set(list.map((item) => item.id))
  return { updated, removed: displaced.filter((id) => indexed.has(id) && !present.has(id)) }
}

/** `differences` comparing every entry. Ids are unique, so when every indexed id is still there no set of all ids is built. */
function everyDifference<T extends { id: string }>(list: readonly T[], indexed: ReadonlyMap<string, unknown>, unchanged: (item: T) => boolean): Changes<T> {
  const updated: T[] = []
  let stillThere = 0
  for (const item of list) {
    if (indexed.has(item.id)) stillThere += 1
    if (!unchanged(item)) updated.push(item)
  }
  if (stillThere === indexed.size) return { updated, removed: [] }
  const present = new Set(list.map((item) => item.id))
  return { updated, removed: [...indexed.keys()].filter((id) => !present.has(id)) }
}
