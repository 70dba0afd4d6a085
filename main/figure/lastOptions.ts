/**
 * The figure options an analyst used last, per timeline, so the export dialog opens as they left
 * it. Kept in `<dataDir>/preferences/figure-options.json`, not in the timeline file: they are the
 * analyst's habits, not part of the record they share. Keyed by the timeline file's path.
 * A damaged preferences file only costs the remembered options, never an export.
 */
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import secureJson from 'secure-json-parse'
import { writeFileDurably } from '../store/durableWrite'
import { RememberedOptionsSchema, type FigureOptions, type RememberedOptions } from './options'

export type { RememberedOptions }

/** Enough for any analyst's library; the oldest entries go first when it is full. */
const MAX_REMEMBERED = 200
/** A preferences file larger than this is not ours to read. */
const MAX_FILE_BYTES = 50 * 1024 * 1024

export function figureOptionsFile(dataDir: string): string {
  return path.join(dataDir, 'preferences', 'figure-options.json')
}

export function toRemembered(options: FigureOptions): RememberedOptions {
  const { eventIds: _events, filter: _filter, generatedAt: _at, ...remembered } = options
  return remembered
}

type Store = Record<string, { options: RememberedOptions; saved: string }>

async function readStore(file: string): Promise<Store> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return {}
  }
  if (text.length > MAX_FILE_BYTES) return {}
  try {
    const raw = secureJson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }) as unknown
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {}
    const store: Store = Object.create(null) as Store
    for (const [key, entry] of Object.entries(raw as Record<string, unknown>)) {
      const checked = RememberedOptionsSchema.safeParse((entry as { options?: unknown })?.options)
      const saved = (entry as { saved?: unknown })?.saved
      if (checked.success && typeof saved === 'string') store[key] = { options: checked.data, saved }
    }
    return store
  } catch {
    return {}
  }
}

export async function loadLastFigureOptions(dataDir: string, timelineKey: string): Promise<RememberedOptions | null> {
  const store = await readStore(figureOptionsFile(dataDir))
  return Object.hasOwn(store, timelineKey) ? store[timelineKey]!.options : null
}

/** Saves run one after another, so two quick exports cannot lose each other's read-modify-write. */
let saving: Promise<void> = Promise.resolve()

export function saveLastFigureOptions(dataDir: string, timelineKey: string, options: FigureOptions, now = new Date()): Promise<void> {
  const next = saving.then(() => writeLastOptions(dataDir, timelineKey, options, now))
  saving = next.catch(() => undefined)
  return next
}

async function writeLastOptions(dataDir: string, timelineKey: string, options: FigureOptions, now: Date): Promise<void> {
  const file = figureOptionsFile(dataDir)
  await mkdir(path.dirname(file), { recursive: true })
  const store = await readStore(file)
  store[timelineKey] = { options: toRemembered(options), saved: now.toISOString() }
  const kept = Object.entries(store)
    .sort(([, a], [, b]) => b.saved.localeCompare(a.saved))
    .slice(0, MAX_REMEMBERED)
  await writeFileDurably(file, `${JSON.stringify(Object.fromEntries(kept), null, 1)}\n`)
}
