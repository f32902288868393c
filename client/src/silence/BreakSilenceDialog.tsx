import { useId, useState, type FormEvent } from 'react'
import { MAX_STATEMENT_LENGTH } from '../../../shared/silence/silenceLimits.ts'
import type { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { failureOf, useSubmission } from '../api/useSubmission.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useSilenceMessages } from './useSilenceMessages.ts'
import { LengthCounter } from './LengthCounter.tsx'
import { breakSilence } from '../api/silence.ts'
import { SilenceActions } from './SilenceActions.tsx'
import { SilenceDialog } from './SilenceDialog.tsx'
import { silenceErrorText } from './silenceText.ts'

interface BreakSilenceDialogProps {
  procedure: SilenceProcedure
  /** The user's delegation as the room names it: "France (FRA)". */
  delegation: string
  onClose: () => void
}

/**
 * A delegation breaks silence with a written statement (required), then confirms: breaking ends
 * the procedure at once for everyone and cannot be undone.
 */
export function BreakSilenceDialog({ procedure, delegation, onClose }: BreakSilenceDialogProps) {
  const t = useSilenceMessages()
  const { t: common } = useI18n()
  const formId = useId()
  const [statement, setStatement] = useState('')
  const [isConfirming, setIsConfirming] = useState(false)
  const { submission, submit } = useSubmission()
  const isSending = submission.status === 'pending'
  const trimmed = statement.trim()
  const isValid = trimmed !== '' && trimmed.length <= MAX_STATEMENT_LENGTH

  const handleContinue = (event: FormEvent) => {
    event.preventDefault()
    if (isValid) setIsConfirming(true)
  }

  const handleConfirm = async () => {
    const isBroken = await submit(
      () =>
        breakSilence(procedure.negotiationId, procedure.id, { statement: trimmed }).then(() => ''),
      (caught) => silenceErrorText(caught, t),
    )
    if (isBroken) onClose()
  }

  return (
    <SilenceDialog
      title={t.silenceBreakTitle}
      testId="silence-break-dialog"
      onClose={onClose}
      isWide
    >
      <p className="dialog-intro">{t.silenceBreakIntro(delegation)}</p>
      {isConfirming ? (
        <>
          <blockquote className="silence-statement" data-testid="silence-statement-preview">
            {trimmed}
          </blockquote>
          <p className="silence-confirm-text" role="alert">
            {t.silenceBreakConfirmText(delegation)}
          </p>
          <SilenceActions
            error={failureOf(submission)}
            back={{
              label: t.silenceBreakEdit,
              onClick: () => setIsConfirming(false),
              isDisabled: isSending,
            }}
            main={{
              label: isSending ? t.silenceSending : t.silenceBreakConfirm,
              testId: 'silence-break-confirm',
              isDisabled: isSending,
              isDanger: true,
              onClick: () => void handleConfirm(),
            }}
          />
        </>
      ) : (
        <form className="silence-form" onSubmit={handleContinue}>
          <div className="field">
            <label htmlFor={`${formId}-statement`}>{t.silenceStatement}</label>
            <textarea
              id={`${formId}-statement`}
              aria-describedby={`${formId}-count`}
              data-testid="silence-statement"
              required
              autoFocus
              rows={7}
              maxLength={MAX_STATEMENT_LENGTH}
              placeholder={t.silenceStatementPlaceholder}
              value={statement}
              onChange={(event) => setStatement(event.target.value)}
            />
            <LengthCounter
              id={`${formId}-count`}
              length={statement.length}
              max={MAX_STATEMENT_LENGTH}
              testId="silence-statement-count"
            />
          </div>
          <SilenceActions
            back={{ label: common.cancel, onClick: onClose }}
            main={{
              label: t.silenceBreakContinue,
              testId: 'silence-break-submit',
              isDisabled: !isValid,
              isDanger: true,
            }}
          />
        </form>
      )}
    </SilenceDialog>
  )
}
