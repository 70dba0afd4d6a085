/**
 * Save latency for a 10,000-event timeline: how long from an edit to its acknowledgement (the write
 * holding it is durable: temp file written and fsynced, renamed, folder fsynced).
 * Prints figures; it is not a timed test. Run: `npx tsx bench/saveLatency.ts [events] [saves]`.
 */
import { mkdtemp, mkdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { SCHEMA_VERSION, type Annotation, type TimelineDocument, type TimelineEvent } from '../main/domain/timeline'
import { timelinePath } from '../main/store/library'
import { writeFileDurably } from '../main/store/durableWrite'
import { serializeTimeline } from '../main/store/timelineFile'
import { TimelineSession } from '../main/timelineSession'

const EVENTS = Number(process.argv[2] ?? 10_000)
const SAVES = Number(process.argv[3] ?? 100)
const STAMP = '2026-01-01T00:00:00.000Z'

function event(i: number): TimelineEvent {
  const day = new Date(Date.UTC(1990, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
  return {
    id: `e${i}`,
    title: `Event ${i}: talks between delegations resume in Geneva`,
    // Mixed precision, as in real timelines: every tenth a month, every seventh uncertain.
    date: i % 10 === 0 ? day.slice(0, 7) : i % 7 === 0 ? `${day}?` : day,
    description: 'Delegations met for a second round; no joint statement was issued. '.repeat(3),
    lanes: [`lane${i % 7}`],
    tags: ['diplomacy', 'talks'],
    sources: [{ id: `s${i}`, title: 'Wire report', publisher: 'Reuters', url: 'https://www.reuters.com/', grade: 'B2' }],
  }
}

function annotation(id: string): Annotation {
  return {
    id,
    anchor: { kind: 'event', eventId: 'e1' },
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

function describe(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b)
  console.log(`${label}: n=${sorted.length} median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`)
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'annalist-bench-'))
try {
  await mkdir(path.join(dataDir, 'timelines'))
  const file = timelinePath(dataDir, 'bench')
  const document: TimelineDocument = {
    schemaVersion: SCHEMA_VERSION,
    meta: { title: 'Bench', description: '', created: STAMP, updated: STAMP },
    lanes: Array.from({ length: 7 }, (_, i) => ({ id: `lane${i}`, name: `Lane ${i}`, hidden: false })),
    events: Array.from({ length: EVENTS }, (_, i) => event(i)),
    annotations: [],
  }
  await writeFile(file, serializeTimeline(document))
  console.log(`timeline: ${EVENTS} events, ${((await stat(file)).size / 1e6).toFixed(1)} MB on disk`)

  let started = performance.now()
  const session = await TimelineSession.open(file)
  console.log(`open (read, validate, snapshot queued): ${(performance.now() - started).toFixed(0)} ms`)
  if (session.notices.length || session.document.events.length !== EVENTS) throw new Error(`the bench timeline did not open as written: ${session.notices.join(" ")}`)
  await session.flush()

  // One edit at a time, each awaited: the latency an analyst sees for a single change.
  const sequential: number[] = []
  for (let i = 0; i < SAVES; i++) {
    const next = { ...session.document, annotations: [...session.document.annotations, annotation(`seq${i}`)] }
    started = performance.now()
    const outcome = await session.commit(next)
    if (outcome.state !== 'saved') throw new Error(`save failed: ${outcome.lastError}`)
    sequential.push(performance.now() - started)
  }
  describe('acknowledged, one edit at a time', sequential)

  // A burst of edits without waiting (typing, bulk tagging): they coalesce into few writes.
  const burst: number[] = []
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: SAVES }, (_, i) => {
      const next = { ...session.document, annotations: [...session.document.annotations, annotation(`burst${i}`)] }
      const begun = performance.now()
      return session.commit(next).then(() => burst.push(performance.now() - begun))
    }),
  )
  describe(`acknowledged, burst of ${SAVES} edits (coalesced)`, burst)
  console.log(`burst total: ${(performance.now() - t0).toFixed(0)} ms`)

  // Where the time goes: turning the document into text, and the durable write of that text.
  const serializing: number[] = []
  const writing: number[] = []
  for (let i = 0; i < 10; i++) {
    let begun = performance.now()
    const text = serializeTimeline(session.document)
    serializing.push(performance.now() - begun)
    begun = performance.now()
    await writeFileDurably(path.join(dataDir, 'timelines', 'bench-copy.annalist.json'), text)
    writing.push(performance.now() - begun)
  }
  describe('of which: serialising the document', serializing)
  describe('of which: durable write (temp, fsync, rename, folder fsync)', writing)
  await session.close()
} finally {
  await rm(dataDir, { recursive: true, force: true })
}
