import type { Language } from './messages.ts'

// Making a date format costs a fraction of a millisecond; the panel lists hundreds of dates.
const formats = new Map<Language, Intl.DateTimeFormat>()

/**
 * A server time (ISO 8601) as the user reads it, in their language and time zone: the one
 * date format of the interface ("3 déc. 2026, 16:11", "3 Dec 2026, 16:11"). Deadlines, which
 * name their time zone, are written by `formatDeadline` (shared/silence/deadline.ts).
 */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  let format = formats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    })
    formats.set(language, format)
  }
  return format.format(date)
}

/** A calendar day (YYYY-MM-DD), as a round's dates: "20 février 2018", "20 February 2018". */
export const formatDay = (isoDay: string, language: Language): string =>
  new Date(`${isoDay}T00:00:00Z`).toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
