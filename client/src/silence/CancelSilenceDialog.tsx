import type { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { cancelSilence } from './silenceApi.ts'
import { SilenceActions } from './SilenceActions.tsx'
import { SilenceDialog } from './SilenceDialog.tsx'
import { useSilenceRequest } from './useSilenceRequest.ts'

/** The co-facilitators end the procedure without adoption, after saying what that means. */
export function CancelSilenceDialog({
  procedure,
  onClose,
}: {
  procedure: SilenceProcedure
  onClose: () => void
}) {
  const { t } = useI18n()
  const { isSending, error, send } = useSilenceRequest()

  const handleConfirm = async () => {
    if (await send(() => cancelSilence(procedure.negotiationId, procedure.id))) onClose()
  }

  return (
    <SilenceDialog title={t.silenceCancelTitle} testId="silence-cancel-dialog" onClose={onClose}>
      <p className="dialog-intro">{t.silenceCancelIntro}</p>
      <SilenceActions
        error={error}
        back={{ label: t.silenceKeep, onClick: onClose, isAutoFocused: true }}
        main={{
          label: isSending ? t.silenceSending : t.silenceCancelConfirm,
          testId: 'silence-cancel-confirm',
          isDisabled: isSending,
          isDanger: true,
          onClick: () => void handleConfirm(),
        }}
      />
    </SilenceDialog>
  )
}
