import { currentTimeZones, currentZoneName } from '../../../shared/silence/currentZoneNames.ts'
import type { Delegation } from '../../../shared/api.ts'
import { resolveDeadline } from '../../../shared/silence/deadline.ts'
import { DEFAULT_SILENCE_TIME_ZONE } from '../../../shared/silence/silenceLimits.ts'
import type { DeadlineInput, SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { canonicalTimeZone, HOUR_MS, wallMsAt } from '../../../shared/silence/zonedTime.ts'
import type { Language } from '../i18n/messages.ts'
import { delegationNameIn } from '../i18n/delegationName.ts'

/** Pure helpers of the silence UI: which procedure to show, the countdown, time zones. */

/**
 * The procedure the room is about: the running one, else the adopted one (adoption is final),
 * else the latest to have ended (broken or cancelled), for its outcome. Null if none ever ran.
 */
export function currentProcedure(procedures: readonly SilenceProcedure[]): SilenceProcedure | null {
  const byStatus = (status: SilenceProcedure['status']) =>
    procedures.find((procedure) => procedure.status === status)
  return byStatus('running') ?? byStatus('adopted') ?? procedures.at(-1) ?? null
}

/** Oldest first, so that the history reads in the order things happened. */
export function byStart(procedures: SilenceProcedure[]): SilenceProcedure[] {
  return procedures.sort(
    (a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id),
  )
}

export interface CountdownParts {
  days: number
  hours: number
  minutes: number
  seconds: number
}

/**
 * What is left of `remainingMs`, rounded up to the second: the countdown shows "0 s" only once
 * the deadline has come, never while a fraction of a second remains.
 */
export function countdownParts(remainingMs: number): CountdownParts {
  const total = Math.max(0, Math.ceil(remainingMs / 1000))
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor(total / 3_600) % 24,
    minutes: Math.floor(total / 60) % 60,
    seconds: total % 60,
  }
}

/** The time zone of the device, canonical; UTC if the browser does not say. */
export function deviceTimeZone(): string {
  try {
    return canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone)
  } catch {
    return 'UTC'
  }
}

/**
 * The zones a deadline is shown in: New York time (UN headquarters) first, then the zone the
 * co-facilitators set it in, then the user's own; each once.
 */
export function deadlineZones(procedureZone: string, userZone: string): string[] {
  return [...new Set([DEFAULT_SILENCE_TIME_ZONE, procedureZone, userZone])]
}

/** The wall clock of `timeZone` at `instant`, as the date and time fields of a form hold it. */
export function wallClockAt(instant: Date, timeZone: string): DeadlineInput {
  const iso = new Date(wallMsAt(instant.getTime(), timeZone)).toISOString()
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), timeZone }
}

/** The deadline an extension offers by default: one day later, to the minute, in `timeZone`. */
export function defaultExtension(deadline: string, timeZone: string): DeadlineInput {
  return wallClockAt(new Date(Date.parse(deadline) + 24 * HOUR_MS), timeZone)
}

/**
 * The zones a deadline may be written in: the ones the form needs first (New York, the
 * procedure's, the user's own), then every zone the browser knows, by current IANA name.
 */
export function timeZoneChoices(...needed: string[]): string[] {
  const first = needed.map(currentZoneName)
  const rest = currentTimeZones()
    .filter((zone) => !first.includes(zone))
    .sort((a, b) => a.localeCompare(b))
  return [...new Set([...first, ...rest])]
}

/**
 * A zone as a delegate looks for it, in the UI's language: its city and the zone's generic
 * name, "Kyiv — heure d’Europe de l’Est (Europe/Kyiv)".
 */
export function zoneOptionLabel(zone: string, language: Language, at: Date): string {
  const city = zone.includes('/') ? (zone.split('/').pop() ?? zone).replaceAll('_', ' ') : zone
  let generic = ''
  try {
    generic =
      new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'longGeneric' })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value ?? ''
  } catch {
    // A zone this browser does not know: named by its city and identifier alone.
  }
  return `${city}${generic ? ` — ${generic}` : ''} (${zone})`
}

/** Whether a zone's label matches what the user typed: any case, with or without accents. */
export function matchesZoneSearch(label: string, search: string): boolean {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  return fold(label).includes(fold(search.trim()))
}

/** "France (FRA)" / "Morocco (MAR)"; the bare code for a delegation the room does not list. */
export function delegationName(
  code: string,
  delegations: readonly Delegation[],
  language: Language,
): string {
  const delegation = delegations.find((d) => d.code === code)
  if (!delegation) return code
  return `${delegationNameIn(delegation, language)} (${code})`
}

/** A deadline form's fields read as an instant, or why they cannot be (shared/silence/deadline.ts). */
export type ResolvedDeadline = { instant: Date; error: null } | { instant: null; error: unknown }

export function tryResolveDeadline(input: DeadlineInput): ResolvedDeadline {
  try {
    return { instant: resolveDeadline(input), error: null }
  } catch (error) {
    return { instant: null, error }
  }
}
