/**
 * Writes the example figures in docs/figures/ through the command line itself:
 * `npx tsx test/figure/writeExampleFigures.ts`. The seed timeline gets the three test notes
 * (fixtures.ts), and the "generated on" date is fixed so the files only change when the figure does.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli } from '../../main/cli/index'
import { annotatedSeed } from './fixtures'

const DOCS = fileURLToPath(new URL('../../docs/figures/', import.meta.url))

const work = await mkdtemp(path.join(tmpdir(), 'annalist-examples-'))
const timeline = path.join(work, 'russia-west-crisis-annotated.json')
await writeFile(timeline, JSON.stringify(annotatedSeed(), null, 1))

const common = ['--from', '2021-11', '--to', '2022-02', '--title', 'Russia and the West, winter 2021–22', '--subtitle', 'Diplomacy, the Russian build-up near Ukraine and the Kazakhstan unrest, November 2021 – February 2022', '--banner', 'UNCLASSIFIED // EXAMPLE FIGURE', '--generated-on', '2026-11-28']
const figures: [string, string[]][] = [
  ['seed.png', ['--preset', 'slide', ...common]],
  ['seed.svg', ['--preset', 'slide', ...common]],
  ['seed.pdf', ['--preset', 'a4-landscape', '--footnotes', ...common]],
  ['seed-whole-a4-portrait.png', ['--preset', 'a4-portrait', '--title', 'Russia, the US and NATO, 1991–2022', '--banner', 'UNCLASSIFIED // EXAMPLE FIGURE', '--generated-on', '2026-11-28']],
]
let failed = 0
for (const [name, args] of figures) {
  const code = await runCli(['figure', timeline, '--out', path.join(DOCS, name), ...args])
  if (code !== 0) failed++
}
await rm(work, { recursive: true, force: true })
process.exitCode = failed ? 1 : 0
