import { z } from 'zod'
import { MAX_EXPLANATION_LENGTH, MAX_NOTE_LENGTH, MAX_STATEMENT_LENGTH } from './silenceLimits.ts'
import { isKnownTimeZone } from './zonedTime.ts'

/**
 * The silence procedure as data (DESIGN.md section 5). Only the server writes procedures, through
 * `startSilence` and `transitionSilence`; times are ISO 8601 instants in UTC.
 */

const Instant = z.iso.datetime()
const Delegation = z.string().regex(/^[A-Z]{3}$/)
const TimeZone = z.string().refine(isKnownTimeZone, 'Unknown time zone.')

/** A deadline as a co-facilitator writes it: a wall-clock time in an IANA time zone. */
export const DeadlineInput = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD.'),
  time: z.string().regex(/^\d{2}:\d{2}$/, 'Expected HH:mm.'),
  timeZone: TimeZone,
})
export type DeadlineInput = z.infer<typeof DeadlineInput>

/** Who did something: the user, as the procedure records them. */
export const SilenceActor = z.object({ userId: z.number().int(), name: z.string() })
export type SilenceActor = z.infer<typeof SilenceActor>

export const SILENCE_STATUSES = ['running', 'broken', 'adopted', 'cancelled'] as const
export type SilenceStatus = (typeof SILENCE_STATUSES)[number]

export const SilenceExtension = z.object({
  from: Instant,
  to: Instant,
  at: Instant,
  by: SilenceActor,
})
export type SilenceExtension = z.infer<typeof SilenceExtension>

export const SilenceExplanation = z.object({
  delegation: Delegation,
  userId: z.number().int(),
  name: z.string(),
  text: z.string().max(MAX_EXPLANATION_LENGTH),
  at: Instant,
})
export type SilenceExplanation = z.infer<typeof SilenceExplanation>

export const SilenceProcedure = z.object({
  id: z.string(),
  negotiationId: z.string(),
  revisionId: z.string(),
  status: z.enum(SILENCE_STATUSES),
  /** The current deadline (after any extensions); the instant itself already belongs to adoption. */
  deadline: Instant,
  /** The zone the deadline was set in, for display. */
  timeZone: TimeZone,
  note: z.string().max(MAX_NOTE_LENGTH),
  startedAt: Instant,
  startedBy: SilenceActor,
  /** When it was broken or cancelled, or its deadline once adopted; null while running. */
  endedAt: Instant.nullable(),
  brokenBy: SilenceActor.extend({
    delegation: Delegation,
    statement: z.string().max(MAX_STATEMENT_LENGTH),
  }).nullable(),
  cancelledBy: SilenceActor.nullable(),
  extensions: z.array(SilenceExtension),
  explanations: z.array(SilenceExplanation),
})
export type SilenceProcedure = z.infer<typeof SilenceProcedure>
