import { describe, expect, it } from 'vitest'
import { resolveDeadline } from '../../../shared/silence/deadline.ts'
import type { SilenceErrorCode } from '../../../shared/silence/silenceError.ts'
import { SilenceError } from '../../../shared/silence/silenceError.ts'
import {
  MAX_EXPLANATION_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_STATEMENT_LENGTH,
} from '../../../shared/silence/silenceLimits.ts'
import type { SilenceEvent } from '../../../shared/silence/silenceMachine.ts'
import {
  isDraftFrozen,
  settleSilence,
  startSilence,
  transitionSilence,
} from '../../../shared/silence/silenceMachine.ts'
import { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'

const STARTED = new Date('2026-03-23T22:00:00.000Z')
const DEADLINE = new Date('2026-03-26T22:00:00.000Z')
const at = (offsetMs: number) => new Date(DEADLINE.getTime() + offsetMs)
const HOUR = 3_600_000

const coFacilitator = { userId: 1, name: 'Co-facilitator (Switzerland)' }
const france = { userId: 7, name: 'Délégué de la France' }
const morocco = { userId: 9, name: 'Delegate of Morocco' }

function start(overrides: Partial<Parameters<typeof startSilence>[0]> = {}): SilenceProcedure {
  return startSilence({
    id: 'silence-1',
    negotiationId: 'pacte-mondial',
    revisionId: 'rev-2',
    deadline: DEADLINE,
    timeZone: 'America/New_York',
    note: '  Rev.2 is circulated under silence procedure.  ',
    startedBy: coFacilitator,
    now: STARTED,
    ...overrides,
  })
}

const breakBy = (delegation: string, statement = 'We cannot join consensus on paragraph 27.') =>
  ({ type: 'break', delegation, by: france, statement }) satisfies SilenceEvent
const extendTo = (deadline: Date) => ({ type: 'extend', deadline, by: coFacilitator }) as const
const cancel = { type: 'cancel', by: coFacilitator } as const
const settle = { type: 'settle' } as const
const explain = (delegation: string, text = 'We join consensus with reservations.') =>
  ({ type: 'explain', delegation, by: morocco, text }) satisfies SilenceEvent

function expectRefused(run: () => unknown, code: SilenceErrorCode): void {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(SilenceError)
    expect((error as SilenceError).code).toBe(code)
    expect((error as SilenceError).message).not.toBe('')
    return
  }
  expect.fail(`expected SilenceError ${code}`)
}

describe('startSilence', () => {
  it('creates a running procedure that the schema accepts', () => {
    const procedure = start()
    expect(procedure).toEqual({
      id: 'silence-1',
      negotiationId: 'pacte-mondial',
      revisionId: 'rev-2',
      status: 'running',
      deadline: '2026-03-26T22:00:00.000Z',
      timeZone: 'America/New_York',
      note: 'Rev.2 is circulated under silence procedure.',
      startedAt: '2026-03-23T22:00:00.000Z',
      startedBy: coFacilitator,
      endedAt: null,
      brokenBy: null,
      cancelledBy: null,
      extensions: [],
      explanations: [],
    })
    expect(SilenceProcedure.parse(procedure)).toEqual(procedure)
  })

  it('takes a deadline resolved from New York wall-clock time', () => {
    const deadline = resolveDeadline({
      date: '2026-03-26',
      time: '18:00',
      timeZone: 'America/New_York',
    })
    expect(start({ deadline }).deadline).toBe(DEADLINE.toISOString())
  })

  it('stores the canonical name of the time zone', () => {
    expect(start({ timeZone: 'US/Eastern' }).timeZone).toBe('America/New_York')
  })

  it('wants a deadline strictly after now', () => {
    expectRefused(() => start({ now: DEADLINE }), 'invalid_deadline')
    expectRefused(() => start({ now: at(1) }), 'invalid_deadline')
    expectRefused(() => start({ deadline: new Date(Number.NaN) }), 'invalid_deadline')
    expect(start({ now: at(-1) }).status).toBe('running')
  })

  it('refuses an unknown time zone', () => {
    expectRefused(() => start({ timeZone: 'Mars/Olympus_Mons' }), 'unknown_time_zone')
  })

  it('wants a cover note within the limit', () => {
    expectRefused(() => start({ note: ' \n ' }), 'empty_note')
    expectRefused(() => start({ note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }), 'too_long')
    expect(start({ note: 'x'.repeat(MAX_NOTE_LENGTH) }).note).toHaveLength(MAX_NOTE_LENGTH)
  })
})

describe('settle', () => {
  it('leaves a procedure before its deadline unchanged, to the millisecond', () => {
    const procedure = start()
    expect(transitionSilence(procedure, settle, at(-1))).toBe(procedure)
  })

  it('adopts at the deadline, as of the deadline', () => {
    const adopted = transitionSilence(start(), settle, at(0))
    expect(adopted).toMatchObject({ status: 'adopted', endedAt: DEADLINE.toISOString() })
    expect(SilenceProcedure.parse(adopted)).toEqual(adopted)
  })

  it('adopts a deadline that passed while the server was down as of that deadline', () => {
    const adopted = transitionSilence(start(), settle, at(5 * 24 * HOUR))
    expect(adopted).toMatchObject({ status: 'adopted', endedAt: DEADLINE.toISOString() })
  })

  it('is idempotent: an adopted procedure is settled once', () => {
    const adopted = settleSilence(start(), at(1))
    expect(settleSilence(adopted, at(2))).toBe(adopted)
    expect(transitionSilence(adopted, settle, at(HOUR))).toBe(adopted)
  })

  it('keeps a broken or cancelled procedure as it ended', () => {
    const broken = transitionSilence(start(), breakBy('FRA'), at(-HOUR))
    expect(transitionSilence(broken, settle, at(HOUR))).toBe(broken)
    const cancelled = transitionSilence(start(), cancel, at(-HOUR))
    expect(transitionSilence(cancelled, settle, at(HOUR))).toBe(cancelled)
  })
})

describe('break', () => {
  it('ends the procedure at once, recording who broke it and why', () => {
    const broken = transitionSilence(start(), breakBy('FRA', '  Paragraph 27.  '), at(-HOUR))
    expect(broken).toMatchObject({
      status: 'broken',
      endedAt: at(-HOUR).toISOString(),
      brokenBy: {
        delegation: 'FRA',
        userId: 7,
        name: 'Délégué de la France',
        statement: 'Paragraph 27.',
      },
    })
    expect(SilenceProcedure.parse(broken)).toEqual(broken)
  })

  it('is accepted one millisecond before the deadline', () => {
    expect(transitionSilence(start(), breakBy('FRA'), at(-1)).status).toBe('broken')
  })

  it('is refused at the deadline and after: the deadline instant belongs to adoption', () => {
    expectRefused(() => transitionSilence(start(), breakBy('FRA'), at(0)), 'deadline_passed')
    expectRefused(() => transitionSilence(start(), breakBy('FRA'), at(1)), 'deadline_passed')
  })

  it('is refused once the procedure has ended', () => {
    const broken = transitionSilence(start(), breakBy('FRA'), at(-HOUR))
    expectRefused(() => transitionSilence(broken, breakBy('MAR'), at(-1)), 'not_running')
    const cancelled = transitionSilence(start(), cancel, at(-HOUR))
    expectRefused(() => transitionSilence(cancelled, breakBy('MAR'), at(-1)), 'not_running')
  })

  it('needs a written statement within the limit', () => {
    expectRefused(
      () => transitionSilence(start(), breakBy('FRA', '   '), at(-1)),
      'empty_statement',
    )
    const long = 'x'.repeat(MAX_STATEMENT_LENGTH + 1)
    expectRefused(() => transitionSilence(start(), breakBy('FRA', long), at(-1)), 'too_long')
    const longest = 'x'.repeat(MAX_STATEMENT_LENGTH)
    expect(transitionSilence(start(), breakBy('FRA', longest), at(-1)).status).toBe('broken')
  })
})

describe('extend', () => {
  const later = at(24 * HOUR)

  it('moves the deadline later and records the extension', () => {
    const extended = transitionSilence(start(), extendTo(later), at(-HOUR))
    expect(extended).toMatchObject({
      status: 'running',
      deadline: later.toISOString(),
      extensions: [
        {
          from: DEADLINE.toISOString(),
          to: later.toISOString(),
          at: at(-HOUR).toISOString(),
          by: coFacilitator,
        },
      ],
    })
    expect(SilenceProcedure.parse(extended)).toEqual(extended)
  })

  it('moves the boundary with it: silence can be broken after the old deadline', () => {
    const extended = transitionSilence(start(), extendTo(later), at(-1))
    expect(transitionSilence(extended, settle, at(HOUR))).toBe(extended)
    expect(transitionSilence(extended, breakBy('FRA'), at(HOUR)).status).toBe('broken')
    expect(settleSilence(extended, later)).toMatchObject({
      status: 'adopted',
      endedAt: later.toISOString(),
    })
  })

  it('keeps every extension in order', () => {
    const once = transitionSilence(start(), extendTo(later), at(-HOUR))
    const twice = transitionSilence(once, extendTo(at(48 * HOUR)), at(HOUR))
    expect(twice.extensions.map((e) => [e.from, e.to])).toEqual([
      [DEADLINE.toISOString(), later.toISOString()],
      [later.toISOString(), at(48 * HOUR).toISOString()],
    ])
  })

  it('only to a strictly later deadline', () => {
    expectRefused(() => transitionSilence(start(), extendTo(DEADLINE), at(-HOUR)), 'not_later')
    expectRefused(() => transitionSilence(start(), extendTo(at(-1)), at(-HOUR)), 'not_later')
    expectRefused(
      () => transitionSilence(start(), extendTo(new Date(Number.NaN)), at(-HOUR)),
      'invalid_deadline',
    )
  })

  it('only before the deadline passes', () => {
    expect(transitionSilence(start(), extendTo(later), at(-1)).deadline).toBe(later.toISOString())
    expectRefused(() => transitionSilence(start(), extendTo(later), at(0)), 'deadline_passed')
    expectRefused(() => transitionSilence(start(), extendTo(later), at(HOUR)), 'deadline_passed')
  })

  it('only while running', () => {
    const broken = transitionSilence(start(), breakBy('FRA'), at(-HOUR))
    expectRefused(() => transitionSilence(broken, extendTo(later), at(-1)), 'not_running')
  })
})

describe('cancel', () => {
  it('ends the procedure and records who cancelled it', () => {
    const cancelled = transitionSilence(start(), cancel, at(-1))
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      endedAt: at(-1).toISOString(),
      cancelledBy: coFacilitator,
      brokenBy: null,
    })
    expect(SilenceProcedure.parse(cancelled)).toEqual(cancelled)
  })

  it('is refused at the deadline and after', () => {
    expectRefused(() => transitionSilence(start(), cancel, at(0)), 'deadline_passed')
    expectRefused(() => transitionSilence(start(), cancel, at(1)), 'deadline_passed')
  })

  it('is refused once ended', () => {
    const cancelled = transitionSilence(start(), cancel, at(-HOUR))
    expectRefused(() => transitionSilence(cancelled, cancel, at(-1)), 'not_running')
    const broken = transitionSilence(start(), breakBy('FRA'), at(-HOUR))
    expectRefused(() => transitionSilence(broken, cancel, at(-1)), 'not_running')
  })
})

describe('explain', () => {
  const adopted = settleSilence(start(), at(0))

  it('records an explanation of position after adoption', () => {
    const explained = transitionSilence(
      adopted,
      explain('MAR', '  Our reading of objective 7. '),
      at(HOUR),
    )
    expect(explained.explanations).toEqual([
      {
        delegation: 'MAR',
        userId: 9,
        name: 'Delegate of Morocco',
        text: 'Our reading of objective 7.',
        at: at(HOUR).toISOString(),
      },
    ])
    expect(explained.status).toBe('adopted')
    expect(SilenceProcedure.parse(explained)).toEqual(explained)
  })

  it('settles first: a running procedure past its deadline takes explanations', () => {
    const explained = transitionSilence(start(), explain('MAR'), at(0))
    expect(explained).toMatchObject({ status: 'adopted', endedAt: DEADLINE.toISOString() })
    expect(explained.explanations).toHaveLength(1)
  })

  it('once per delegation', () => {
    const once = transitionSilence(adopted, explain('MAR'), at(HOUR))
    expectRefused(
      () => transitionSilence(once, explain('MAR', 'Again.'), at(2 * HOUR)),
      'already_explained',
    )
    const twice = transitionSilence(once, explain('FRA'), at(2 * HOUR))
    expect(twice.explanations.map((e) => e.delegation)).toEqual(['MAR', 'FRA'])
  })

  it('only after adoption', () => {
    expectRefused(() => transitionSilence(start(), explain('MAR'), at(-1)), 'not_adopted')
    const broken = transitionSilence(start(), breakBy('FRA'), at(-HOUR))
    expectRefused(() => transitionSilence(broken, explain('MAR'), at(HOUR)), 'not_adopted')
    const cancelled = transitionSilence(start(), cancel, at(-HOUR))
    expectRefused(() => transitionSilence(cancelled, explain('MAR'), at(HOUR)), 'not_adopted')
  })

  it('needs a text within the limit', () => {
    expectRefused(
      () => transitionSilence(adopted, explain('MAR', ' '), at(HOUR)),
      'empty_statement',
    )
    const long = 'x'.repeat(MAX_EXPLANATION_LENGTH + 1)
    expectRefused(() => transitionSilence(adopted, explain('MAR', long), at(HOUR)), 'too_long')
  })
})

describe('break then settle', () => {
  it('keeps the procedure broken past its deadline', () => {
    const broken = transitionSilence(start(), breakBy('FRA'), at(-1))
    const settled = transitionSilence(broken, settle, at(24 * HOUR))
    expect(settled).toBe(broken)
    expect(settled.status).toBe('broken')
    expect(settled.endedAt).toBe(at(-1).toISOString())
  })
})

describe('isDraftFrozen', () => {
  it('is open with no procedure', () => {
    expect(isDraftFrozen([], STARTED)).toBe(false)
  })

  it('is frozen while a procedure runs, and stays locked once it is adopted', () => {
    const running = start()
    expect(isDraftFrozen([running], at(-1))).toBe(true)
    expect(isDraftFrozen([running], at(0))).toBe(true)
    expect(isDraftFrozen([settleSilence(running, at(0))], at(365 * 24 * HOUR))).toBe(true)
  })

  it('is released by a broken or cancelled procedure', () => {
    const broken = transitionSilence(start(), breakBy('FRA'), at(-HOUR))
    const cancelled = transitionSilence(start({ id: 'silence-2' }), cancel, at(-HOUR))
    expect(isDraftFrozen([broken, cancelled], at(-1))).toBe(false)
    expect(isDraftFrozen([broken, cancelled], at(HOUR))).toBe(false)
  })

  it('is frozen by a later procedure after an earlier one was broken', () => {
    const broken = transitionSilence(start(), breakBy('FRA'), at(-HOUR))
    const second = start({ id: 'silence-2', now: at(-30 * 60_000), deadline: at(72 * HOUR) })
    expect(isDraftFrozen([broken, second], at(0))).toBe(true)
  })
})
