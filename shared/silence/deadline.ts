import { SilenceError } from './silenceError.ts'
import { DEFAULT_SILENCE_HOURS, DEFAULT_SILENCE_TIME_ZONE } from './silenceLimits.ts'
import type { DeadlineInput } from './silenceSchema.ts'
import { timeZoneLabel } from './timeZoneLabel.ts'
import { canonicalTimeZone, HOUR_MS, instantsAtWallClock, wallMsAt } from './zonedTime.ts'

/**
 * Silence deadlines: from the wall-clock time a co-facilitator writes ("26 March, 18:00, New York
 * time") to the instant the server's clock compares against, and back to words a delegate reads.
 */

/**
 * The instant at which the clocks of `timeZone` read `date` `time`.
 *
 * Daylight saving: a time the clocks skip (New York, 2026-03-08 02:30) does not exist and throws
 * `invalid_deadline`; a time the clocks show twice (New York, 2026-11-01 01:30) resolves to the
 * earlier instant (01:30 EDT, not 01:30 EST), so that no delegation gets an hour it did not expect.
 * An unknown zone throws `unknown_time_zone`.
 */
export function resolveDeadline({ date, time, timeZone }: DeadlineInput): Date {
  const zone = canonicalTimeZone(timeZone)
  const wallMs = parseWallClock(date, time)
  const [earliest] = instantsAtWallClock(wallMs, zone)
  if (earliest === undefined) {
    throw new SilenceError(
      'invalid_deadline',
      `${date} ${time} does not exist in ${zone}: the clocks skip it (daylight saving time).`,
    )
  }
  return new Date(earliest)
}

function parseWallClock(date: string, time: string): number {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time)
  if (!dateMatch || !timeMatch) {
    throw new SilenceError('invalid_deadline', `Expected a date YYYY-MM-DD and a time HH:mm.`)
  }
  const [year, month, day] = dateMatch.slice(1).map(Number) as [number, number, number]
  const [hour, minute] = timeMatch.slice(1).map(Number) as [number, number]
  const wallMs = Date.UTC(year, month - 1, day, hour, minute)
  // Date.UTC rolls 30 February over into March and 24:00 into the next day; refuse instead.
  if (hour > 23 || minute > 59 || new Date(wallMs).toISOString().slice(0, 10) !== date) {
    throw new SilenceError('invalid_deadline', `${date} ${time} is not a valid date and time.`)
  }
  return wallMs
}

/** The working hours a default deadline falls in: Monday to Friday, 09:00 to 18:00. */
const WORKING_HOURS = { from: 9, to: 18 } as const

const isWorkingHour = (wallMs: number): boolean => {
  const wall = new Date(wallMs)
  const day = wall.getUTCDay()
  const hour = wall.getUTCHours()
  return day !== 0 && day !== 6 && hour >= WORKING_HOURS.from && hour <= WORKING_HOURS.to
}

/**
 * The deadline offered by default: at least 72 real hours after `now` (across any
 * daylight-saving change), on the first full hour of New York time after that which falls in
 * working hours (Monday to Friday, 09:00-18:00), as a co-facilitator would write it: not
 * "Sunday 02:00", which nobody watching the procedure would be awake for. When an hour is one
 * the clocks show twice, it is passed over if it would read as an earlier deadline.
 */
export function defaultDeadline(
  now: Date,
  timeZone: string = DEFAULT_SILENCE_TIME_ZONE,
): DeadlineInput {
  const zone = canonicalTimeZone(timeZone)
  const earliest = now.getTime() + DEFAULT_SILENCE_HOURS * HOUR_MS
  const wallMs = wallMsAt(earliest, zone) + (earliest % 1000)
  for (let hourMs = Math.ceil(wallMs / HOUR_MS) * HOUR_MS; ; hourMs += HOUR_MS) {
    const [instant] = instantsAtWallClock(hourMs, zone)
    if (instant !== undefined && instant >= earliest && isWorkingHour(hourMs)) {
      const iso = new Date(hourMs).toISOString()
      return { date: iso.slice(0, 10), time: iso.slice(11, 16), timeZone: zone }
    }
  }
}

/**
 * A deadline in words, in the given zone: "jeudi 26 mars 2026 à 18:00 (heure de New York)",
 * "Thursday, 26 March 2026, 6:00 p.m. (New York time)". Built from parts rather than a
 * `dateStyle`, whose punctuation and spaces change between ICU versions (browser and server).
 */
export function formatDeadline(
  instant: Date,
  timeZone: string,
  locale: 'fr' | 'en',
  { isShort = false }: { isShort?: boolean } = {},
): string {
  const zone = canonicalTimeZone(timeZone)
  const wall = new Date(wallMsAt(instant.getTime(), zone))
  const names = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(wall)
  // Short: for the one-line silence bar, where the zone's name must still fit at 1024 px.
  const weekday = names({ weekday: isShort ? 'short' : 'long' })
  const month = names({ month: isShort ? 'short' : 'long' })
  const day = wall.getUTCDate()
  const year = isShort ? '' : ` ${wall.getUTCFullYear()}`
  const hour = wall.getUTCHours()
  const minutes = String(wall.getUTCMinutes()).padStart(2, '0')
  const label = timeZoneLabel(zone, locale)
  if (locale === 'fr') {
    const dayFr = day === 1 ? '1er' : String(day)
    return `${weekday} ${dayFr} ${month}${year} à ${String(hour).padStart(2, '0')}:${minutes} (${label})`
  }
  const hour12 = hour % 12 === 0 ? 12 : hour % 12
  const period = hour < 12 ? 'a.m.' : 'p.m.'
  return `${weekday}, ${day} ${month}${year}, ${hour12}:${minutes} ${period} (${label})`
}
