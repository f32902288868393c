import { describe, expect, it } from 'vitest'
import type { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import {
  narrowBounds,
  offsetBounds,
  offsetWithin,
} from '../../../client/src/silence/serverClock.ts'
import {
  countdownParts,
  currentProcedure,
  deadlineZones,
  defaultExtension,
} from '../../../client/src/silence/silenceView.ts'

const procedure = (id: string, status: SilenceProcedure['status']): SilenceProcedure => ({
  id,
  negotiationId: 'pacte-mondial',
  revisionId: 'rev-1',
  status,
  deadline: '2026-03-26T22:00:00.000Z',
  timeZone: 'America/New_York',
  note: 'Note',
  startedAt: '2026-03-23T14:00:00.000Z',
  startedBy: { userId: 1, name: 'Jürg Lauber' },
  endedAt: null,
  brokenBy: null,
  cancelledBy: null,
  extensions: [],
  explanations: [],
})

describe('the procedure the room shows', () => {
  it('is the running one, else the adopted one, else the last to have ended', () => {
    const broken = procedure('sil-a', 'broken')
    const running = procedure('sil-b', 'running')
    const adopted = procedure('sil-c', 'adopted')
    const cancelled = procedure('sil-d', 'cancelled')
    expect(currentProcedure([broken, running])).toBe(running)
    expect(currentProcedure([broken, adopted, cancelled])).toBe(adopted)
    expect(currentProcedure([broken, cancelled])).toBe(cancelled)
    expect(currentProcedure([])).toBeNull()
  })
})

describe('the countdown', () => {
  it('rounds up to the second, so that it reads 0 only at the deadline', () => {
    expect(countdownParts(3 * 86_400_000 + 3_600_000 + 61_001)).toEqual({
      days: 3,
      hours: 1,
      minutes: 1,
      seconds: 2,
    })
    expect(countdownParts(1)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 1 })
    expect(countdownParts(-5_000)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 })
  })
})

describe('deadlines in several zones', () => {
  it('shows New York time first, then the zone it was set in, then the user’s, each once', () => {
    expect(deadlineZones('America/New_York', 'America/New_York')).toEqual(['America/New_York'])
    expect(deadlineZones('Europe/Zurich', 'Europe/Paris')).toEqual([
      'America/New_York',
      'Europe/Zurich',
      'Europe/Paris',
    ])
  })

  it('offers one day more as an extension, on the wall clock of the zone', () => {
    expect(defaultExtension('2026-03-26T22:00:00.000Z', 'America/New_York')).toEqual({
      date: '2026-03-27',
      time: '18:00',
      timeZone: 'America/New_York',
    })
  })
})

describe('the server clock read from Date headers', () => {
  it('keeps a device clock that agrees with the header to the second', () => {
    // Sent at 10 000, answered at 10 100, header 10 s: the offset lies in [-100, +1 000].
    const bounds = offsetBounds(10_000, 10_100, 10_000)
    expect(bounds).toEqual({ min: -100, max: 1_000 })
    expect(offsetWithin(bounds)).toBe(0)
  })

  it('corrects a device clock that is off by the smallest amount the readings allow', () => {
    // The device is 2 minutes slow.
    expect(offsetWithin(offsetBounds(10_000, 10_100, 130_000))).toBe(119_900)
    // The device is 1 minute fast.
    expect(offsetWithin(offsetBounds(70_000, 70_050, 10_000))).toBe(-59_000)
  })

  it('narrows the bounds with each reading, and trusts the latest when they disagree', () => {
    const first = { min: -100, max: 1_000 }
    expect(narrowBounds(first, { min: 300, max: 1_400 })).toEqual({ min: 300, max: 1_000 })
    expect(narrowBounds(first, { min: 5_000, max: 6_000 })).toEqual({ min: 5_000, max: 6_000 })
  })
})
