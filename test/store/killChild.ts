/**
 * Child process for the kill -9 test: opens a timeline and adds annotations in a loop, printing
 * each id only once its save is acknowledged (durable). The parent kills it at a random moment and
 * checks that every printed id is in the file (with its journal). Run:
 * `node --import tsx killChild.ts <file> <tag> [whole|journal]` (the test runs the same code bundled
 * by esbuild, which starts several times faster). In `journal` mode the timeline is saved as a large
 * one is: each save appended to the journal, folded into the file every few saves and before each
 * snapshot, so kills land in appends and in folding alike.
 */
import { TimelineSession } from '../../main/timelineSession'
import { withNote } from './helpers'

const [file, tag, mode = 'whole'] = process.argv.slice(2)
if (!file || !tag) throw new Error('usage: killChild.ts <timeline file> <tag> [whole|journal]')

async function saveUntilKilled(file: string, tag: string): Promise<never> {
  // Snapshots every 20 ms so kills also land in the middle of taking and rotating backups.
  process.stdout.write('opening\n')
  // Journaled: folded every 6 saves and before each snapshot (every 200 ms), so kills find the journal
  // with saves in it as often as part-way through folding.
  const journal = mode === 'journal' ? { journalFromBytes: 0, maxJournalRecords: 6, compactAfterQuietMs: 5, backupEveryMs: 200 } : {}
  const session = await TimelineSession.open(file, { backupEveryMs: 20, ...journal })
  process.stdout.write(`opened ${session.document.annotations.length}\n`)
  for (let n = 0; ; n++) {
    const id = `${tag}-${n}`
    const outcome = await session.commit(withNote(session.document, id, `Annotation ${n} of run ${tag}: «ack only when durable»`))
    if (outcome.state !== 'saved') throw new Error(`save failed: ${outcome.lastError}`)
    // Pipes are synchronous on Linux and macOS: once written here, the parent can read it after the kill.
    process.stdout.write(`ack ${id}\n`)
  }
}

// No top-level await: the test bundles this file to CommonJS so each of its hundreds of starts is quick.
void saveUntilKilled(file, tag)
