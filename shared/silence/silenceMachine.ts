import { SilenceError } from './silenceError.ts'
import type { SilenceErrorCode } from './silenceError.ts'
import { MAX_EXPLANATION_LENGTH, MAX_NOTE_LENGTH, MAX_STATEMENT_LENGTH } from './silenceLimits.ts'
import type { SilenceActor, SilenceProcedure, SilenceStatus } from './silenceSchema.ts'
import { canonicalTimeZone } from './zonedTime.ts'

/**
 * The silence procedure as a pure state machine (DESIGN.md section 5): `(procedure, event, now)
 * -> procedure`. `now` is the server's clock, passed in; an event that is not allowed throws
 * `SilenceError`. The deadline instant itself belongs to adoption: silence can be broken, the
 * deadline extended or the procedure cancelled only while `now < deadline`.
 */
export type SilenceEvent =
  | { type: 'break'; delegation: string; by: SilenceActor; statement: string }
  | { type: 'extend'; deadline: Date; by: SilenceActor }
  | { type: 'cancel'; by: SilenceActor }
  | { type: 'settle' }
  | { type: 'explain'; delegation: string; by: SilenceActor; text: string }

/** Starts a procedure on a published revision; the deadline must be strictly after `now`. */
export function startSilence(props: {
  id: string
  negotiationId: string
  revisionId: string
  deadline: Date
  timeZone: string
  note: string
  startedBy: SilenceActor
  now: Date
}): SilenceProcedure {
  const { now, deadline } = props
  const timeZone = canonicalTimeZone(props.timeZone)
  if (Number.isNaN(deadline.getTime()) || deadline.getTime() <= now.getTime()) {
    throw new SilenceError('invalid_deadline', 'The deadline must be in the future.')
  }
  return {
    id: props.id,
    negotiationId: props.negotiationId,
    revisionId: props.revisionId,
    status: 'running',
    deadline: deadline.toISOString(),
    timeZone,
    note: checkedText(props.note, MAX_NOTE_LENGTH, 'empty_note', 'The cover note'),
    startedAt: now.toISOString(),
    startedBy: props.startedBy,
    endedAt: null,
    brokenBy: null,
    cancelledBy: null,
    extensions: [],
    explanations: [],
  }
}

/**
 * Adopts a running procedure whose deadline has come, as of its deadline rather than `now` (one
 * that passed while the server was down is adopted when it passed). Anything else is returned
 * as is, the same object: settling is idempotent, so a procedure is settled exactly once.
 */
export function settleSilence(procedure: SilenceProcedure, now: Date): SilenceProcedure {
  if (procedure.status !== 'running' || now.getTime() < Date.parse(procedure.deadline)) {
    return procedure
  }
  return { ...procedure, status: 'adopted', endedAt: procedure.deadline }
}

/** Applies `event` at `now` to the procedure as settled at `now`: a late break meets adoption. */
export function transitionSilence(
  procedure: SilenceProcedure,
  event: SilenceEvent,
  now: Date,
): SilenceProcedure {
  const settled = settleSilence(procedure, now)
  const at = now.toISOString()
  switch (event.type) {
    case 'settle':
      return settled
    case 'break': {
      // Settled and still running means `now < deadline`.
      assertRunning(settled, 'broken')
      const statement = checkedText(
        event.statement,
        MAX_STATEMENT_LENGTH,
        'empty_statement',
        'The statement breaking silence',
      )
      return {
        ...settled,
        status: 'broken',
        endedAt: at,
        brokenBy: { delegation: event.delegation, ...event.by, statement },
      }
    }
    case 'extend': {
      assertRunning(settled, 'extended')
      if (Number.isNaN(event.deadline.getTime())) {
        throw new SilenceError('invalid_deadline', 'The new deadline is not a valid date.')
      }
      if (!(event.deadline.getTime() > Date.parse(settled.deadline))) {
        throw new SilenceError('not_later', 'A new deadline must be later than the current one.')
      }
      const to = event.deadline.toISOString()
      return {
        ...settled,
        deadline: to,
        extensions: [...settled.extensions, { from: settled.deadline, to, at, by: event.by }],
      }
    }
    case 'cancel':
      assertRunning(settled, 'cancelled')
      return { ...settled, status: 'cancelled', endedAt: at, cancelledBy: event.by }
    case 'explain': {
      if (settled.status !== 'adopted') {
        throw new SilenceError(
          'not_adopted',
          `Explanations of position follow adoption; this procedure is ${settled.status}.`,
        )
      }
      if (settled.explanations.some((e) => e.delegation === event.delegation)) {
        throw new SilenceError(
          'already_explained',
          `${event.delegation} has already explained its position.`,
        )
      }
      const text = checkedText(
        event.text,
        MAX_EXPLANATION_LENGTH,
        'empty_statement',
        'An explanation of position',
      )
      const explanation = { delegation: event.delegation, ...event.by, text, at }
      return { ...settled, explanations: [...settled.explanations, explanation] }
    }
  }
}

/**
 * Whether the live draft is frozen: while a procedure runs, and for good once one is adopted.
 * Broken and cancelled procedures release it.
 */
export function isDraftFrozen(procedures: SilenceProcedure[], now: Date): boolean {
  return procedures.some((procedure) => freezes(settleSilence(procedure, now).status))
}

function freezes(status: SilenceStatus): boolean {
  switch (status) {
    case 'running':
    case 'adopted':
      return true
    case 'broken':
    case 'cancelled':
      return false
  }
}

function assertRunning(procedure: SilenceProcedure, verb: string): void {
  switch (procedure.status) {
    case 'running':
      return
    case 'adopted':
      throw new SilenceError(
        'deadline_passed',
        `The deadline (${procedure.deadline}) has passed and the revision is adopted; ` +
          `the procedure can no longer be ${verb}.`,
      )
    case 'broken':
    case 'cancelled':
      throw new SilenceError('not_running', `The silence procedure has been ${procedure.status}.`)
  }
}

function checkedText(text: string, max: number, emptyCode: SilenceErrorCode, what: string): string {
  const trimmed = text.trim()
  if (trimmed === '') throw new SilenceError(emptyCode, `${what} cannot be empty.`)
  if (trimmed.length > max) {
    throw new SilenceError('too_long', `${what} is limited to ${max} characters.`)
  }
  return trimmed
}
