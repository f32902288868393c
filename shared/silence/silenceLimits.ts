/**
 * Limits and defaults of the silence procedure (DESIGN.md section 5), shared by the server, which
 * enforces them, and the client, which respects them. Lengths count UTF-16 code units, as
 * `String.length` and zod's `max` do.
 */

/** The longest cover note a co-facilitator may circulate with a procedure. */
export const MAX_NOTE_LENGTH = 4_000

/** The longest statement with which a delegation breaks silence. */
export const MAX_STATEMENT_LENGTH = 4_000

/** The longest explanation of position a delegation may file after adoption. */
export const MAX_EXPLANATION_LENGTH = 4_000

/** Deadlines are read in New York time unless the co-facilitators choose another zone. */
export const DEFAULT_SILENCE_TIME_ZONE = 'America/New_York'

/** A procedure lasts 72 hours unless the co-facilitators choose another deadline. */
export const DEFAULT_SILENCE_HOURS = 72
