/** Argument schemas for the figure channels (spread into argumentSchemas.ts): the one options schema. */
import { z } from 'zod'
import { FIGURE_FORMATS, FigureOptionsSchema } from '../../figure/options'

export const figureArgumentSchemas = {
  previewFigure: z.tuple([FigureOptionsSchema]),
  exportFigure: z.tuple([FigureOptionsSchema, z.enum(FIGURE_FORMATS)]),
  getFigureOptions: z.tuple([]),
}
