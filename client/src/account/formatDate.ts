import type { Language } from '../i18n/messages.ts'

/** A server time (ISO 8601) as the user reads it, in their language and time zone. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date)
}
