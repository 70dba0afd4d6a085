/**
 * `annalist import <file> --into <timeline.json>`: the same import as File ▸ Import…, headless.
 * Prints the preview (counts, per-row errors and warnings, duplicates), then applies it whole or
 * not at all and saves through the durable writer. A timeline that does not exist yet is created.
 */
import path from 'node:path'
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import secureJson from 'secure-json-parse'
import { previewImportFile } from '../../formats/importFile'
import { applyImport, ImportRefused } from '../../formats/applyImport'
import { ImportError } from '../../formats/importError'
import { CsvMappingSchema, type CsvMapping } from '../../formats/csvMapping'
import { SCHEMA_VERSION, type TimelineDocument } from '../../domain/timeline'
import { serializeTimeline } from '../../store/timelineFile'
import { writeFileDurably } from '../../store/durableWrite'
import { CliError, EXIT, type CliIo, type Command } from '../io'
import { describePreview, readTimelineForCli } from './validate'

const usage = `Usage: annalist import <file> --into <timeline.json> [options]

Imports events from <file> into a timeline (created if it does not exist). Formats: Annalist JSON,
CSV (ACLED, GDELT 1.0/2.0, the TimelineJS sheet, or any CSV through --mapping), TimelineJS JSON,
Markwhen (.mw) and the Timeline app's .timeline XML. Prints what will be imported and every problem
with its row; the import applies whole or not at all.

Options:
      --into <timeline.json>   the timeline to import into (required)
      --mapping <json|file>    which CSV columns hold what, as JSON or a .json file, e.g.
                               '{"date":"When","title":"What","description":"Notes","lane":"Country"}'
                               fields: date, endDate, title, description, lane, tags, source, location
      --day-first              read 03/04/2014 as 3 April (answers the day/month question)
      --month-first            read 03/04/2014 as 4 March
      --skip-bad-rows          import the other rows when some rows have errors
      --keep-duplicates        import rows already in the timeline as new events (default: skip them)
      --dry-run                show the preview only; change nothing
  -h, --help                   show this help

Exit codes: 0 imported; 2 bad option; 3 the file cannot be imported (errors listed);
4 day/month order must be given; 5 the timeline cannot be written.`

async function readMapping(text: string, cwd: string): Promise<CsvMapping> {
  let json = text
  if (!text.trim().startsWith('{')) {
    try {
      json = await readFile(path.resolve(cwd, text), 'utf8')
    } catch (error) {
      throw new CliError(EXIT.badOption, `--mapping: cannot read ${text} (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
    }
  }
  let raw: unknown
  try {
    raw = secureJson.parse(json, undefined, { protoAction: 'error', constructorAction: 'error' })
  } catch (error) {
    throw new CliError(EXIT.badOption, `--mapping is not valid JSON: ${(error as Error).message}`)
  }
  const checked = CsvMappingSchema.safeParse(raw)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    throw new CliError(EXIT.badOption, `--mapping: ${issue?.path.join('.') || 'mapping'} ${issue?.message ?? 'is not valid'}`)
  }
  return checked.data
}

function emptyTimeline(): TimelineDocument {
  const now = new Date().toISOString()
  return { schemaVersion: SCHEMA_VERSION, meta: { title: 'Imported', description: '', created: now, updated: now }, lanes: [], events: [], annotations: [] }
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import events from CSV, ACLED, GDELT, TimelineJS, Markwhen or Timeline files into a timeline',
  usage,
  async run(argv: string[], io: CliIo): Promise<number> {
    let parsed
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          into: { type: 'string' },
          mapping: { type: 'string' },
          'day-first': { type: 'boolean' },
          'month-first': { type: 'boolean' },
          'skip-bad-rows': { type: 'boolean' },
          'keep-duplicates': { type: 'boolean' },
          'dry-run': { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
      })
    } catch (error) {
      throw new CliError(EXIT.badOption, `${(error as Error).message}\nRun 'annalist import --help' for the options.`)
    }
    const { values, positionals } = parsed
    if (values.help) {
      io.out(usage)
      return EXIT.ok
    }
    if (positionals.length !== 1) throw new CliError(EXIT.badOption, `give exactly one file to import (got ${positionals.length})`)
    if (!values.into) throw new CliError(EXIT.badOption, '--into is required: the timeline to import into')
    if (values['day-first'] && values['month-first']) throw new CliError(EXIT.badOption, 'give --day-first or --month-first, not both')
    const source = path.resolve(io.cwd, positionals[0]!)
    const target = path.resolve(io.cwd, values.into)
    const mapping = values.mapping !== undefined ? await readMapping(values.mapping, io.cwd) : undefined
    const dayFirst = values['day-first'] ? true : values['month-first'] ? false : undefined

    const exists = (await readTimelineForCli(target, true).catch((error: unknown) => {
      if (error instanceof CliError && /there is no file/.test(error.message)) return null
      throw error
    })) as TimelineDocument | null
    const document = exists ?? emptyTimeline()

    let preview
    try {
      preview = await previewImportFile(source, document, { mapping, dayFirst })
    } catch (error) {
      if (error instanceof ImportError) throw new CliError(EXIT.badFile, error.message)
      throw error
    }
    io.out(describePreview(preview).join('\n'))
    if (values['dry-run']) return EXIT.ok
    if (preview.questions.length > 0) {
      io.err('annalist import: day/month order is ambiguous; run again with --day-first or --month-first. Nothing was imported.')
      return EXIT.badDates
    }
    let next: TimelineDocument
    try {
      next = applyImport(document, preview, {
        mode: exists ? 'merge-into' : 'new',
        skipRowsWithErrors: values['skip-bad-rows'] ?? false,
        duplicates: values['keep-duplicates'] ? 'import-as-new' : 'skip',
      })
    } catch (error) {
      if (error instanceof ImportRefused) throw new CliError(EXIT.badFile, `${error.message}${preview.counts.errors ? ' (--skip-bad-rows imports the other rows)' : ''}. Nothing was imported.`)
      throw error
    }
    try {
      await writeFileDurably(target, serializeTimeline(next))
    } catch (error) {
      throw new CliError(EXIT.unwritable, `cannot write ${target}: ${(error as Error).message}. Nothing was imported.`)
    }
    const addedEvents = next.events.length - (exists ? document.events.length : 0)
    const addedAnnotations = next.annotations.length - (exists ? document.annotations.length : 0)
    io.out(`Imported ${addedEvents} events and ${addedAnnotations} annotations into ${target}${exists ? '' : ' (new timeline)'}`)
    return EXIT.ok
  },
}
