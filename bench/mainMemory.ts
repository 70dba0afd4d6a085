/**
 * What the main process holds for an open timeline: the benchmark's heap figure is the window's,
 * while the document, its indexes and the search index live here. Opens a timeline file as the
 * app does (TimelineSession, then the engine's indexes and the search index), lets the work left
 * for after opening run (the file's hash and snapshot), and prints the memory in use after a full
 * garbage collection at each stage. Run in a process of its own, with --expose-gc:
 *   node --expose-gc --import tsx bench/mainMemory.ts <timeline file>
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as pause } from 'node:timers/promises'
import { TimelineIndexes } from '../main/timelineIndex/timelineIndexes'
import { TimelineSession } from '../main/timelineSession'
import { DEFAULT_TIMELINE_NAME, timelinePath } from '../main/store/library'

const collect = (globalThis as { gc?: () => void }).gc
if (!collect) throw new Error('run with --expose-gc')

/** Memory in use once collected; array buffers are given back a little after, hence the rounds. */
async function inUse(): Promise<string> {
  for (let round = 0; round < 5; round++) {
    collect!()
    await pause(20)
  }
  const { heapUsed, external, rss } = process.memoryUsage()
  const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`
  return `heap ${mb(heapUsed)}, outside the heap ${mb(external)}, resident ${mb(rss)}`
}

const source = process.argv[2]
if (!source) throw new Error('usage: mainMemory.ts <timeline file>')
const dataDir = await mkdtemp(path.join(tmpdir(), 'annalist-memory-'))
try {
  const file = timelinePath(dataDir, DEFAULT_TIMELINE_NAME)
  await cp(source, file)
  console.log(`before opening: ${await inUse()}`)
  // The hash and snapshot come seconds after opening in the app; here at once, so they are counted.
  const session = await TimelineSession.open(file, { dataDir, snapshotAfterOpeningMs: 0, hashAfterOpeningMs: 0 })
  console.log(`opened: ${await inUse()}`)
  await session.listBackups() // waits for the snapshot as it opened
  console.log(`hashed and snapshotted: ${await inUse()}`)
  const indexes = new TimelineIndexes({ searchBuild: 'on-first-search' })
  indexes.sync(session.document)
  console.log(`with the timeline's indexes: ${await inUse()}`)
  await indexes.searchReady()
  console.log(`with the search index: ${await inUse()}`)
  await session.close()
} finally {
  await rm(dataDir, { recursive: true, force: true })
}
