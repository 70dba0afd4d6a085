/**
 * Opening a timeline file, whatever state it is in, without ever losing what it holds.
 * - A good file opens as it is.
 * - A file from an older Annalist is backed up durably, then migrated (written later as one atomic
 *   rename, so a crash leaves the old file or the new one).
 * - A file from a newer Annalist opens read-only: this version must not write what it cannot read.
 * - A broken file (empty, cut short, NUL bytes, not JSON, not a timeline) is moved aside as
 *   `<file>.corrupt-<time>`, never overwritten, and the newest usable backup takes its place; with no
 *   backup, the bundled seed (default timeline) or an empty timeline does, and the analyst is told.
 * Nothing here writes the timeline file itself: the caller saves `document` when `mustSave` is set.
 */
import { readFile, rename } from 'node:fs/promises'
import path from 'node:path'
import { SCHEMA_VERSION, type TimelineDocument } from '../domain/timeline'
import { createBackup, newestUsableBackup } from './backups'
import { errorCode, removeLeftoverTempFiles, syncFolder, type DurableWriteOptions } from './durableWrite'
import { DEFAULT_TIMELINE_NAME, seedTimelinePath } from './library'
import { loadTimelineBytes, readTimelineFile } from './timelineFile'

export interface TimelinePlace {
  /** The timeline file. */
  file: string
  /** The data folder holding `backups/`. */
  dataDir: string
  /** The timeline's name: its file name without `.annalist.json`, and its backup folder's name. */
  name: string
  /** The app's bundled `data/` folder, for the seed of the default timeline. */
  bundledDataDir?: string
}

export interface OpenedTimeline {
  document: TimelineDocument
  readOnly: boolean
  /** What happened, in plain words, for the window to show. Empty when the file simply opened. */
  notices: string[]
  /** The document differs from the file (restored, migrated, or new) and should be saved now. */
  mustSave: boolean
  /** The file's exact text when it opened as it was, so a snapshot of it can be taken. */
  openedText: string | null
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "28 Nov 2026, 07:30 UTC": unambiguous in every locale, as backup times are stored in UTC. */
export function describeTime(time: Date): string {
  const hhmm = time.toISOString().slice(11, 16)
  return `${time.getUTCDate()} ${MONTHS[time.getUTCMonth()]} ${time.getUTCFullYear()}, ${hhmm} UTC`
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

export function emptyTimeline(title: string, now: Date): TimelineDocument {
  const stamp = now.toISOString()
  return { schemaVersion: SCHEMA_VERSION, meta: { title, description: '', created: stamp, updated: stamp }, lanes: [], events: [], annotations: [] }
}

async function readSeed(place: TimelinePlace): Promise<TimelineDocument | null> {
  if (place.name !== DEFAULT_TIMELINE_NAME || !place.bundledDataDir) return null
  const loaded = loadTimelineBytes(await readFile(seedTimelinePath(place.bundledDataDir)).catch(() => new Uint8Array()))
  return loaded.kind === 'usable' ? loaded.document : null
}

/** What replaces a missing or broken file, and a sentence saying so. */
async function replacement(place: TimelinePlace, now: Date): Promise<{ document: TimelineDocument; said: string }> {
  const backup = await newestUsableBackup(place.dataDir, place.name)
  if (backup) {
    const { events, annotations } = backup.document
    return {
      document: backup.document,
      said:
        `It was restored from the backup of ${describeTime(backup.time)} (${plural(events.length, 'event')}, ` +
        `${plural(annotations.length, 'annotation')}); changes made after that backup are not in it.`,
    }
  }
  const seed = await readSeed(place)
  if (seed) return { document: seed, said: 'No backup was found, so the example timeline that comes with Annalist was opened in its place.' }
  return { document: emptyTimeline(place.name, now), said: 'No backup was found, so an empty timeline was started in its place.' }
}

function stampFor(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-')
}

export async function openTimeline(place: TimelinePlace, now: Date, writeOptions: DurableWriteOptions = {}): Promise<OpenedTimeline> {
  const { file, name } = place
  // Leftover temp files are harmless; failing to remove them must not stop the timeline opening.
  await removeLeftoverTempFiles(file).catch(() => undefined)
  let read: Awaited<ReturnType<typeof readTimelineFile>>
  try {
    read = await readTimelineFile(file)
  } catch (error) {
    // Not allowed to read it, or the disk failed: nothing is known about its contents, so nothing is written.
    const { document, said } = await replacement(place, now)
    const notice = `Annalist could not read the file for “${name}” (${errorCode(error) || (error as Error).message}). ${said} It is open read-only; the file has not been changed.`
    return { document, readOnly: true, notices: [notice], mustSave: false, openedText: null }
  }

  if (!read) {
    const backup = await newestUsableBackup(place.dataDir, name)
    if (!backup) {
      // Never opened before (or never saved): nothing was lost, so nothing to report.
      const seed = await readSeed(place)
      return { document: seed ?? emptyTimeline(name, now), readOnly: false, notices: [], mustSave: true, openedText: null }
    }
    const { document, said } = await replacement(place, now)
    return { document, readOnly: false, notices: [`The file for “${name}” was missing. ${said}`], mustSave: true, openedText: null }
  }

  const { loaded } = read
  if (loaded.kind === 'usable' && loaded.fromVersion === SCHEMA_VERSION) {
    return { document: loaded.document, readOnly: false, notices: [], mustSave: false, openedText: Buffer.from(read.bytes).toString('utf8') }
  }

  if (loaded.kind === 'usable') {
    // The old file is kept in the backups before anything is written in the new format.
    try {
      const id = await createBackup(place.dataDir, name, Buffer.from(read.bytes).toString('utf8'), now, writeOptions)
      const said = `“${name}” was saved by an earlier version of Annalist (file format ${loaded.fromVersion}) and has been updated to format ${SCHEMA_VERSION}. The original is kept in the backups (${describeTime(now)}, id ${id}).`
      return { document: loaded.document, readOnly: false, notices: [said], mustSave: true, openedText: null }
    } catch (error) {
      const said = `“${name}” is in an earlier file format and needs updating, but a backup of it could not be made first (${(error as Error).message}). It is open read-only and the file has not been changed.`
      return { document: loaded.document, readOnly: true, notices: [said], mustSave: false, openedText: null }
    }
  }

  if (loaded.kind === 'newer') {
    const shown = loaded.document
      ? 'You can read it here, but changes cannot be saved.'
      : 'This version cannot show its contents, so an empty view is shown.'
    const said = `“${name}” was saved by a newer version of Annalist (file format ${loaded.version}; this version understands up to ${SCHEMA_VERSION}). It is open read-only so that nothing in it is lost: ${shown} The file has not been changed. Update Annalist to edit it.`
    return { document: loaded.document ?? emptyTimeline(name, now), readOnly: true, notices: [said], mustSave: false, openedText: null }
  }

  const asideName = `${path.basename(file)}.corrupt-${stampFor(now)}`
  const { document, said } = await replacement(place, now)
  try {
    await rename(file, path.join(path.dirname(file), asideName))
    await syncFolder(path.dirname(file))
  } catch (error) {
    // If it cannot be moved aside it must not be written over either.
    const notice = `Annalist could not open “${name}” because ${loaded.reason}, and could not move the damaged file aside (${(error as Error).message}). ${said} It is open read-only; the damaged file has not been changed.`
    return { document, readOnly: true, notices: [notice], mustSave: false, openedText: null }
  }
  const notice = `Annalist could not open “${name}” because ${loaded.reason}. The damaged file was kept as “${asideName}” in the timelines folder. ${said}`
  return { document, readOnly: false, notices: [notice], mustSave: true, openedText: null }
}
