import { describe, expect, it } from 'vitest'
import {
  defaultDeadline,
  formatDeadline,
  resolveDeadline,
} from '../../../shared/silence/deadline.ts'
import type { SilenceErrorCode } from '../../../shared/silence/silenceError.ts'
import { SilenceError } from '../../../shared/silence/silenceError.ts'

const NY = 'America/New_York'
const HOUR = 3_600_000

function resolveNy(date: string, time: string): string {
  return resolveDeadline({ date, time, timeZone: NY }).toISOString()
}

function expectSilenceError(run: () => unknown, code: SilenceErrorCode): void {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(SilenceError)
    expect((error as SilenceError).code).toBe(code)
    return
  }
  expect.fail(`expected SilenceError ${code}`)
}

describe('resolveDeadline', () => {
  it('reads a wall-clock time in New York, summer and winter', () => {
    expect(resolveNy('2026-03-26', '18:00')).toBe('2026-03-26T22:00:00.000Z')
    expect(resolveNy('2026-01-15', '18:00')).toBe('2026-01-15T23:00:00.000Z')
  })

  it('reads other zones, and UTC', () => {
    const at = (timeZone: string) =>
      resolveDeadline({ date: '2026-07-01', time: '12:00', timeZone }).toISOString()
    expect(at('Europe/Zurich')).toBe('2026-07-01T10:00:00.000Z')
    expect(at('Asia/Kolkata')).toBe('2026-07-01T06:30:00.000Z')
    expect(at('UTC')).toBe('2026-07-01T12:00:00.000Z')
  })

  it('accepts aliases of IANA names', () => {
    expect(resolveDeadline({ date: '2026-01-15', time: '18:00', timeZone: 'US/Eastern' })).toEqual(
      new Date('2026-01-15T23:00:00.000Z'),
    )
  })

  describe('spring forward in New York (2026-03-08, 02:00 -> 03:00)', () => {
    it('refuses a time the clocks skip', () => {
      expectSilenceError(() => resolveNy('2026-03-08', '02:30'), 'invalid_deadline')
      expectSilenceError(() => resolveNy('2026-03-08', '02:00'), 'invalid_deadline')
    })

    it('reads the minutes on either side of the gap', () => {
      expect(resolveNy('2026-03-08', '01:59')).toBe('2026-03-08T06:59:00.000Z')
      expect(resolveNy('2026-03-08', '03:00')).toBe('2026-03-08T07:00:00.000Z')
    })

    it('makes three calendar days at the same hour 71 real hours', () => {
      const start = Date.parse(resolveNy('2026-03-06', '10:00'))
      expect(Date.parse(resolveNy('2026-03-09', '10:00')) - start).toBe(71 * HOUR)
    })
  })

  describe('fall back in New York (2026-11-01, 02:00 -> 01:00)', () => {
    it('resolves a time the clocks show twice to the earlier instant (EDT)', () => {
      expect(resolveNy('2026-11-01', '01:30')).toBe('2026-11-01T05:30:00.000Z')
      expect(resolveNy('2026-11-01', '01:00')).toBe('2026-11-01T05:00:00.000Z')
    })

    it('reads the minutes on either side of the overlap', () => {
      expect(resolveNy('2026-11-01', '00:59')).toBe('2026-11-01T04:59:00.000Z')
      expect(resolveNy('2026-11-01', '02:00')).toBe('2026-11-01T07:00:00.000Z')
    })

    it('makes three calendar days at the same hour 73 real hours', () => {
      const start = Date.parse(resolveNy('2026-10-30', '10:00'))
      expect(Date.parse(resolveNy('2026-11-02', '10:00')) - start).toBe(73 * HOUR)
    })
  })

  it('refuses an unknown time zone', () => {
    for (const timeZone of ['Mars/Olympus_Mons', '', '+05:00', 'New York']) {
      expectSilenceError(
        () => resolveDeadline({ date: '2026-03-26', time: '18:00', timeZone }),
        'unknown_time_zone',
      )
    }
  })

  it('refuses dates and times that do not exist or are malformed', () => {
    for (const [date, time] of [
      ['2026-02-29', '18:00'],
      ['2026-04-31', '18:00'],
      ['2026-03-26', '24:00'],
      ['2026-03-26', '18:60'],
      ['26/03/2026', '18:00'],
      ['2026-03-26', '6pm'],
    ] as const) {
      expectSilenceError(() => resolveNy(date, time), 'invalid_deadline')
    }
    expect(resolveNy('2028-02-29', '18:00')).toBe('2028-02-29T23:00:00.000Z')
  })
})

describe('defaultDeadline', () => {
  it('is 72 hours later in New York, on the hour', () => {
    const now = new Date('2026-03-23T22:00:00.000Z')
    expect(defaultDeadline(now)).toEqual({ date: '2026-03-26', time: '18:00', timeZone: NY })
  })

  it('rounds up to the next full hour, even by a millisecond', () => {
    expect(defaultDeadline(new Date('2026-03-23T21:00:00.001Z'))).toMatchObject({ time: '18:00' })
    expect(defaultDeadline(new Date('2026-03-23T21:59:59.999Z'))).toMatchObject({ time: '18:00' })
    expect(defaultDeadline(new Date('2026-03-23T12:00:00.001Z'))).toMatchObject({ time: '09:00' })
  })

  it('falls in working hours: after 18:00, the next morning; at a weekend, the Monday', () => {
    // Thursday 19:00 would be the next hour: Friday 09:00 instead.
    expect(defaultDeadline(new Date('2026-03-23T22:00:00.001Z'))).toEqual({
      date: '2026-03-27',
      time: '09:00',
      timeZone: NY,
    })
    // Started on Thursday at 11:00: 72 hours later is a Sunday; Monday 09:00 instead.
    expect(defaultDeadline(new Date('2026-03-26T15:00:00.000Z'))).toEqual({
      date: '2026-03-30',
      time: '09:00',
      timeZone: NY,
    })
  })

  it('counts 72 real hours across the spring change', () => {
    const now = new Date('2026-03-06T15:00:00.000Z') // Friday 10:00 EST
    const deadline = defaultDeadline(now)
    expect(deadline).toEqual({ date: '2026-03-09', time: '11:00', timeZone: NY })
    expect(resolveDeadline(deadline).getTime() - now.getTime()).toBe(72 * HOUR)
  })

  it('counts 72 real hours across the autumn change', () => {
    const now = new Date('2026-10-30T14:00:00.000Z') // Friday 10:00 EDT
    const deadline = defaultDeadline(now)
    expect(deadline).toEqual({ date: '2026-11-02', time: '09:00', timeZone: NY })
    expect(resolveDeadline(deadline).getTime() - now.getTime()).toBe(72 * HOUR)
  })

  it('never offers an hour the clocks show twice if it would read as an earlier deadline', () => {
    // 72 h later is 01:00 EST, the second 01:00; "01:00" would mean 01:00 EDT, an hour early.
    // That Sunday is no working day anyway: the Monday.
    const now = new Date('2026-10-29T06:00:00.000Z')
    const deadline = defaultDeadline(now)
    expect(deadline).toEqual({ date: '2026-11-02', time: '09:00', timeZone: NY })
    expect(resolveDeadline(deadline).getTime()).toBeGreaterThan(now.getTime() + 72 * HOUR)
  })

  it('skips the hour the clocks skip', () => {
    // 72 h later is Sunday 01:30 EST; 02:00 does not exist: the first working hour after.
    const now = new Date('2026-03-05T06:30:00.000Z')
    expect(defaultDeadline(now)).toEqual({ date: '2026-03-09', time: '09:00', timeZone: NY })
  })
})

describe('formatDeadline', () => {
  const deadline = new Date('2026-03-26T22:00:00.000Z')

  it('writes the deadline in New York time, in French and English', () => {
    expect(formatDeadline(deadline, NY, 'fr')).toBe(
      'jeudi 26 mars 2026 à 18:00 (heure de New York)',
    )
    expect(formatDeadline(deadline, NY, 'en')).toBe(
      'Thursday, 26 March 2026, 6:00 p.m. (New York time)',
    )
  })

  it('has a short form for the silence bar, the zone still named', () => {
    expect(formatDeadline(deadline, NY, 'fr', { isShort: true })).toBe(
      'jeu. 26 mars à 18:00 (heure de New York)',
    )
    expect(formatDeadline(deadline, 'Asia/Tokyo', 'en', { isShort: true })).toBe(
      'Fri, 27 Mar, 7:00 a.m. (Tokyo time)',
    )
  })

  it('writes the same instant in a delegate’s own zone', () => {
    expect(formatDeadline(deadline, 'Europe/Paris', 'fr')).toBe(
      'jeudi 26 mars 2026 à 23:00 (heure de Paris)',
    )
    expect(formatDeadline(deadline, 'Europe/Vienna', 'fr')).toBe(
      'jeudi 26 mars 2026 à 23:00 (heure de Vienne)',
    )
    expect(formatDeadline(deadline, 'Africa/Addis_Ababa', 'fr')).toBe(
      'vendredi 27 mars 2026 à 01:00 (heure d’Addis-Abeba)',
    )
    expect(formatDeadline(deadline, 'America/Argentina/Buenos_Aires', 'en')).toBe(
      'Thursday, 26 March 2026, 7:00 p.m. (Buenos Aires time)',
    )
    expect(formatDeadline(deadline, 'UTC', 'en')).toBe('Thursday, 26 March 2026, 10:00 p.m. (UTC)')
  })

  it('writes the first of the month, morning, noon and midnight as delegates read them', () => {
    const at = (iso: string, locale: 'fr' | 'en') => formatDeadline(new Date(iso), NY, locale)
    expect(at('2026-04-01T13:05:00.000Z', 'fr')).toBe(
      'mercredi 1er avril 2026 à 09:05 (heure de New York)',
    )
    expect(at('2026-04-01T13:05:00.000Z', 'en')).toBe(
      'Wednesday, 1 April 2026, 9:05 a.m. (New York time)',
    )
    expect(at('2026-04-01T16:00:00.000Z', 'en')).toBe(
      'Wednesday, 1 April 2026, 12:00 p.m. (New York time)',
    )
    expect(at('2026-04-02T04:00:00.000Z', 'en')).toBe(
      'Thursday, 2 April 2026, 12:00 a.m. (New York time)',
    )
    expect(at('2026-04-02T04:00:00.000Z', 'fr')).toBe(
      'jeudi 2 avril 2026 à 00:00 (heure de New York)',
    )
  })

  it('shows the first and the second 01:30 of 1 November alike, as the clocks do', () => {
    const first = formatDeadline(new Date('2026-11-01T05:30:00.000Z'), NY, 'en')
    expect(first).toBe('Sunday, 1 November 2026, 1:30 a.m. (New York time)')
    expect(formatDeadline(new Date('2026-11-01T06:30:00.000Z'), NY, 'en')).toBe(first)
  })

  it('refuses an unknown time zone', () => {
    expectSilenceError(
      () => formatDeadline(deadline, 'Mars/Olympus_Mons', 'en'),
      'unknown_time_zone',
    )
  })
})
