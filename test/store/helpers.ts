/** Shared pieces for the store tests: a temp data folder, small documents, and a faulty file system. */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { SCHEMA_VERSION, type Annotation, type TimelineDocument } from '../../main/domain/timeline'
import { realFileSystem, TEMP_MARKER, type FileSystem, type WritableFile } from '../../main/store/durableWrite'
import { timelinePath, timelinesDir } from '../../main/store/library'

export interface TempLibrary {
  dataDir: string
  /** `<dataDir>/timelines/<name>.annalist.json` */
  file: (name?: string) => string
  remove: () => Promise<void>
}

export async function tempLibrary(): Promise<TempLibrary> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'annalist-store-'))
  const { mkdir } = await import('node:fs/promises')
  await mkdir(timelinesDir(dataDir), { recursive: true })
  return {
    dataDir,
    file: (name = 'crisis') => timelinePath(dataDir, name),
    remove: () => rm(dataDir, { recursive: true, force: true }),
  }
}

export const STAMP = '2026-01-02T03:04:05.000Z'

export function sampleDocument(title = 'Test crisis'): TimelineDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: { title, description: '', created: STAMP, updated: STAMP },
    lanes: [{ id: 'russia', name: 'Russia', hidden: false }],
    events: [
      {
        id: 'geneva',
        title: 'US–Russia Strategic Stability Dialogue, Geneva',
        date: '2022-01-10',
        description: '',
        lanes: ['russia'],
        tags: [],
        sources: [{ id: 's1', title: 'state.gov travel notice', publisher: 'US State Department', url: '', grade: 'A1' }],
      },
    ],
    annotations: [],
  }
}

export function note(id: string, text: string): Annotation {
  return {
    id,
    anchor: { kind: 'event', eventId: 'geneva' },
    label: '',
    text,
    tags: [],
    colour: 'amber',
    links: { events: [], sources: [] },
    author: { name: 'Test Analyst', initials: 'TA' },
    created: STAMP,
    updated: STAMP,
    history: [],
  }
}

export function withNote(document: TimelineDocument, id: string, text: string): TimelineDocument {
  return { ...document, annotations: [...document.annotations, note(id, text)] }
}

/** Temp files an interrupted or failed write left in `folder`. */
export async function tempFilesIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.includes(TEMP_MARKER))
}

/** The steps of a durable save, as the faulty file system tells them apart. */
export type SaveStep = 'write' | 'sync' | 'rename' | 'folderSync'
export const SAVE_STEPS: readonly SaveStep[] = ['write', 'sync', 'rename', 'folderSync']

function failure(code: string, step: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault at ${step}`), { code })
}

export interface Fault {
  step: SaveStep
  code: string
  /** Only writes into this folder fail (e.g. the timeline's, not the backups'). */
  folder?: string
  /** Only steps on paths containing this fail (e.g. the timeline file's temp files, not the journal). */
  only?: string
}

/**
 * The real file system, except that while `fault` is set, the named step fails with the given
 * code (every time, like a full disk that stays full until space is freed).
 */
export class FaultyFileSystem implements FileSystem {
  fault: Fault | null = null
  /** How many times each step was attempted (to show a retry happened). */
  readonly attempts: Record<SaveStep, number> = { write: 0, sync: 0, rename: 0, folderSync: 0 }
  /** Temp files created and not yet renamed or removed: 0 means no write is part-way through. */
  private readonly liveTemps = new Set<string>()

  get tempFilesOpen(): number {
    return this.liveTemps.size
  }

  private check(step: SaveStep, folder: string, file = folder): void {
    this.attempts[step]++
    const fault = this.fault
    if (fault?.step !== step) return
    if (fault.folder && path.resolve(fault.folder) !== path.resolve(folder)) return
    if (fault.only && !file.includes(fault.only)) return
    throw failure(fault.code, step)
  }

  async open(file: string, flags: 'r' | 'wx' | 'a', mode?: number): Promise<WritableFile> {
    const handle = await realFileSystem.open(file, flags, mode)
    const isFolder = flags === 'r'
    if (flags === 'wx') this.liveTemps.add(file)
    const folder = isFolder ? file : path.dirname(file)
    return {
      writeFile: async (data, encoding) => {
        this.check('write', folder, file)
        return handle.writeFile(data, encoding)
      },
      sync: async () => {
        this.check(isFolder ? 'folderSync' : 'sync', folder, file)
        return handle.sync()
      },
      close: () => handle.close(),
    }
  }

  async rename(from: string, to: string): Promise<void> {
    this.check('rename', path.dirname(from), from)
    await realFileSystem.rename(from, to)
    this.liveTemps.delete(from)
  }

  async rm(file: string, options: { force: true }): Promise<void> {
    await realFileSystem.rm(file, options)
    this.liveTemps.delete(file)
  }
}

/** Polls until `condition` holds; fails after `timeoutMs` (generous: the machine may be loaded). */
export function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (condition()) return resolve()
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`))
      setTimeout(poll, 5)
    }
    poll()
  })
}

setFlagsFromString('--expose-gc')
/** V8's full garbage collection, for tests of what stays held in memory. */
export const collectGarbage = runInNewContext('gc') as () => void

/** Whether what `ref` points to is collected (a WeakRef's target lives at least to the end of the turn). */
export async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let attempt = 0; attempt < 10 && ref.deref() !== undefined; attempt++) {
    await nextTurn()
    collectGarbage()
  }
  return ref.deref() === undefined
}
