import { failureOf, useSubmission } from '../api/useSubmission.ts'
import type { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { useSilenceMessages } from './useSilenceMessages.ts'
import { cancelSilence } from '../api/silence.ts'
import { SilenceActions } from './SilenceActions.tsx'
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
  const t = useSilenceMessages()
  const { submission, submit } = useSubmission()
  const isSending = submission.status === 'pending'

  const handleConfirm = async () => {
    const isCancelled = await submit(
      () => cancelSilence(procedure.negotiationId, procedure.id).then(() => ''),
      (caught) => silenceErrorText(caught, t),
    )
    if (isCancelled) onClose()
  }

  return (
    <SilenceDialog title={t.silenceCancelTitle} testId="silence-cancel-dialog" onClose={onClose}>
      <p className="dialog-intro">{t.silenceCancelIntro}</p>
      <SilenceActions
        error={failureOf(submission)}
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
