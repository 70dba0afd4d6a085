/** Every command of the `annalist` command line, one line each, in the order `--help` lists them. */
import type { Command } from '../io'
import { figureCommand } from './figure'

export const COMMANDS: readonly Command[] = [
  figureCommand,
]
