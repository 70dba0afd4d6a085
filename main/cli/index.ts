/**
 * Annalist's command line: `annalist <command> …` (`npm run cli -- <command> …` from the source).
 * A small registry: each command lives in commands/<name>.ts and is listed in commands/index.ts.
 */
import { COMMANDS } from './commands/index'
import { CliError, EXIT, processIo, type CliIo } from './io'

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    'Usage: annalist <command> [options]',
    '',
    'Annalist keeps an annotated timeline of world events. Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'annalist <command> --help' for a command's arguments and options.",
    '',
    'Exit codes: 0 done; 1 unexpected failure; 2 bad command or option; 3 bad input file;',
    '4 bad date or range; 5 output cannot be written.',
  ].join('\n')
}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const asked = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined
    io.out(asked ? asked.usage : overview())
    return EXIT.ok
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    io.err(`annalist: unknown command "${name}".\n\n${overview()}`)
    return EXIT.badOption
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`annalist ${command.name}: ${error.message}`)
      return error.exitCode
    }
    io.err(`annalist ${command.name}: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT.failed
  }
}

// Run when executed (tsx main/cli/index.ts, or the bundled dist/cli/annalist.cjs), not when imported by tests.
const invoked = process.argv[1] ?? ''
if (/(?:main[\\/]cli[\\/]index\.ts|annalist(?:\.cjs)?)$/.test(invoked)) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
