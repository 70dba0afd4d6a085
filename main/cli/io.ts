/** What a command may touch of the outside world: its output streams and working folder (tests swap them). */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  cwd: string
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  cwd: process.cwd(),
}

/** Exit codes every command uses, so a report pipeline can tell what went wrong without parsing text. */
export const EXIT = {
  ok: 0,
  /** Something Annalist did not expect; the message says what. */
  failed: 1,
  /** Unknown command or option, missing or malformed option value. */
  badOption: 2,
  /** The input file is missing, unreadable or not a valid timeline. */
  badFile: 3,
  /** A date is not valid EDTF, or the range ends before it starts. */
  badDates: 4,
  /** The output cannot be written there (no such folder, no permission, disk full). */
  unwritable: 5,
} as const

export interface Command {
  name: string
  /** One line for `annalist --help`. */
  summary: string
  /** The full help for `annalist <name> --help`: every argument and option. */
  usage: string
  run(argv: string[], io: CliIo): Promise<number>
}

/** A problem the analyst can fix, with the exit code that names its kind. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message)
  }
}
