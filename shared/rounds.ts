import { z } from 'zod'

/**
 * Rounds of a negotiation (issue 16): first reading, second reading, informal consultations...
 * each with its dates. A revision belongs to the round current when it was published, so that
 * a comparison can start from the beginning of the round.
 */

export const ROUND_KINDS = [
  'firstReading',
  'secondReading',
  'thirdReading',
  'informalConsultations',
  'other',
] as const
export type RoundKind = (typeof ROUND_KINDS)[number]

/** A calendar day, as negotiations date their rounds: `2018-02-20`. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')

export const MAX_ROUND_NAME_LENGTH = 120

export const Round = z.object({
  id: z.string(),
  negotiationId: z.string(),
  kind: z.enum(ROUND_KINDS),
  name: z.string(),
  startsOn: Day,
  /** Null while its end is not set. */
  endsOn: Day.nullable(),
  createdAt: z.string(),
})
export type Round = z.infer<typeof Round>

const roundFields = {
  kind: z.enum(ROUND_KINDS),
  name: z.string().trim().min(1).max(MAX_ROUND_NAME_LENGTH),
  startsOn: Day,
  endsOn: Day.nullable(),
}

const endsAfterStart = (round: { startsOn?: string; endsOn?: string | null }) =>
  !round.startsOn || !round.endsOn || round.endsOn >= round.startsOn

export const CreateRoundRequest = z
  .object({ ...roundFields, endsOn: roundFields.endsOn.optional() })
  .refine(endsAfterStart, { message: 'endsOn: not before startsOn', path: ['endsOn'] })

/** Renames a round or changes its kind or dates: only the fields given change. */
export const UpdateRoundRequest = z
  .object(roundFields)
  .partial()
  .refine(endsAfterStart, { message: 'endsOn: not before startsOn', path: ['endsOn'] })

export const RoundList = z.object({
  /** By start date, oldest first. */
  rounds: z.array(Round),
  currentRoundId: z.string().nullable(),
})
export type RoundList = z.infer<typeof RoundList>

/** The day of `now` in UTC, as rounds date themselves. */
export const dayOf = (now: Date): string => now.toISOString().slice(0, 10)

/**
 * The round current on `now`: the one that started last on or before that day (of two that
 * start the same day, the one created last). A round's end does not close it: the text stays
 * in its round until the next one starts.
 */
export function currentRoundOf(rounds: readonly Round[], now: Date): Round | null {
  const today = dayOf(now)
  let current: Round | null = null
  for (const round of rounds) {
    if (round.startsOn > today) continue
    if (
      !current ||
      round.startsOn > current.startsOn ||
      (round.startsOn === current.startsOn && round.createdAt > current.createdAt)
    )
      current = round
  }
  return current
}
