import { useCallback, useState } from 'react'
import { ApiError } from '../api/fetchJson.ts'
import type { Submission } from '../api/useSubmission.ts'
import { useI18n } from '../i18n/I18nContext.ts'

/**
 * Runs a console action and keeps its outcome, shown by SubmissionLine: the success text it
 * returns, or why it failed (`explain` may word a known refusal, e.g. a name already taken, in
 * the UI language). Unlike a form's useSubmission, actions may overlap: the rows of the users
 * table share one outcome line, and changing two users' roles in a row is fine.
 */
export function useFeedback(): {
  submission: Submission
  isBusy: boolean
  run: (
    action: () => Promise<string>,
    explain?: (error: ApiError) => string | null,
  ) => Promise<boolean>
} {
  const { t } = useI18n()
  const [submission, setSubmission] = useState<Submission>({ status: 'idle' })

  const run = useCallback(
    async (action: () => Promise<string>, explain?: (error: ApiError) => string | null) => {
      setSubmission({ status: 'pending' })
      try {
        setSubmission({ status: 'done', message: await action() })
        return true
      } catch (error) {
        const explained = error instanceof ApiError ? explain?.(error) : null
        const detail = error instanceof Error ? error.message : String(error)
        setSubmission({ status: 'failed', message: explained ?? t.actionFailed(detail) })
        return false
      }
    },
    [t],
  )
  return { submission, isBusy: submission.status === 'pending', run }
}
