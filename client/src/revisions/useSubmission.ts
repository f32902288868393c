import { useState } from 'react'

/** What a form's last submission came to: nothing yet, under way, done or refused. */
export type Submission =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; message: string }
  | { status: 'failed'; message: string }

/** Runs a form's submission once at a time and keeps its outcome to show beside the form. */
export function useSubmission(): {
  submission: Submission
  submit: (run: () => Promise<string>, describeError: (error: unknown) => string) => void
  reset: () => void
} {
  const [submission, setSubmission] = useState<Submission>({ status: 'idle' })
  const submit = (run: () => Promise<string>, describeError: (error: unknown) => string) => {
    if (submission.status === 'pending') return
    setSubmission({ status: 'pending' })
    run().then(
      (message) => setSubmission({ status: 'done', message }),
      (error: unknown) => setSubmission({ status: 'failed', message: describeError(error) }),
    )
  }
  return { submission, submit, reset: () => setSubmission({ status: 'idle' }) }
}
