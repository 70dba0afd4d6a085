/**
 * `annalist merge <mine.json> <theirs.json> --out <merged.json>`: File ▸ Merge… headless. Prints
 * what their copy adds and every conflict field by field; with conflicts and no --prefer it writes
 * nothing and exits non-zero, so a conflict is never settled without someone choosing.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { mergeTimelines, type MergeConflict } from '../../merge/mergeTimelines'
import { resolveConflicts } from '../../merge/resolveConflicts'
import { serializeTimeline } from '../../store/timelineFile'
import { writeFileDurably } from '../../store/durableWrite'
import { CliError, EXIT, type CliIo, type Command } from '../io'
import { readTimelineForCli } from './validate'

/** Exit code when conflicts need a choice (listed in the usage; the shared codes stop at 5). */
export const EXIT_CONFLICTS = 6

const usage = `Usage: annalist merge <mine.json> <theirs.json> --out <merged.json> [--prefer mine|theirs]

Merges a colleague's copy of a timeline into yours. Events and annotations are matched by id; the
ones only they have are added; where both have one, each field is compared. Every difference is a
conflict. Nothing is dropped: both versions of a conflicting annotation stay in its history.

Options:
  -o, --out <file>         where to write the merged timeline (required; may be <mine.json>)
      --prefer <side>      settle every conflict with mine or theirs
  -h, --help               show this help

Exit codes: 0 merged; 2 bad option; 3 bad timeline file; 5 cannot write --out;
6 conflicts listed and no --prefer given (nothing written).`

function shown(value: unknown): string {
  const text = value === undefined ? '(none)' : typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value)
  return text.length > 120 ? `${text.slice(0, 119)}…` : text
}

export function describeConflict(c: MergeConflict): string {
  return `  ${c.kind} ${c.id}, ${c.field}:\n    mine:   ${shown(c.mine)}\n    theirs: ${shown(c.theirs)}`
}

export const mergeCommand: Command = {
  name: 'merge',
  summary: "merge a colleague's copy of a timeline, listing conflicts field by field",
  usage,
  async run(argv: string[], io: CliIo): Promise<number> {
    let parsed
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { out: { type: 'string', short: 'o' }, prefer: { type: 'string' }, help: { type: 'boolean', short: 'h' } } })
    } catch (error) {
      throw new CliError(EXIT.badOption, `${(error as Error).message}\nRun 'annalist merge --help' for the options.`)
    }
    const { values, positionals } = parsed
    if (values.help) {
      io.out(usage)
      return EXIT.ok
    }
    if (positionals.length !== 2) throw new CliError(EXIT.badOption, `give two timeline files, mine then theirs (got ${positionals.length})`)
    if (!values.out) throw new CliError(EXIT.badOption, '--out is required: where to write the merged timeline')
    if (values.prefer !== undefined && values.prefer !== 'mine' && values.prefer !== 'theirs') throw new CliError(EXIT.badOption, `--prefer must be mine or theirs, not "${values.prefer}"`)
    const [mineFile, theirFile] = positionals.map((p) => path.resolve(io.cwd, p)) as [string, string]
    const mine = await readTimelineForCli(mineFile, true)
    const theirs = await readTimelineForCli(theirFile, true)
    const result = mergeTimelines(mine, theirs)
    io.out(`Their copy adds ${result.added.events} events, ${result.added.annotations} annotations and ${result.added.lanes} lanes; ${result.conflicts.length} conflicts.`)
    if (result.historiesJoined) io.out(`${result.historiesJoined} annotations gained earlier versions from their copy.`)
    for (const conflict of result.conflicts) io.out(describeConflict(conflict))
    if (result.conflicts.length > 0 && !values.prefer) {
      io.err('annalist merge: settle the conflicts above with --prefer mine or --prefer theirs (or in the app, one by one). Nothing was written.')
      return EXIT_CONFLICTS
    }
    const merged = resolveConflicts(result, [], values.prefer as 'mine' | 'theirs' | undefined)
    const out = path.resolve(io.cwd, values.out)
    try {
      await writeFileDurably(out, serializeTimeline(merged))
    } catch (error) {
      throw new CliError(EXIT.unwritable, `cannot write ${out}: ${(error as Error).message}`)
    }
    io.out(`Wrote ${out}: ${merged.events.length} events, ${merged.annotations.length} annotations${result.conflicts.length ? `; conflicts settled with ${values.prefer}` : ''}`)
    return EXIT.ok
  },
}
