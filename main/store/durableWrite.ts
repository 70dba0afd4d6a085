/**
 * Writing a file so that a crash, a kill or a power cut leaves either the old contents or the new,
 * never a mix: unique temp file → write + fsync → rename over the target → fsync the folder.
 * lowdb's own writer (steno) skips both fsyncs and races on a fixed temp name (lowdb #549, #555),
 * which is why Annalist has its own. All file-system calls go through `FileSystem` so tests can
 * inject ENOSPC / EIO / EPERM at each step (open, write, sync, rename, folder sync).
 */
import * as nodeFs from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

/** The few calls a durable write makes on an open file. */
export interface WritableFile {
  writeFile(data: string | Uint8Array, encoding: 'utf8'): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/**
 * The seam over the file system. A folder is opened with flag `'r'` (to fsync it), a temp file
 * with `'wx'`, a journal with `'a'` (to append to it), so a test double can tell the steps apart.
 */
export interface FileSystem {
  open(file: string, flags: 'r' | 'wx' | 'a', mode?: number): Promise<WritableFile>
  rename(from: string, to: string): Promise<void>
  rm(file: string, options: { force: true }): Promise<void>
}

export const realFileSystem: FileSystem = {
  open: (file, flags, mode) => nodeFs.open(file, flags, mode),
  rename: nodeFs.rename,
  rm: nodeFs.rm,
}

export interface DurableWriteOptions {
  fs?: FileSystem
  /**
   * Pauses between rename attempts. Windows antivirus and indexers hold a file for a moment
   * (EPERM/EBUSY/EACCES); about a second of retrying clears almost all of them, and anything longer
   * is left to the save queue's own retry so the app never stalls.
   */
  renameRetryDelaysMs?: readonly number[]
}

const TRANSIENT_RENAME_ERRORS = new Set(['EPERM', 'EBUSY', 'EACCES'])
const DEFAULT_RENAME_RETRY_DELAYS_MS = [20, 40, 80, 160, 320, 400] as const

/** Every temp file Annalist writes carries this marker, so leftovers can be recognised and removed. */
export const TEMP_MARKER = '.annalist-tmp-'

function tempPathFor(target: string): string {
  const unique = `${process.pid}-${randomBytes(6).toString('hex')}`
  return path.join(path.dirname(target), `.${path.basename(target)}${TEMP_MARKER}${unique}`)
}

/** True for a temp file left by an interrupted write of `target` (any process, any attempt). */
export function isLeftoverTempFor(target: string, fileName: string): boolean {
  return fileName.startsWith(`.${path.basename(target)}${TEMP_MARKER}`)
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? ''
}

async function renameWithRetry(fs: FileSystem, from: string, to: string, delaysMs: readonly number[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to)
      return
    } catch (error) {
      const pause = delaysMs[attempt]
      if (!TRANSIENT_RENAME_ERRORS.has(errorCode(error)) || pause === undefined) throw error
      await delay(pause)
    }
  }
}

/** fsync on a folder makes a rename in it durable; Windows cannot open folders, and does not need it. */
export async function syncFolder(folder: string, fs: FileSystem = realFileSystem): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Resolves only once `contents` is durably in `target`.
 * A failure before the rename leaves `target` byte-identical and removes the temp file. The rename
 * is the commit point: if the folder fsync after it fails, `target` already holds the whole new
 * contents (never a mix) but the write is reported as failed, so the caller retries it and does not
 * tell the analyst "saved" until a later write's folder fsync succeeds.
 */
export async function writeFileDurably(target: string, contents: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? realFileSystem
  const temp = tempPathFor(target)
  try {
    const handle = await fs.open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(contents, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameWithRetry(fs, temp, target, options.renameRetryDelaysMs ?? DEFAULT_RENAME_RETRY_DELAYS_MS)
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await syncFolder(path.dirname(target), fs)
}

/**
 * Removes temp files that an interrupted write of `target` left behind (a kill between open and
 * rename). Call only before this process starts writing `target`: the single-instance lock means no
 * other Annalist is writing it.
 */
export async function removeLeftoverTempFiles(target: string): Promise<string[]> {
  const folder = path.dirname(target)
  const names = await nodeFs.readdir(folder).catch(() => [] as string[])
  const leftovers = names.filter((name) => isLeftoverTempFor(target, name))
  for (const name of leftovers) await nodeFs.rm(path.join(folder, name), { force: true })
  return leftovers
}
