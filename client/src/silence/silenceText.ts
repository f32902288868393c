import { useCallback } from 'react'
import { formatDeadline } from '../../../shared/silence/deadline.ts'
import { SilenceError } from '../../../shared/silence/silenceError.ts'
import { ApiError } from '../api/fetchJson.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import type { SilenceMessages } from './messages.ts'
import { deviceTimeZone } from './silenceView.ts'

/** The user's own time zone, read once: the device does not move during a page's life. */
export const USER_TIME_ZONE = deviceTimeZone()

/**
 * An instant in words, in the UI language, in `timeZone` (the user's own by default):
 * "jeudi 26 mars 2026 à 18:00 (heure de New York)".
 */
export function useFormatInstant(): (instant: string | Date, timeZone?: string) => string {
  const { language } = useI18n()
  return useCallback(
    (instant, timeZone = USER_TIME_ZONE) => formatDeadline(new Date(instant), timeZone, language),
    [language],
  )
}

/** What went wrong, in the UI language when the server's (or the form's) code is known. */
export function silenceErrorText(error: unknown, t: SilenceMessages): string {
  if (error instanceof ApiError || error instanceof SilenceError) {
    return t.silenceErrors[error.code] ?? t.silenceFailed(error.message)
  }
  return t.silenceFailed(error instanceof Error ? error.message : String(error))
}
