import { useCallback, useState } from 'react'
import { ApiError } from '../api/fetchJson.ts'
import type { Submission } from '../api/useSubmission.ts'
import { refusalText } from '../forms/refusalText.ts'
import { useFormMessages } from '../forms/useFormMessages.ts'

/**
 * Runs a console action and keeps its outcome, shown by SubmissionLine: the success text it
 * returns, or why it failed, in the UI language (`explain` may word a refusal the form foresees,
 * e.g. a name already taken). Unlike a form's useSubmission, actions may overlap: the rows of the users
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
  const t = useFormMessages()
  const [submission, setSubmission] = useState<Submission>({ status: 'idle' })

  const run = useCallback(
    async (action: () => Promise<string>, explain?: (error: ApiError) => string | null) => {
      setSubmission({ status: 'pending' })
      try {
        setSubmission({ status: 'done', message: await action() })
        return true
      } catch (error) {
        const explained = error instanceof ApiError ? explain?.(error) : null
        setSubmission({ status: 'failed', message: explained ?? refusalText(error, t) })
        return false
      }
    },
    [t],
  )
  return { submission, isBusy: submission.status === 'pending', run }
}
