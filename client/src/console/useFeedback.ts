import { useCallback, useState } from 'react'
import { ApiError } from '../api/fetchJson.ts'
import { useI18n } from '../i18n/I18nContext.ts'

/** The outcome of the last console action, shown next to its form. */
export type Feedback = { isError: boolean; text: string } | null

/**
 * Runs a console action and keeps its outcome: the success text it returns, or why it failed
 * (`explain` may word a known refusal, e.g. a name already taken, in the UI language).
 */
export function useFeedback(): {
  feedback: Feedback
  isBusy: boolean
  run: (
    action: () => Promise<string>,
    explain?: (error: ApiError) => string | null,
  ) => Promise<boolean>
} {
  const { t } = useI18n()
  const [feedback, setFeedback] = useState<Feedback>(null)
  const [isBusy, setIsBusy] = useState(false)

  const run = useCallback(
    async (action: () => Promise<string>, explain?: (error: ApiError) => string | null) => {
      setIsBusy(true)
      setFeedback(null)
      try {
        setFeedback({ isError: false, text: await action() })
        return true
      } catch (error) {
        const explained = error instanceof ApiError ? explain?.(error) : null
        const detail = error instanceof Error ? error.message : String(error)
        setFeedback({ isError: true, text: explained ?? t.actionFailed(detail) })
        return false
      } finally {
        setIsBusy(false)
      }
    },
    [t],
  )
  return { feedback, isBusy, run }
}
