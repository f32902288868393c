import { useId, useState, type FormEvent } from 'react'
import { MAX_ALTERNATIVE_LENGTH } from '../../../shared/limits.ts'
import { proposeAlternative } from '../api/alternatives.ts'
import { failureOf, useSubmission } from '../api/useSubmission.ts'
import { useAlternativeMessages } from './useAlternativeMessages.ts'

/**
 * The delegate's form for an alternative wording: the paragraph's text to start from, a
 * rationale, and the server's refusal in words if there is one (ad ref meanwhile, a second
 * Alt of the delegation, a frozen text). Escape or Cancel closes it.
 */
export function ProposeAlternativeDialog(props: {
  negotiationId: string
  uid: string
  label: string | null
  currentText: string
  onClose: () => void
}) {
  const t = useAlternativeMessages()
  const titleId = useId()
  const [wording, setWording] = useState(props.currentText)
  const [rationale, setRationale] = useState('')
  const { submission, submit } = useSubmission()
  const error = failureOf(submission)
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const isDone = await submit(
      async () => {
        await proposeAlternative(props.negotiationId, props.uid, {
          text: wording,
          ...(rationale.trim() ? { rationale: rationale.trim() } : {}),
        })
        return ''
      },
      (failure) => t.failed(failure instanceof Error ? failure.message : String(failure)),
    )
    if (isDone) props.onClose()
  }
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog dialog-wide alt-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="alternative-dialog"
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onClose()
        }}
      >
        <h2 id={titleId}>{t.dialogTitle(props.label)}</h2>
        <p className="dialog-intro">{t.dialogIntro}</p>
        <form className="alt-form" onSubmit={(event) => void handleSubmit(event)}>
          <label className="field">
            {t.wording}
            <textarea
              data-testid="alternative-wording"
              value={wording}
              rows={7}
              maxLength={MAX_ALTERNATIVE_LENGTH}
              autoFocus
              onChange={(event) => setWording(event.target.value)}
            />
          </label>
          <label className="field">
            {t.rationale}
            <textarea
              data-testid="alternative-rationale"
              value={rationale}
              rows={2}
              maxLength={4_000}
              onChange={(event) => setRationale(event.target.value)}
            />
          </label>
          {error && (
            <p className="alt-error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={props.onClose}>
              {t.cancel}
            </button>
            <button
              type="submit"
              className="button button-primary"
              data-testid="alternative-submit"
              disabled={submission.status === 'pending' || !wording.trim()}
            >
              {t.submit}
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}
