/**
 * `annalist validate <file>`: is this a timeline Annalist can open, or a file it can import?
 * For a timeline: the format version and counts, or the first problem and where it is. For any
 * other file: the import preview's counts and every per-row error and warning, as the app shows them.
 * Also home of `readTimelineForCli`, which the import, export and merge commands share.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { TimelineDocument } from '../../domain/timeline'
import { readTimelineFile } from '../../store/timelineFile'
import { previewImportFile } from '../../formats/importFile'
import { ImportError } from '../../formats/importError'
import { decodeText, parseJsonSafely } from '../../formats/inputGuards'
import type { ImportPreview } from '../../formats/importPreview'
import { CliError, EXIT, type CliIo, type Command } from '../io'

const usage = `Usage: annalist validate <file>

Checks a file without changing anything.
  An Annalist timeline (.json with "schemaVersion"): prints its format version and counts, or the
  first problem and where it is.
  Any file Annalist imports (.csv, .tsv, GDELT, TimelineJS .json, Markwhen .mw, Timeline .timeline):
  prints what an import would bring in and every error and warning with its row or line.

Exit codes: 0 valid; 2 bad option; 3 the file has errors (or cannot be read).`

const EMPTY: TimelineDocument = {
  schemaVersion: 1,
  meta: { title: 'validate', description: '', created: '2000-01-01T00:00:00.000Z', updated: '2000-01-01T00:00:00.000Z' },
  lanes: [],
  events: [],
  annotations: [],
}

/** Reads a timeline for a command; `forWriting` refuses files from a newer Annalist, whose fields this one would drop. */
export async function readTimelineForCli(file: string, forWriting: boolean): Promise<TimelineDocument> {
  let read: Awaited<ReturnType<typeof readTimelineFile>>
  try {
    read = await readTimelineFile(file)
  } catch (error) {
    throw new CliError(EXIT.badFile, `cannot read ${file}: ${(error as Error).message}`)
  }
  if (!read) throw new CliError(EXIT.badFile, `there is no file ${file}`)
  const { loaded } = read
  if (loaded.kind === 'unreadable') throw new CliError(EXIT.badFile, `${file}: ${loaded.reason}`)
  if (loaded.kind === 'newer' && (forWriting || !loaded.document)) {
    throw new CliError(EXIT.badFile, `${file} is from a newer Annalist (format version ${loaded.version}); update Annalist to use it here`)
  }
  return loaded.document!
}

/** The preview as lines of text: counts, layout, questions, then each issue with its row. */
export function describePreview(preview: ImportPreview, limit = 50): string[] {
  const { counts } = preview
  const lines = [
    `${preview.file}: ${preview.format}${preview.csv ? ` (${preview.csv.layoutDescription})` : ''}${preview.title ? `, "${preview.title}"` : ''}`,
    `  ${counts.rows} rows read: ${counts.events} events, ${counts.annotations} annotations, ${counts.newLanes} new lanes; ${counts.errors} errors, ${counts.warnings} warnings, ${counts.duplicates} already in the timeline`,
    ...preview.notes.map((note) => `  note: ${note}`),
  ]
  for (const q of preview.questions) {
    lines.push(`  question: dates in "${q.column}" could be either way round (${q.rows} rows, first row ${q.firstRow}): "${q.example}" is ${q.dayFirst} day-first or ${q.monthFirst} month-first; answer with --day-first or --month-first`)
  }
  if (preview.csv?.needsMapping) lines.push(`  columns: ${preview.csv.columns.map((c) => `"${c}"`).join(', ')}`)
  for (const issue of preview.issues.slice(0, limit)) {
    lines.push(`  ${issue.severity} ${issue.row === 0 ? 'file' : `row ${issue.row}`}${issue.column ? `, ${issue.column}` : ''}: ${issue.message}`)
  }
  if (preview.issues.length > limit) lines.push(`  … and ${preview.issues.length - limit} more`)
  return lines
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a timeline or an import file and report every problem with its row',
  usage,
  async run(argv: string[], io: CliIo): Promise<number> {
    let parsed
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { help: { type: 'boolean', short: 'h' } } })
    } catch (error) {
      throw new CliError(EXIT.badOption, `${(error as Error).message}\nRun 'annalist validate --help' for the options.`)
    }
    if (parsed.values.help) {
      io.out(usage)
      return EXIT.ok
    }
    if (parsed.positionals.length !== 1) throw new CliError(EXIT.badOption, `give exactly one file (got ${parsed.positionals.length})`)
    const file = path.resolve(io.cwd, parsed.positionals[0]!)
    const read = await readTimelineFile(file).catch(() => null)
    if (read && read.loaded.kind !== 'unreadable') {
      const document = read.loaded.document
      if (read.loaded.kind === 'newer') io.out(`${file}: a timeline from a newer Annalist (format version ${read.loaded.version}); it can be read but not written here`)
      if (document) io.out(`${file}: a valid Annalist timeline, "${document.meta.title}": ${document.events.length} events, ${document.annotations.length} annotations, ${document.lanes.length} lanes`)
      return document ? EXIT.ok : EXIT.badFile
    }
    if (read && /\.json$/i.test(file) && /"schemaVersion"/.test(Buffer.from(read.bytes.subarray(0, 4_096)).toString('utf8'))) {
      io.err(`${file}: ${read.loaded.kind === 'unreadable' ? read.loaded.reason : 'not valid'}`)
      // The import guards can say where JSON goes wrong (line and column); the store's reader does not.
      try {
        parseJsonSafely(decodeText(read.bytes, path.basename(file)).text, path.basename(file))
      } catch (error) {
        if (error instanceof ImportError) io.err(`  where: ${error.where}`)
      }
      return EXIT.badFile
    }
    let preview: ImportPreview
    try {
      preview = await previewImportFile(file, EMPTY)
    } catch (error) {
      if (error instanceof ImportError) {
        io.err(error.message)
        return EXIT.badFile
      }
      throw error
    }
    io.out(describePreview(preview, Number.POSITIVE_INFINITY).join('\n'))
    return preview.counts.errors > 0 || preview.questions.length > 0 ? EXIT.badFile : EXIT.ok
  },
}
