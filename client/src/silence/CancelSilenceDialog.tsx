import { useState } from 'react'
import type { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { cancelSilence } from './silenceApi.ts'
import { SilenceDialog } from './SilenceDialog.tsx'
import { silenceErrorText } from './silenceText.ts'

/** The co-facilitators end the procedure without adoption, after saying what that means. */
export function CancelSilenceDialog({
  procedure,
  onClose,
}: {
  procedure: SilenceProcedure
  onClose: () => void
}) {
  const { t } = useI18n()
  const [isSending, setIsSending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const handleConfirm = async () => {
    setIsSending(true)
    setError(null)
    try {
      await cancelSilence(procedure.negotiationId, procedure.id)
      onClose()
    } catch (caught) {
      setError(silenceErrorText(caught, t))
      setIsSending(false)
    }
  }

  return (
    <SilenceDialog title={t.silenceCancelTitle} testId="silence-cancel-dialog" onClose={onClose}>
      <p className="dialog-intro">{t.silenceCancelIntro}</p>
      {error && (
        <p className="form-error" role="alert" data-testid="silence-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" autoFocus onClick={onClose}>
          {t.silenceKeep}
        </button>
        <button
          type="button"
          className="button button-primary button-danger"
          data-testid="silence-cancel-confirm"
          disabled={isSending}
          onClick={() => void handleConfirm()}
        >
          {isSending ? t.silenceSending : t.silenceCancelConfirm}
        </button>
      </div>
    </SilenceDialog>
  )
}
