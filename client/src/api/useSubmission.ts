import { useState } from 'react'

/** What a form's last submission came to: nothing yet, under way, done or refused. */
export type Submission =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; message: string }
  | { status: 'failed'; message: string }

/** Why the last submission was refused, worded for the user, or null. */
export const failureOf = (submission: Submission): string | null =>
  submission.status === 'failed' ? submission.message : null

/**
 * Runs a form's submission once at a time and keeps its outcome to show beside the form;
 * `submit` resolves with whether it was done (a dialog then closes).
 */
export function useSubmission(): {
  submission: Submission
  submit: (
    run: () => Promise<string>,
    describeError: (error: unknown) => string,
  ) => Promise<boolean>
  reset: () => void
} {
  const [submission, setSubmission] = useState<Submission>({ status: 'idle' })
  const submit = async (run: () => Promise<string>, describeError: (error: unknown) => string) => {
    if (submission.status === 'pending') return false
    setSubmission({ status: 'pending' })
    try {
      setSubmission({ status: 'done', message: await run() })
      return true
    } catch (error) {
      setSubmission({ status: 'failed', message: describeError(error) })
      return false
    }
  }
  return { submission, submit, reset: () => setSubmission({ status: 'idle' }) }
}
