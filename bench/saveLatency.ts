/**
 * Save latency at scale: how long from an edit to its acknowledgement (the save holding it is
 * durable), for the synthetic timeline of bench/synthetic.ts (default 100,000 events and 10,000
 * annotations). A large timeline saves through its journal (main/store/journal.ts), so it also
 * measures folding the journal into the file, opening (with and without a journal left by a crash),
 * what reading the file costs (JSON parse, schema), and, for comparison, a save that rewrites the
 * whole file as every save did before the journal.
 * Prints figures, with CPU time beside wall time (the machine may be shared); not a timed test.
 * Run: `npx tsx bench/saveLatency.ts [events] [saves]`.
 */
import { copyFile, mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { TimelineDocumentSchema, type Annotation, type TimelineDocument } from '../main/domain/timeline'
import { journalPathFor } from '../main/store/journal'
import { timelinePath } from '../main/store/library'
import { serializeTimeline } from '../main/store/timelineFile'
import { TimelineStore, type TimelineStoreOptions } from '../main/store/timelineStore'
import { syntheticTimeline } from './synthetic'

const EVENTS = Number(process.argv[2] ?? 100_000)
const SAVES = Number(process.argv[3] ?? 100)
const STAMP = '2026-01-01T00:00:00.000Z'
/** No folding while measuring single saves: that is measured on its own. */
const MEASURING: TimelineStoreOptions = { compactAfterQuietMs: 3_600_000, maxJournalRecords: 100_000, backupEveryMs: Infinity }

function annotation(id: string, eventId: string): Annotation {
  return {
    id,
    anchor: { kind: 'event', eventId },
    label: '',
    text: 'Likely a signal to domestic audiences rather than a change of position.',
    tags: [],
    colour: 'amber',
    links: { events: [], sources: [] },
    author: { name: 'Bench', initials: 'B' },
    created: STAMP,
    updated: STAMP,
    history: [],
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

function describe(label: string, samples: number[], cpu?: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b)
  const cpuWords = cpu ? `; CPU median ${percentile([...cpu].sort((a, b) => a - b), 50).toFixed(1)} ms` : ''
  console.log(`${label}: n=${sorted.length} median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms${cpuWords}`)
}

/** Wall and CPU milliseconds of one step. */
async function timed<T>(step: () => Promise<T> | T): Promise<{ value: T; wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage()
  const started = performance.now()
  const value = await step()
  const wall = performance.now() - started
  const { user, system } = process.cpuUsage(cpu0)
  return { value, wall, cpu: (user + system) / 1000 }
}

function once(label: string, { wall, cpu }: { wall: number; cpu: number }): void {
  console.log(`${label}: ${wall.toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms)`)
}

/** Adds one annotation and one edit of an existing one per round, each awaited: what an analyst waits for. */
async function singleSaves(store: TimelineStore, rounds: number, tag: string): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = []
  const cpu: number[] = []
  const events = store.document.events
  for (let i = 0; i < rounds; i++) {
    const document = store.document
    const next =
      i % 2 === 0
        ? { ...document, annotations: [...document.annotations, annotation(`${tag}${i}`, events[(i * 7_919) % events.length]!.id)] }
        : { ...document, annotations: document.annotations.map((a, k) => (k === (i * 104_729) % document.annotations.length ? { ...a, text: `${a.text} (revised ${i})` } : a)) }
    const step = await timed(() => store.commit(next))
    if (step.value.state !== 'saved') throw new Error(`save failed: ${step.value.lastError}`)
    wall.push(step.wall)
    cpu.push(step.cpu)
  }
  return { wall, cpu }
}

/**
 * The synthetic generator can make a date the schema refuses (e.g. `2022-03-09/2022-03-09`); the
 * store rightly would not open such a file, so those few entities are left out here.
 */
function withoutInvalidEntities(document: TimelineDocument): TimelineDocument {
  const checked = TimelineDocumentSchema.safeParse(document)
  if (checked.success) return checked.data
  const bad = { events: new Set<number>(), annotations: new Set<number>() }
  for (const issue of checked.error.issues) {
    const [list, index] = issue.path
    if ((list === 'events' || list === 'annotations') && typeof index === 'number') bad[list].add(index)
  }
  console.log(`(left out ${bad.events.size} events and ${bad.annotations.size} annotations the synthetic generator made with dates the schema refuses)`)
  const events = document.events.filter((_, i) => !bad.events.has(i))
  const annotations = document.annotations.filter((_, i) => !bad.annotations.has(i))
  return TimelineDocumentSchema.parse({ ...document, events, annotations })
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'annalist-bench-'))
try {
  await mkdir(path.join(dataDir, 'timelines'))
  const file = timelinePath(dataDir, 'bench')
  const document = withoutInvalidEntities(syntheticTimeline({ events: EVENTS }))
  const text = serializeTimeline(document)
  await writeFile(file, text)
  console.log(`timeline: ${document.events.length.toLocaleString('en')} events, ${document.annotations.length.toLocaleString('en')} annotations, ${((await stat(file)).size / 1e6).toFixed(1)} MB on disk`)

  // What reading the file costs, step by step.
  const bytes = await readFile(file)
  const parsed = await timed(() => JSON.parse(bytes.toString('utf8')) as unknown)
  once('reading: JSON.parse', parsed)
  once('reading: schema validation (dates read by readDate)', await timed(() => TimelineDocumentSchema.parse(parsed.value)))

  const opening = await timed(() => TimelineStore.open(file, { dataDir, ...MEASURING }))
  once('open (read, validate, snapshot queued)', opening)
  const store = opening.value
  if (store.notices.length || store.document.events.length !== document.events.length) throw new Error(`the bench timeline did not open as written: ${store.notices.join(' ')}`)
  await store.whenSaved()

  const single = await singleSaves(store, SAVES, 'seq')
  describe('acknowledged, one save at a time (journal append + fsync)', single.wall, single.cpu)

  // A burst of edits without waiting (typing, bulk tagging): they coalesce into few appends.
  const burst: number[] = []
  const burstTotal = await timed(() =>
    Promise.all(
      Array.from({ length: SAVES }, (_, i) => {
        const next = { ...store.document, annotations: [...store.document.annotations, annotation(`burst${i}`, 'e1')] }
        const begun = performance.now()
        return store.commit(next).then(() => burst.push(performance.now() - begun))
      }),
    ),
  )
  describe(`acknowledged, burst of ${SAVES} saves (coalesced)`, burst)
  once('burst total', burstTotal)
  console.log(`journal: ${((await stat(journalPathFor(file))).size / 1e3).toFixed(0)} kB after ${SAVES * 2} saves`)

  // A crash now leaves the file and its journal: opening replays the journal.
  const crashed = timelinePath(dataDir, 'crashed')
  await copyFile(file, crashed)
  await copyFile(journalPathFor(file), journalPathFor(crashed))
  const replaying = await timed(() => TimelineStore.open(crashed, { dataDir, ...MEASURING }))
  once(`open after a crash (replaying ${SAVES * 2} journaled saves)`, replaying)
  if (replaying.value.document.annotations.length !== store.document.annotations.length) throw new Error('the replayed timeline differs')
  await replaying.value.close()

  once('folding the journal into the file (durable full rewrite, journal removed)', await timed(() => store.compact()))

  // For comparison: the same single saves rewriting the whole file, as before the journal.
  const wholeFile = timelinePath(dataDir, 'whole')
  await copyFile(file, wholeFile)
  const whole = await TimelineStore.open(wholeFile, { dataDir, ...MEASURING, journalFromBytes: Infinity })
  await whole.whenSaved()
  const rewriting = await singleSaves(whole, 5, 'whole')
  describe('for comparison: acknowledged, one save rewriting the whole file', rewriting.wall, rewriting.cpu)
  await whole.close()
  await store.close()
} finally {
  await rm(dataDir, { recursive: true, force: true })
}
