/**
 * `annalist figure <timeline.json> --out fig.png …`: the same briefing figure as File ▸ Export
 * figure…, for report pipelines. The format follows the output file's extension.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { readDate } from '../../domain/dates'
import type { TimelineDocument } from '../../domain/timeline'
import { renderFigureFile, formatForFile } from '../../figure/figureFile'
import { FigureRangeError, UNASSIGNED_LANE } from '../../figure/figureContent'
import { loadFigureFonts } from '../../figure/fonts'
import { FIGURE_PRESET_NAMES, FIGURE_PRESETS, MAX_FIGURE_PX, MIN_FIGURE_PX, type FigureOptionsInput, type FigurePreset } from '../../figure/options'
import { saveFigureFile } from '../../figure/saveFigureFile'
import { readTimelineFile } from '../../store/timelineFile'
import { CliError, EXIT, type CliIo, type Command } from '../io'

const usage = `Usage: annalist figure <timeline.json> --out <file.svg|file.png|file.pdf> [options]

Draws a briefing figure of a timeline: time axis, lanes, events, analyst notes (numbered, with
their text, author and judgement below the chart), key, source grades and banner.

Arguments:
  <timeline.json>          the Annalist timeline file to draw

Options:
  -o, --out <file>         where to write; .svg, .png or .pdf chooses the format (required)
      --from <EDTF date>   start of the range, e.g. 2021-11 or 2021-11-10 (with --to)
      --to <EDTF date>     end of the range, inclusive: 2022-02 runs to 28 February (with --from)
                           without --from/--to: the whole timeline
      --preset <name>      page size: ${FIGURE_PRESET_NAMES.join(', ')}
                           (default slide: 1920 × 1080 px; A4 and Letter at 96 px per inch)
      --width <px>         custom width in px (with --height; instead of --preset), ${MIN_FIGURE_PX}–${MAX_FIGURE_PX}
      --height <px>        custom height in px (with --width)
      --scale <1-4>        PNG only: pixels per figure px (2 gives a 3840 × 2160 slide); default 1
      --title <text>       title (default: the timeline's title)
      --subtitle <text>    line under the title
      --banner <text>      classification or caveat banner, top and bottom, e.g. "UNCLASSIFIED"
      --lanes <lanes>      comma-separated lane ids or names to show, in that order, e.g.
                           "russia,China" (default: visible lanes; ${UNASSIGNED_LANE} is the row of
                           events without a lane)
      --footnotes          list the sources of the events shown, with their grades
      --no-notes           leave out analyst notes (bands, moment lines, callouts and note text)
      --no-lane-names      leave out the lane names beside the rows (rows stay in their colours)
      --no-grades          leave out source grades (after each label and in the key)
      --generated-on <YYYY-MM-DD>
                           the date in the "Generated on" line (default: today), for reproducible output
  -h, --help               show this help

Exit codes: 0 written; 2 bad option; 3 bad timeline file; 4 bad date or range; 5 cannot write --out.

Example:
  annalist figure crisis.json --out brief.png --from 2021-11 --to 2022-02 --preset slide \\
    --title "Russia–West crisis" --banner "UNCLASSIFIED" --scale 2`

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        from: { type: 'string' },
        to: { type: 'string' },
        preset: { type: 'string' },
        width: { type: 'string' },
        height: { type: 'string' },
        scale: { type: 'string' },
        title: { type: 'string' },
        subtitle: { type: 'string' },
        banner: { type: 'string' },
        lanes: { type: 'string' },
        footnotes: { type: 'boolean' },
        'no-notes': { type: 'boolean' },
        'no-lane-names': { type: 'boolean' },
        'no-grades': { type: 'boolean' },
        'generated-on': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new CliError(EXIT.badOption, `${(error as Error).message}\nRun 'annalist figure --help' for the options.`)
  }
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) throw new CliError(EXIT.badOption, `--${name} must be a whole number from ${min} to ${max}, not "${text}"`)
  return value
}

async function readTimeline(file: string): Promise<TimelineDocument> {
  let read: Awaited<ReturnType<typeof readTimelineFile>>
  try {
    read = await readTimelineFile(file)
  } catch (error) {
    throw new CliError(EXIT.badFile, `cannot read ${file}: ${(error as Error).message}`)
  }
  if (!read) throw new CliError(EXIT.badFile, `there is no file ${file}`)
  const { loaded } = read
  if (loaded.kind === 'unreadable') throw new CliError(EXIT.badFile, `${file}: ${loaded.reason}`)
  // A file from a newer Annalist may still be drawn (never written) when its shape is understood.
  if (!loaded.document) throw new CliError(EXIT.badFile, `${file} is from a newer Annalist (format version ${loaded.kind === 'newer' ? loaded.version : '?'}); update Annalist to draw it`)
  return loaded.document
}

/** Turns the command line into figure options; every problem is a CliError with its exit code. */
export function figureOptionsFromArgs(values: ReturnType<typeof parse>['values'], document: TimelineDocument): FigureOptionsInput {
  const options: FigureOptionsInput = {
    footnotes: values.footnotes ?? false,
    notes: !values['no-notes'],
    legend: { lanes: !values['no-lane-names'], grades: !values['no-grades'] },
  }
  if ((values.from === undefined) !== (values.to === undefined)) throw new CliError(EXIT.badOption, 'give both --from and --to, or neither for the whole timeline')
  if (values.from !== undefined && values.to !== undefined) {
    for (const [name, text] of [['from', values.from], ['to', values.to]] as const) {
      const reading = readDate(text)
      if (!reading.ok) throw new CliError(EXIT.badDates, `--${name}: ${reading.error}`)
    }
    options.range = { kind: 'dates', from: values.from, to: values.to }
  }
  if (values.width !== undefined || values.height !== undefined) {
    if (values.preset !== undefined) throw new CliError(EXIT.badOption, 'give either --preset or --width and --height, not both')
    if (values.width === undefined || values.height === undefined) throw new CliError(EXIT.badOption, 'give both --width and --height')
    options.size = { width: wholeNumber('width', values.width, MIN_FIGURE_PX, MAX_FIGURE_PX), height: wholeNumber('height', values.height, MIN_FIGURE_PX, MAX_FIGURE_PX) }
  } else if (values.preset !== undefined) {
    if (!(values.preset in FIGURE_PRESETS)) throw new CliError(EXIT.badOption, `--preset must be one of ${FIGURE_PRESET_NAMES.join(', ')}, not "${values.preset}"`)
    options.size = { preset: values.preset as FigurePreset }
  }
  if (values.scale !== undefined) {
    const scale = Number(values.scale)
    if (!/^\d+(\.\d+)?$/.test(values.scale) || scale < 1 || scale > 4) throw new CliError(EXIT.badOption, `--scale must be a number from 1 to 4, not "${values.scale}"`)
    options.scale = scale
  }
  for (const key of ['title', 'subtitle', 'banner'] as const) {
    const text = values[key]
    if (text === undefined) continue
    if (text.length > 300) throw new CliError(EXIT.badOption, `--${key} is longer than 300 characters`)
    options[key] = text
  }
  if (values.lanes !== undefined) {
    const asked = values.lanes.split(',').map((id) => id.trim()).filter(Boolean)
    // An analyst knows lanes by name; scripts may use ids. Ids win where both would match.
    const byName = new Map(document.lanes.map((l) => [l.name.toLowerCase(), l.id]))
    const known = new Set([...document.lanes.map((l) => l.id), UNASSIGNED_LANE])
    const ids = asked.map((entry) => (known.has(entry) ? entry : byName.get(entry.toLowerCase())))
    const unknown = asked.filter((_, i) => ids[i] === undefined)
    if (asked.length === 0 || unknown.length) {
      const lanes = document.lanes.map((l) => `${l.id} (${l.name})`).join(', ')
      throw new CliError(EXIT.badOption, `--lanes: no lane ${unknown.map((id) => `"${id}"`).join(', ') || 'given'}; this timeline's lanes are ${lanes}`)
    }
    options.laneIds = ids as string[]
  }
  if (values['generated-on'] !== undefined) {
    const text = values['generated-on']
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) throw new CliError(EXIT.badOption, `--generated-on must be a date like 2022-02-24, not "${text}"`)
    options.generatedAt = new Date(text).toISOString()
  }
  return options
}

export const figureCommand: Command = {
  name: 'figure',
  summary: 'draw a briefing figure of a timeline as SVG, PNG or PDF',
  usage,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parse(argv)
    if (values.help) {
      io.out(usage)
      return EXIT.ok
    }
    if (positionals.length !== 1) throw new CliError(EXIT.badOption, `give exactly one timeline file (got ${positionals.length}).\nRun 'annalist figure --help' for the options.`)
    if (!values.out) throw new CliError(EXIT.badOption, "--out is required: the file to write (.svg, .png or .pdf)")
    const format = formatForFile(values.out)
    if (!format) throw new CliError(EXIT.badOption, `--out must end in .svg, .png or .pdf: "${values.out}"`)
    const input = path.resolve(io.cwd, positionals[0]!)
    const out = path.resolve(io.cwd, values.out)
    const document = await readTimeline(input)
    const options = figureOptionsFromArgs(values, document)
    if (options.scale !== undefined && options.scale !== 1 && format !== 'png') io.err(`annalist figure: --scale applies to PNG only; ignored for .${format}`)

    let exported: Awaited<ReturnType<typeof renderFigureFile>>
    try {
      exported = await renderFigureFile(document, options, format, loadFigureFonts())
    } catch (error) {
      if (error instanceof FigureRangeError) throw new CliError(EXIT.badDates, error.message)
      throw error
    }
    try {
      await saveFigureFile(out, exported.bytes)
    } catch (error) {
      throw new CliError(EXIT.unwritable, `cannot write ${out}: ${(error as Error).message}`)
    }
    const { figure } = exported
    const scale = format === 'png' ? (options.scale ?? 1) : 1
    io.out(`Wrote ${out} (${format.toUpperCase()}, ${Math.round(figure.width * scale)} × ${Math.round(figure.height * scale)} px, ${figure.eventIds.length} events)`)
    if (figure.counted) io.out(`${figure.counted.events} events are drawn as counts per ${figure.counted.unit}, in lanes too crowded to draw them apart: ${figure.counted.lanes.join(', ')}.`)
    if (figure.dropped.length) {
      io.out(`${figure.dropped.length} labels omitted for space (their markers are drawn):`)
      for (const d of figure.dropped) io.out(`  - ${d.title} [${d.eventId}]`)
    }
    if (figure.notesOmitted) io.out(`${figure.notesOmitted} notes did not fit below the chart and are left out of the figure.`)
    if (format !== 'svg' && figure.undrawable.length) io.out(`Characters the figure's font cannot draw, missing from the ${format.toUpperCase()}: ${figure.undrawable.join(' ')} (an SVG keeps them).`)
    return EXIT.ok
  },
}
