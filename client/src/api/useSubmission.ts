import { useState } from 'react'
import { ApiError } from './fetchJson.ts'

/** What a form's last submission came to: nothing yet, under way, done or refused. */
export type Submission =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; message: string }
  | { status: 'failed'; message: string; error: unknown }

/** Why the last submission was refused, worded for the user, or null. */
export const failureOf = (submission: Submission): string | null =>
  submission.status === 'failed' ? submission.message : null

/** What went wrong, in the words the error itself carries. */
export const errorDetail = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

/**
 * Words a failure as `fallback(detail)` ("Action failed: ..."), unless `explain` words a refusal
 * it knows in the UI language (a 409: the name is taken).
 */
export const wordFailure =
  (fallback: (detail: string) => string, explain?: (error: ApiError) => string | null) =>
  (error: unknown): string =>
    (error instanceof ApiError ? explain?.(error) : null) ?? fallback(errorDetail(error))

export interface SubmissionOptions {
  /**
   * Another submission may start while one is under way: the rows of a table share one outcome
   * line, and changing two users' roles in a row is fine. Otherwise a second submit is ignored.
   */
  mayOverlap?: boolean
}

/**
 * Runs a form's (or an action's) submission and keeps its outcome to show beside it; `submit`
 * resolves with whether it was done (a dialog then closes). The one way the client sends what
 * the user asked for: forms, dialogs, the console's actions, sign-in and sign-out.
 */
export function useSubmission(options: SubmissionOptions = {}): {
  submission: Submission
  isBusy: boolean
  submit: (
    run: () => Promise<string>,
    describeError?: (error: unknown) => string,
  ) => Promise<boolean>
  reset: () => void
} {
  const [submission, setSubmission] = useState<Submission>({ status: 'idle' })
  const submit = async (
    run: () => Promise<string>,
    describeError: (error: unknown) => string = errorDetail,
  ) => {
    if (submission.status === 'pending' && !options.mayOverlap) return false
    setSubmission({ status: 'pending' })
    try {
      setSubmission({ status: 'done', message: await run() })
      return true
    } catch (error) {
      setSubmission({ status: 'failed', message: describeError(error), error })
      return false
    }
  }
  return {
    submission,
    isBusy: submission.status === 'pending',
    submit,
    reset: () => setSubmission({ status: 'idle' }),
  }
}
