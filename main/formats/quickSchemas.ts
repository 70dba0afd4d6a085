/**
 * The timeline schemas with one change for bulk work (imports, exports, merges of 100,000 events): dates are checked through `quickReadDate`
 * (main/timelineIndex/quickDateSpan.ts), which reads the plain shapes imports produce with
 * `Date.UTC` and hands everything else to `readDate`. The `edtf` parser costs about 0.1–0.8 ms a
 * date, which made a 100,000-row import spend minutes re-checking dates; the answers are the same
 * (quickDateSpan's property test holds it to readDate), and the message says what is wrong.
 */
import { z } from 'zod'
import { TimelineDocumentSchema, TimelineEventSchema } from '../domain/timeline'
import { quickReadDate } from '../timelineIndex/quickDateSpan'

export function isDate(text: string): boolean {
  return quickReadDate(text).ok
}

const QuickEdtfDate = z
  .string()
  .min(1)
  .max(200)
  .superRefine((text, context) => {
    const reading = quickReadDate(text)
    if (!reading.ok) context.addIssue({ code: 'custom', message: reading.error })
  })

export const QuickEventSchema = TimelineEventSchema.extend({ date: QuickEdtfDate })
export const QuickDocumentSchema = TimelineDocumentSchema.extend({ events: z.array(QuickEventSchema) })
