import { z } from 'zod'
import { MAX_NOTE_LENGTH, MAX_STATEMENT_LENGTH } from './silence/silenceLimits.ts'

/** Requests of the silence procedure API (DESIGN.md section 7). */

/** A wall-clock time "YYYY-MM-DDTHH:mm" in `timeZone`, or an ISO instant with its offset. */
const Deadline = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/)

export const StartSilenceRequest = z.object({
  revisionId: z.string().min(1).max(80),
  deadline: Deadline.optional(),
  timeZone: z.string().min(1).max(64).optional(),
  note: z.string().max(MAX_NOTE_LENGTH),
})

export const BreakSilenceRequest = z.object({ statement: z.string().max(MAX_STATEMENT_LENGTH) })
export const ExtendSilenceRequest = z.object({
  deadline: Deadline,
  timeZone: z.string().min(1).max(64).optional(),
})
export const ExplainPositionRequest = z.object({ text: z.string().max(MAX_STATEMENT_LENGTH) })
