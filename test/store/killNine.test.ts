/**
 * kill -9 at random moments while a child process saves annotations (test/store/killChild.ts).
 * After every kill the file must parse and validate, and (with its journal, if any) hold every
 * annotation whose save was acknowledged; every snapshot in the backups rotation must also be a
 * valid timeline. Half the series save small timelines (rewritten whole), half save as large ones
 * do (journal appends, folded into the file every few saves), so kills land in both.
 * Runs ANNALIST_KILL_RUNS kills (default 40; `npm run test:faults` runs 1,000).
 */
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { backupsDir, BACKUP_EXTENSION } from '../../main/store/backups'
import { journalPathFor, readSavedTimeline } from '../../main/store/journal'
import { loadTimelineBytes, serializeTimeline } from '../../main/store/timelineFile'
import { TimelineSession } from '../../main/timelineSession'
import { sampleDocument, tempFilesIn, tempLibrary } from './helpers'

const RUNS = Number(process.env.ANNALIST_KILL_RUNS ?? 40)
const RUNS_PER_FOLDER = 25 // a fresh timeline now and then keeps the file, and each save, small
const PARALLEL = 4
const CHILD_SOURCE = fileURLToPath(new URL('./killChild.ts', import.meta.url))
let bundleDir = ''
let child = ''

// The child is the same TypeScript, bundled once into one file: a thousand starts through tsx would
// spend most of the run compiling and loading modules rather than saving and being killed.
before(async () => {
  bundleDir = await mkdtemp(path.join(tmpdir(), 'annalist-kill-child-'))
  child = path.join(bundleDir, 'killChild.cjs')
  await build({ entryPoints: [CHILD_SOURCE], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: child, logLevel: 'warning' })
})
after(() => rm(bundleDir, { recursive: true, force: true }))

interface Tally {
  runs: number
  killedWhileOpening: number
  killedWhileSaving: number
  acknowledged: number
  unreadableFiles: number
  lostAnnotations: number
  invalidBackups: number
  /** Temp files the kills left mid-write (proof the kills landed inside writes)… */
  tempFilesLeftByKills: number
  /** …and how many of them were still there after the next opening (must be 0). */
  tempFilesAfterReopening: number
  /** Journal series: kills that left saves in the journal, and kills while folding it into the file. */
  killsLeavingAJournal: number
  killsWhileFolding: number
  /** Journals a later opening could not apply (must be 0: they would be set aside, with their saves). */
  journalsSetAside: number
}

type Mode = 'whole' | 'journal'

function randomBetween(min: number, max: number): number {
  return min + Math.random() * (max - min)
}

/** Starts the child, kills it with SIGKILL at a random moment, and returns the ids it acknowledged. */
function runAndKill(file: string, tag: string, mode: Mode): Promise<{ acked: string[]; opened: boolean }> {
  return new Promise((resolve, reject) => {
    const saver = spawn(process.execPath, [child, file, tag, mode], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let killed = false
    const kill = () => {
      if (killed) return
      killed = true
      saver.kill('SIGKILL')
    }
    // A quarter of the kills land within 40 ms of the child starting to open the file (recovery,
    // temp cleanup, snapshot on open, first saves); the rest land while saving, up to 150 ms after
    // the first acknowledgement.
    const early = Math.random() < 0.25
    const trigger = early ? 'opening' : 'ack '
    saver.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (!out.includes(trigger) && chunk.includes(trigger)) setTimeout(kill, randomBetween(0, early ? 40 : 150))
      out += chunk
    })
    saver.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    saver.on('error', reject)
    saver.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself (${_code}): ${err}`))
      const lines = out.split('\n')
      resolve({ acked: lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4)), opened: lines.some((l) => l.startsWith('opened ')) })
    })
  })
}

async function checkAfterKill(dataDir: string, file: string, allAcked: Set<string>, tally: Tally): Promise<void> {
  if (loadTimelineBytes(await readFile(file)).kind !== 'usable') {
    tally.unreadableFiles++
    return
  }
  const journal = await readFile(journalPathFor(file), 'utf8').catch(() => null)
  if (journal !== null) {
    tally.killsLeavingAJournal++
    if (journal.trimEnd().split('\n').at(-1)?.includes('"compactedInto"')) tally.killsWhileFolding++
  }
  const saved = await readSavedTimeline(file).catch(() => null)
  if (!saved) {
    tally.unreadableFiles++
    return
  }
  const present = new Set(saved.annotations.map((a) => a.id))
  for (const id of allAcked) if (!present.has(id)) tally.lostAnnotations++
  const folder = backupsDir(dataDir, 'crisis')
  const inRotation = (await readdir(folder).catch(() => [])).filter((n) => n.endsWith(BACKUP_EXTENSION))
  for (const name of inRotation) {
    if (loadTimelineBytes(await readFile(path.join(folder, name))).kind !== 'usable') tally.invalidBackups++
  }
}

async function killSeries(runs: number, series: number, mode: Mode, tally: Tally): Promise<void> {
  for (let start = 0; start < runs; start += RUNS_PER_FOLDER) {
    const library = await tempLibrary()
    const file = library.file()
    await writeFile(file, serializeTimeline(sampleDocument()))
    const allAcked = new Set<string>()
    try {
      for (let run = start; run < Math.min(runs, start + RUNS_PER_FOLDER); run++) {
        const { acked, opened } = await runAndKill(file, `s${series}r${run}`, mode)
        for (const id of acked) allAcked.add(id)
        tally.runs++
        tally.acknowledged += acked.length
        if (acked.length === 0 && !opened) tally.killedWhileOpening++
        else tally.killedWhileSaving++
        await checkAfterKill(library.dataDir, file, allAcked, tally)
        tally.tempFilesLeftByKills += (await tempFilesIn(path.dirname(file))).length
      }
      const reopened = await TimelineSession.open(file)
      if (reopened.notices.some((n) => n.includes('could not all be applied'))) tally.journalsSetAside++
      await reopened.close()
      tally.tempFilesAfterReopening += (await tempFilesIn(path.dirname(file))).length
    } finally {
      await library.remove()
    }
  }
}

test(`kill -9 at random moments (${RUNS} kills): no unreadable file, no acknowledged annotation lost`, { timeout: 60 * 60 * 1000 }, async (t) => {
  const tally: Tally = {
    runs: 0,
    killedWhileOpening: 0,
    killedWhileSaving: 0,
    acknowledged: 0,
    unreadableFiles: 0,
    lostAnnotations: 0,
    invalidBackups: 0,
    tempFilesLeftByKills: 0,
    tempFilesAfterReopening: 0,
    killsLeavingAJournal: 0,
    killsWhileFolding: 0,
    journalsSetAside: 0,
  }
  const perSeries = Math.ceil(RUNS / PARALLEL)
  await Promise.all(Array.from({ length: PARALLEL }, (_, s) => killSeries(Math.min(perSeries, RUNS - s * perSeries), s, s % 2 ? 'journal' : 'whole', tally)))
  t.diagnostic(`kill -9 figures: ${JSON.stringify(tally)}`)
  assert.equal(tally.runs, RUNS)
  assert.equal(tally.unreadableFiles, 0)
  assert.equal(tally.lostAnnotations, 0)
  assert.equal(tally.invalidBackups, 0)
  assert.equal(tally.tempFilesAfterReopening, 0)
  assert.equal(tally.journalsSetAside, 0)
  assert.ok(tally.killsLeavingAJournal > 0, 'kills landed while saves were in the journal')
  assert.ok(tally.acknowledged > RUNS, 'the children acknowledged saves (the test exercised saving)')
})
