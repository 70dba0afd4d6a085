/**
 * File ▸ Open Recent: the timelines opened lately, newest first, kept in
 * `<dataDir>/preferences/recent.json` and written durably like the timelines themselves. The list
 * also says which timeline to reopen when Annalist starts. A broken or hostile file reads as an
 * empty list (it is only a convenience) and is replaced on the next open.
 */
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import secureJson from 'secure-json-parse'
import { z } from 'zod'
import { writeFileDurably } from '../store/durableWrite'

export const RECENT_LIMIT = 10

const RecentEntrySchema = z.strictObject({
  file: z.string().min(1).max(4_096),
  title: z.string().max(1_000),
  openedAt: z.string().max(40),
})
const RecentFileSchema = z.strictObject({ version: z.literal(1), timelines: z.array(RecentEntrySchema).max(100) })

export type RecentTimeline = z.infer<typeof RecentEntrySchema>

export function recentTimelinesFile(dataDir: string): string {
  return path.join(dataDir, 'preferences', 'recent.json')
}

/** Same file, however it was written (`a/../b`, trailing separators). */
function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b)
}

export class RecentTimelines {
  /** Writes one after another, so a quick series of opens never loses an entry to a race. */
  private writing: Promise<void> = Promise.resolve()

  constructor(private readonly dataDir: string) {}

  async list(): Promise<RecentTimeline[]> {
    await this.writing
    return this.read()
  }

  /** Puts the file at the top (with its title as of now); resolves once the list is durably saved. */
  remember(file: string, title: string, now: Date = new Date()): Promise<void> {
    return this.change((list) => [{ file: path.resolve(file), title, openedAt: now.toISOString() }, ...list.filter((e) => !sameFile(e.file, file))])
  }

  /** Updates the title shown for a file after a rename, keeping its place in the list. */
  retitle(file: string, title: string): Promise<void> {
    return this.change((list) => list.map((e) => (sameFile(e.file, file) ? { ...e, title } : e)))
  }

  /** Whether the file is on the list: the window may only ask to open files from it (or the library). */
  async includes(file: string): Promise<boolean> {
    return (await this.list()).some((e) => sameFile(e.file, file))
  }

  private change(edit: (list: RecentTimeline[]) => RecentTimeline[]): Promise<void> {
    const next = this.writing.then(async () => {
      const list = edit(await this.read()).slice(0, RECENT_LIMIT)
      const file = recentTimelinesFile(this.dataDir)
      await mkdir(path.dirname(file), { recursive: true })
      await writeFileDurably(file, `${JSON.stringify({ version: 1, timelines: list }, null, 1)}\n`)
    })
    this.writing = next.catch(() => undefined)
    return next
  }

  private async read(): Promise<RecentTimeline[]> {
    try {
      const text = await readFile(recentTimelinesFile(this.dataDir), 'utf8')
      const parsed = RecentFileSchema.safeParse(secureJson.parse(text.replace(/^\uFEFF/, ''), undefined, { protoAction: 'error', constructorAction: 'error' }))
      return parsed.success ? parsed.data.timelines : []
    } catch {
      return []
    }
  }
}
