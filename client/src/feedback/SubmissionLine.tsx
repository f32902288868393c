import type { Submission } from '../api/useSubmission.ts'

/** A form's outcome: green when done, red when refused; nothing before or during. */
export function SubmissionLine({ submission, testId }: { submission: Submission; testId: string }) {
  if (submission.status !== 'done' && submission.status !== 'failed') return null
  const isError = submission.status === 'failed'
  return (
    <p
      className={isError ? 'form-error' : 'form-success'}
      role={isError ? 'alert' : 'status'}
      data-testid={testId}
      data-outcome={isError ? 'error' : 'success'}
    >
      {submission.message}
    </p>
  )
}
