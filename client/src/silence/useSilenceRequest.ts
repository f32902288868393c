import { useCallback, useState } from 'react'
import { useI18n } from '../i18n/I18nContext.ts'
import { silenceErrorText } from './silenceText.ts'

/**
 * A request a silence dialog sends (start, extend, break, cancel, explain): whether it is on its
 * way, and why the last one failed, worded for the user.
 */
export function useSilenceRequest(): {
  isSending: boolean
  error: string | null
  /** Sends `request`; true once the server agreed, false when it did not (the error is shown). */
  send: (request: () => Promise<unknown>) => Promise<boolean>
  /** Shows why something else the dialog needed failed (e.g. loading the revisions). */
  showError: (caught: unknown) => void
} {
  const { t } = useI18n()
  const [isSending, setIsSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const showError = useCallback((caught: unknown) => setError(silenceErrorText(caught, t)), [t])
  const send = useCallback(
    async (request: () => Promise<unknown>) => {
      setIsSending(true)
      setError(null)
      try {
        await request()
        return true
      } catch (caught) {
        showError(caught)
        return false
      } finally {
        setIsSending(false)
      }
    },
    [showError],
  )
  return { isSending, error, send, showError }
}
