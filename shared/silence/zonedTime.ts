import { currentZoneName } from './currentZoneNames.ts'
import { SilenceError } from './silenceError.ts'

/**
 * Wall-clock time in IANA time zones with nothing but `Intl.DateTimeFormat`.
 *
 * A wall-clock reading is handled as "wall milliseconds": the reading encoded as if it were UTC
 * (`Date.UTC(year, month - 1, day, hour, minute, second)`). The offset of a zone at an instant is
 * then `wall - instant`, and never depends on the time zone of the machine running the code.
 */

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

/** IANA names only: runtimes that also accept offsets such as "+05:00" must not differ here. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/

const formatters = new Map<string, Intl.DateTimeFormat>()

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone)
  if (cached) return cached
  if (!ZONE_NAME.test(timeZone)) throw unknownTimeZone(timeZone)
  let formatter: Intl.DateTimeFormat
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
  } catch (error) {
    if (error instanceof RangeError) throw unknownTimeZone(timeZone)
    throw error
  }
  formatters.set(timeZone, formatter)
  return formatter
}

function unknownTimeZone(timeZone: string): SilenceError {
  return new SilenceError('unknown_time_zone', `Unknown time zone: "${timeZone}".`)
}

/** The canonical IANA name ("US/Eastern" -> "America/New_York"); throws `unknown_time_zone`. */
export function canonicalTimeZone(timeZone: string): string {
  return currentZoneName(zoneFormatter(timeZone).resolvedOptions().timeZone)
}

/** Whether `timeZone` is an IANA time zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    zoneFormatter(timeZone)
    return true
  } catch {
    return false
  }
}

/** The wall clock of `timeZone` at `instantMs`, to the second, as wall milliseconds. */
export function wallMsAt(instantMs: number, timeZone: string): number {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {}
  for (const part of zoneFormatter(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value)
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields
  return Date.UTC(year, month - 1, day, hour, minute, second)
}

/**
 * Every instant at which the clocks of `timeZone` read `wallMs`, earliest first: none in a gap
 * (clocks sprang forward over it), two in an overlap (clocks fell back), one otherwise.
 */
export function instantsAtWallClock(wallMs: number, timeZone: string): number[] {
  const instants = new Set<number>()
  // Offsets a day either side and at the reading itself cover any one transition near it.
  for (const probe of [wallMs - DAY_MS, wallMs, wallMs + DAY_MS]) {
    const offset = wallMsAt(probe, timeZone) - Math.floor(probe / 1000) * 1000
    const candidate = wallMs - offset
    if (wallMsAt(candidate, timeZone) === wallMs) instants.add(candidate)
  }
  return [...instants].sort((a, b) => a - b)
}
