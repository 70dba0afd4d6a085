/** Every command of the `annalist` command line, one line each, in the order `--help` lists them. */
import type { Command } from '../io'
import { figureCommand } from './figure'
import { importCommand } from './import'
import { exportCommand } from './export'
import { mergeCommand } from './merge'
import { validateCommand } from './validate'

export const COMMANDS: readonly Command[] = [
  figureCommand,
  importCommand,
  exportCommand,
  mergeCommand,
  validateCommand,
]
