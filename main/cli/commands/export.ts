/**
 * `annalist export <timeline.json> --out <file>`: the timeline as Annalist JSON, CSV, Markwhen or
 * TimelineJS JSON (the format follows --out's extension; --format timelinejs for a .json story).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { EXPORT_FORMATS, exportDocument, formatForPath, type ExportFormat } from '../../formats/exportFile'
import { writeFileDurably } from '../../store/durableWrite'
import { CliError, EXIT, type CliIo, type Command } from '../io'
import { readTimelineForCli } from './validate'

const usage = `Usage: annalist export <timeline.json> --out <file> [--format <format>]

Writes a timeline for other tools. The format follows the extension of --out:
  .json  Annalist JSON (everything)       .csv  CSV (every event field; one row per event)
  .mw    Markwhen                          --format timelinejs  TimelineJS JSON (a web story)
CSV cells that start with = + - @ tab or CR are written with a leading ' so spreadsheets do not
run them as formulas; Annalist removes it again on import.

Options:
  -o, --out <file>        where to write (required)
      --format <format>   ${EXPORT_FORMATS.join(', ')} (overrides the extension)
  -h, --help              show this help

Exit codes: 0 written; 2 bad option; 3 bad timeline file; 5 cannot write --out.`

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a timeline as Annalist JSON, CSV, Markwhen or TimelineJS JSON',
  usage,
  async run(argv: string[], io: CliIo): Promise<number> {
    let parsed
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { out: { type: 'string', short: 'o' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } })
    } catch (error) {
      throw new CliError(EXIT.badOption, `${(error as Error).message}\nRun 'annalist export --help' for the options.`)
    }
    const { values, positionals } = parsed
    if (values.help) {
      io.out(usage)
      return EXIT.ok
    }
    if (positionals.length !== 1) throw new CliError(EXIT.badOption, `give exactly one timeline file (got ${positionals.length})`)
    if (!values.out) throw new CliError(EXIT.badOption, '--out is required: the file to write (.json, .csv or .mw)')
    if (values.format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(values.format)) {
      throw new CliError(EXIT.badOption, `--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${values.format}"`)
    }
    const format = (values.format as ExportFormat | undefined) ?? formatForPath(values.out)
    if (!format) throw new CliError(EXIT.badOption, `cannot tell the format from "${values.out}": use .json, .csv or .mw, or --format`)
    const document = await readTimelineForCli(path.resolve(io.cwd, positionals[0]!), false)
    const out = path.resolve(io.cwd, values.out)
    const text = exportDocument(document, format)
    try {
      await writeFileDurably(out, text)
    } catch (error) {
      throw new CliError(EXIT.unwritable, `cannot write ${out}: ${(error as Error).message}`)
    }
    io.out(`Wrote ${out} (${format}, ${document.events.length} events, ${document.annotations.length} annotations)`)
    return EXIT.ok
  },
}
