/**
 * Opening a timeline file, whatever state it is in, without ever losing what it holds.
 * - A good file opens as it is.
 * - A file from an older Annalist is backed up durably, then migrated (written later as one atomic
 *   rename, so a crash leaves the old file or the new one).
 * - A file from a newer Annalist opens read-only: this version must not write what it cannot read.
 * - A broken file (empty, cut short, NUL bytes, not JSON, not a timeline) is moved aside as
 *   `<file>.corrupt-<time>`, never overwritten, and the newest usable backup takes its place; with no
 *   backup, the bundled seed (default timeline) or an empty timeline does, and the analyst is told.
 * - A journal beside a good file (saves of a large timeline not yet folded into it, journal.ts) is
 *   replayed onto it. A journal that does not belong to the file as it is, or that is damaged, is
 *   moved aside (`.<name>.annalist.journal.unused-<time>`), never applied blindly, and the analyst
 *   is told; one from a newer Annalist makes the timeline read-only.
 * Nothing here writes the timeline file itself: the caller saves `document` when `mustSave` is set.
 */
import { readFile, rename } from 'node:fs/promises'
import path from 'node:path'
import { SCHEMA_VERSION, type TimelineDocument } from '../domain/timeline'
import { createBackup, newestUsableBackup } from './backups'
import { errorCode, removeLeftoverTempFiles, syncFolder, type DurableWriteOptions } from './durableWrite'
import { DEFAULT_TIMELINE_NAME, seedTimelinePath } from './library'
import { applyPatches, PatchMismatchError, type DocumentPatch } from './documentPatch'
import { fileIdentity, journalPathFor, readJournal } from './journal'
import { loadTimelineBytes, readTimelineFile, serializeTimeline } from './timelineFile'

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
  /** The timeline's exact text as it opened (file and journal), so a snapshot of it can be taken. */
  openedText: string | null
  /** `openedText` is the file's text exactly as it was read and checked (no journal applied to it). */
  openedTextChecked?: boolean
  /** The file's bytes when `openedText` is exactly them (to hash without encoding the text again). */
  openedBytes?: Uint8Array
  /**
   * The journal to carry on (it was replayed into `document`): the file's identity and the saves
   * after it. Null when there is no journal to continue.
   */
  journal: { base: string; records: string[] } | null
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
  await removeLeftoverTempFiles(journalPathFor(file)).catch(() => undefined)
  let read: Awaited<ReturnType<typeof readTimelineFile>>
  try {
    read = await readTimelineFile(file)
  } catch (error) {
    // Not allowed to read it, or the disk failed: nothing is known about its contents, so nothing is written.
    const { document, said } = await replacement(place, now)
    const notice = `Annalist could not read the file for “${name}” (${errorCode(error) || (error as Error).message}). ${said} It is open read-only; the file has not been changed.`
    return { document, readOnly: true, notices: [notice], mustSave: false, openedText: null, journal: null }
  }

  if (!read) {
    const stray = await setJournalAside(file, now)
    const backup = await newestUsableBackup(place.dataDir, name)
    if (!backup && !stray) {
      // Never opened before (or never saved): nothing was lost, so nothing to report.
      const seed = await readSeed(place)
      return { document: seed ?? emptyTimeline(name, now), readOnly: false, notices: [], mustSave: true, openedText: null, journal: null }
    }
    const { document, said } = await replacement(place, now)
    const notice = `The file for “${name}” was missing. ${said}${stray ? ` ${stray}` : ''}`
    return { document, readOnly: false, notices: [notice], mustSave: true, openedText: null, journal: null }
  }

  const { loaded } = read
  if (loaded.kind === 'usable' && loaded.fromVersion === SCHEMA_VERSION) return withJournal(place, now, read.bytes, read.text!, loaded.document)
  // Saves journaled against a file that now needs recovering or updating cannot be replayed onto it.
  const strayJournal = loaded.kind === 'newer' ? null : await setJournalAside(file, now)
  const journalWords = strayJournal ? ` ${strayJournal}` : ''

  if (loaded.kind === 'usable') {
    // The old file is kept in the backups before anything is written in the new format.
    try {
      const id = await createBackup(place.dataDir, name, read.bytes, now, writeOptions)
      const said = `“${name}” was saved by an earlier version of Annalist (file format ${loaded.fromVersion}) and has been updated to format ${SCHEMA_VERSION}. The original is kept in the backups (${describeTime(now)}, id ${id}).${journalWords}`
      return { document: loaded.document, readOnly: false, notices: [said], mustSave: true, openedText: null, journal: null }
    } catch (error) {
      const said = `“${name}” is in an earlier file format and needs updating, but a backup of it could not be made first (${(error as Error).message}). It is open read-only and the file has not been changed.`
      return { document: loaded.document, readOnly: true, notices: [said], mustSave: false, openedText: null, journal: null }
    }
  }

  if (loaded.kind === 'newer') {
    const shown = loaded.document
      ? 'You can read it here, but changes cannot be saved.'
      : 'This version cannot show its contents, so an empty view is shown.'
    const said = `“${name}” was saved by a newer version of Annalist (file format ${loaded.version}; this version understands up to ${SCHEMA_VERSION}). It is open read-only so that nothing in it is lost: ${shown} The file has not been changed. Update Annalist to edit it.`
    return { document: loaded.document ?? emptyTimeline(name, now), readOnly: true, notices: [said], mustSave: false, openedText: null, journal: null }
  }

  const asideName = `${path.basename(file)}.corrupt-${stampFor(now)}`
  const { document, said } = await replacement(place, now)
  try {
    await rename(file, path.join(path.dirname(file), asideName))
    await syncFolder(path.dirname(file))
  } catch (error) {
    // If it cannot be moved aside it must not be written over either.
    const notice = `Annalist could not open “${name}” because ${loaded.reason}, and could not move the damaged file aside (${(error as Error).message}). ${said} It is open read-only; the damaged file has not been changed.`
    return { document, readOnly: true, notices: [notice], mustSave: false, openedText: null, journal: null }
  }
  const notice = `Annalist could not open “${name}” because ${loaded.reason}. The damaged file was kept as “${asideName}” in the timelines folder. ${said}${journalWords}`
  return { document, readOnly: false, notices: [notice], mustSave: true, openedText: null, journal: null }
}

/**
 * Moves a journal that must not be applied out of the way (the next save would otherwise replace
 * it), and says so; null when there was none. Throws if it exists but cannot be moved.
 */
async function setJournalAside(file: string, now: Date): Promise<string | null> {
  const journal = journalPathFor(file)
  const aside = `${journal}.unused-${stampFor(now)}`
  try {
    await rename(journal, aside)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
  await syncFolder(path.dirname(file))
  return `Changes saved beside the file in “${path.basename(journal)}” could not be applied to it and were kept as “${path.basename(aside)}”.`
}

/** A good file, with the saves its journal holds (if any) replayed onto it. */
async function withJournal(place: TimelinePlace, now: Date, bytes: Uint8Array, decoded: string, fileDocument: TimelineDocument): Promise<OpenedTimeline> {
  // The text as it is on disk: decoding left out a byte order mark the file may start with.
  const fileText = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && decoded.charCodeAt(0) !== 0xfeff ? `\uFEFF${decoded}` : decoded
  const asOpened = (document: TimelineDocument, notices: string[], journal: OpenedTimeline['journal'], mustSave = false): OpenedTimeline => ({
    document,
    readOnly: false,
    notices,
    mustSave,
    openedText: document === fileDocument ? fileText : serializeTimeline(document),
    openedTextChecked: document === fileDocument,
    ...(document === fileDocument ? { openedBytes: bytes } : {}),
    journal,
  })
  let reading: Awaited<ReturnType<typeof readJournal>>
  try {
    reading = await readJournal(place.file, bytes)
  } catch (error) {
    const notice = `Annalist could not read the latest changes saved beside “${place.name}” (${errorCode(error) || (error as Error).message}). It is open read-only, without them, so that they are not written over; the files have not been changed.`
    return { ...asOpened(fileDocument, [notice], null), readOnly: true }
  }
  if (reading.kind === 'none') return asOpened(fileDocument, [], null)
  if (reading.kind === 'newer') {
    const notice = `The latest changes to “${place.name}” were saved by a newer version of Annalist (journal format ${reading.version}). It is open read-only, without them; the files have not been changed. Update Annalist to see and edit them.`
    return { ...asOpened(fileDocument, [notice], null), readOnly: true }
  }
  if (reading.kind === 'applies') {
    try {
      const document = applyPatches(fileDocument, reading.patches)
      return asOpened(document, [], { base: await fileIdentity(bytes), records: reading.records })
    } catch (error) {
      if (!(error instanceof PatchMismatchError)) throw error
      return setAsideAndOpen(place, now, fileDocument, [], `it does not fit the file (${error.message})`, asOpened)
    }
  }
  return setAsideAndOpen(place, now, fileDocument, reading.patches, reading.reason, asOpened)
}

async function setAsideAndOpen(
  place: TimelinePlace,
  now: Date,
  fileDocument: TimelineDocument,
  readable: DocumentPatch[],
  why: string,
  asOpened: (document: TimelineDocument, notices: string[], journal: null, mustSave?: boolean) => OpenedTimeline,
): Promise<OpenedTimeline> {
  let document = fileDocument
  try {
    document = applyPatches(fileDocument, readable)
  } catch {
    document = fileDocument
  }
  const kept = document === fileDocument ? '' : ` The ${readable.length} readable changes before the damage were applied.`
  let aside: string | null
  try {
    aside = await setJournalAside(place.file, now)
  } catch (error) {
    const notice = `The latest changes saved beside “${place.name}” could not be applied because ${why}, and could not be moved aside (${(error as Error).message}). It is open read-only, without them; the files have not been changed.`
    return { ...asOpened(fileDocument, [notice], null), readOnly: true }
  }
  const notice = `The latest changes saved beside “${place.name}” could not all be applied because ${why}.${kept} ${aside ?? ''}`.trim()
  return asOpened(document, [notice], null, document !== fileDocument)
}
