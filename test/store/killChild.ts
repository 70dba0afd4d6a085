/**
 * Child process for the kill -9 test: opens a timeline and adds annotations in a loop, printing
 * each id only once its save is acknowledged (durable). The parent kills it at a random moment and
 * checks that every printed id is in the file. Run: `node --import tsx killChild.ts <file> <tag>`
 * (the test runs the same code bundled by esbuild, which starts several times faster).
 */
import { TimelineSession } from '../../main/timelineSession'
import { withNote } from './helpers'

const [file, tag] = process.argv.slice(2)
if (!file || !tag) throw new Error('usage: killChild.ts <timeline file> <tag>')

async function saveUntilKilled(file: string, tag: string): Promise<never> {
  // Snapshots every 20 ms so kills also land in the middle of taking and rotating backups.
  process.stdout.write('opening\n')
  const session = await TimelineSession.open(file, { backupEveryMs: 20 })
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
