/**
 * Writing a file so that a crash, a kill or a power cut leaves either the old contents or the new,
 * never a mix: unique temp file → write + fsync → rename over the target → fsync the folder.
 * lowdb's own writer (steno) skips both fsyncs and races on a fixed temp name (lowdb #549, #555),
 * which is why Annalist has its own. All file-system calls go through `FileSystem` so tests can
 * inject ENOSPC / EIO / EPERM at each step.
 */
import * as nodeFs from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

export interface FileSystem {
  open: typeof nodeFs.open
  rename: typeof nodeFs.rename
  rm: typeof nodeFs.rm
}

export const realFileSystem: FileSystem = { open: nodeFs.open, rename: nodeFs.rename, rm: nodeFs.rm }

/** Windows antivirus and indexers hold files briefly; these errors usually clear within a second. */
const TRANSIENT_RENAME_ERRORS = new Set(['EPERM', 'EBUSY', 'EACCES'])
const RENAME_ATTEMPTS = 8

export const TEMP_MARKER = '.annalist-tmp-'

function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}${TEMP_MARKER}${process.pid}-${randomBytes(6).toString('hex')}`)
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

async function renameWithRetry(fs: FileSystem, from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (!TRANSIENT_RENAME_ERRORS.has(code) || attempt >= RENAME_ATTEMPTS) throw error
      await delay(25 * 2 ** attempt)
    }
  }
}

/** fsync on a folder makes the rename itself durable; Windows cannot open folders, and does not need it. */
async function syncFolder(fs: FileSystem, folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Resolves only once `contents` is durably in `target`; on any failure `target` is untouched. */
export async function writeFileDurably(target: string, contents: string, fs: FileSystem = realFileSystem): Promise<void> {
  const temp = tempPathFor(target)
  try {
    const handle = await fs.open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(contents, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameWithRetry(fs, temp, target)
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await syncFolder(fs, path.dirname(target))
}
