/**
 * What each channel accepts, checked at run time: the renderer is treated as untrusted, so every
 * argument arrives as `unknown` and is parsed here before any handler sees it.
 */
import { z } from 'zod'
import type { AnnalistContract, Channel } from './contract'
import { editingArgumentSchemas } from './handlers/editingArguments'
import { figureArgumentSchemas } from './handlers/figureArguments'
import { transferArgumentSchemas } from './handlers/transferArguments'
import { timelineArgumentSchemas } from './handlers/timelineArguments'
import { viewportArgumentSchemas } from './handlers/viewportArguments'

const Text = (max: number) => z.string().max(max)

export const argumentSchemas = {
  loadTimeline: z.tuple([]),
  getEvent: z.tuple([Text(200).min(1)]),
  previewDate: z.tuple([Text(200)]),
  eventTitles: z.tuple([z.array(Text(200)).max(1_000)]),
  eventsTitled: z.tuple([Text(1_000)]),
  tagsInUse: z.tuple([]),
  stepEvent: z.tuple([Text(200).min(1).nullable(), z.union([z.literal(1), z.literal(-1)])]),
  openExternal: z.tuple([Text(4_000)]),
  getSaveState: z.tuple([]),
  retrySaving: z.tuple([]),
  listBackups: z.tuple([]),
  restoreBackup: z.tuple([Text(40).regex(/^[0-9TZ-]+$/, 'not a backup id')]),
  ...editingArgumentSchemas,
  ...figureArgumentSchemas,
  ...transferArgumentSchemas,
  ...timelineArgumentSchemas,
  ...viewportArgumentSchemas,
} satisfies { [K in Channel]: z.ZodType<AnnalistContract[K]['args']> }
