import type { Feedback } from './useFeedback.ts'

/** A console action's outcome: green when done, red when refused. */
export function FeedbackLine({ feedback, testId }: { feedback: Feedback; testId: string }) {
  if (!feedback) return null
  return (
    <p
      className={feedback.isError ? 'form-error' : 'form-success'}
      role={feedback.isError ? 'alert' : 'status'}
      data-testid={testId}
      data-outcome={feedback.isError ? 'error' : 'success'}
    >
      {feedback.text}
    </p>
  )
}
