import { useId, useState, type FormEvent } from 'react'
import type { Delegation } from '../../../shared/api.ts'
import { MAX_EXPLANATION_LENGTH } from '../../../shared/silence/silenceLimits.ts'
import type { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { failureOf, useSubmission } from '../api/useSubmission.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useSilenceMessages } from './useSilenceMessages.ts'
import { LengthCounter } from './LengthCounter.tsx'
import { SilenceActions } from './SilenceActions.tsx'
import { explainPosition } from '../api/silence.ts'
import { silenceErrorText, useFormatInstant } from './silenceText.ts'
import { delegationName } from './silenceView.ts'

interface ExplanationsProps {
  procedure: SilenceProcedure
  delegations: readonly Delegation[]
  /** The user's delegation if it may file an explanation of position, else null. */
  ownDelegation: string | null
}

/**
 * After adoption, the explanations of position the delegations filed (one each), and for a
 * delegation that has not yet, the form to file its own.
 */
export function Explanations({ procedure, delegations, ownDelegation }: ExplanationsProps) {
  const t = useSilenceMessages()
  const { language } = useI18n()
  const format = useFormatInstant()
  const formId = useId()
  const [text, setText] = useState('')
  const { submission, submit } = useSubmission()
  const isSending = submission.status === 'pending'
  const hasExplained = procedure.explanations.some((e) => e.delegation === ownDelegation)
  const trimmed = text.trim()

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (trimmed === '' || isSending) return
    const isFiled = await submit(
      () =>
        explainPosition(procedure.negotiationId, procedure.id, { text: trimmed }).then(() => ''),
      (caught) => silenceErrorText(caught, t),
    )
    if (isFiled) setText('')
  }

  return (
    <section className="silence-explanations" aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`}>{t.silenceExplanations}</h3>
      {procedure.explanations.length === 0 ? (
        <p className="silence-muted">{t.silenceNoExplanations}</p>
      ) : (
        <ul data-testid="silence-explanations">
          {procedure.explanations.map((explanation) => (
            <li key={explanation.delegation} data-testid="silence-explanation-item">
              <span className="silence-muted">
                {t.silenceExplanationOf(
                  delegationName(explanation.delegation, delegations, language),
                  explanation.name,
                  format(explanation.at),
                )}
              </span>
              <blockquote className="silence-statement">{explanation.text}</blockquote>
            </li>
          ))}
        </ul>
      )}
      {ownDelegation && !hasExplained && (
        <form className="silence-form" onSubmit={(event) => void handleSubmit(event)}>
          <div className="field">
            <label htmlFor={`${formId}-text`}>{t.silenceExplain}</label>
            <textarea
              id={`${formId}-text`}
              aria-describedby={`${formId}-hint ${formId}-count`}
              data-testid="silence-explanation"
              required
              rows={4}
              maxLength={MAX_EXPLANATION_LENGTH}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
            <span id={`${formId}-hint`} className="field-hint">
              {t.silenceExplainHint}
            </span>
            <LengthCounter
              id={`${formId}-count`}
              length={text.length}
              max={MAX_EXPLANATION_LENGTH}
              testId="silence-explanation-count"
            />
          </div>
          <SilenceActions
            error={failureOf(submission)}
            main={{
              label: isSending ? t.silenceSending : t.silenceExplainSubmit,
              testId: 'silence-explain-submit',
              isDisabled: trimmed === '' || isSending,
            }}
          />
        </form>
      )}
    </section>
  )
}
