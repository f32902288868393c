/** Why a silence procedure refused an event, or a deadline could not be read. */
export type SilenceErrorCode =
  | 'deadline_passed'
  | 'not_running'
  | 'invalid_deadline'
  | 'unknown_time_zone'
  | 'empty_note'
  | 'empty_statement'
  | 'too_long'
  | 'not_later'
  | 'not_adopted'
  | 'already_explained'

/**
 * The typed error of the silence procedure. The code is stable (routes map it to an HTTP status
 * and send it to clients); the message is English, for people.
 */
export class SilenceError extends Error {
  constructor(
    readonly code: SilenceErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'SilenceError'
  }
}
