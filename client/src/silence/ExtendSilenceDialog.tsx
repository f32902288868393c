import { useMemo, useState, type FormEvent } from 'react'
import { DEFAULT_SILENCE_TIME_ZONE } from '../../../shared/silence/silenceLimits.ts'
import type { DeadlineInput, SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { failureOf, useSubmission } from '../api/useSubmission.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useSilenceMessages } from './useSilenceMessages.ts'
import { DeadlineFields } from './DeadlineFields.tsx'
import { extendSilence } from '../api/silence.ts'
import { SilenceActions } from './SilenceActions.tsx'
import { SilenceDialog } from './SilenceDialog.tsx'
import { silenceErrorText, useFormatInstant, USER_TIME_ZONE } from './silenceText.ts'
import { defaultExtension, timeZoneChoices, tryResolveDeadline } from './silenceView.ts'

interface ExtendSilenceDialogProps {
  procedure: SilenceProcedure
  now: () => Date
  onClose: () => void
}

/** The co-facilitators move the deadline later (one day later is offered), before it passes. */
export function ExtendSilenceDialog({ procedure, now, onClose }: ExtendSilenceDialogProps) {
  const t = useSilenceMessages()
  const { t: common } = useI18n()
  const format = useFormatInstant()
  const [deadline, setDeadline] = useState<DeadlineInput>(() =>
    defaultExtension(procedure.deadline, procedure.timeZone),
  )
  const { submission, submit } = useSubmission()
  const isSending = submission.status === 'pending'
  const zones = useMemo(
    () => timeZoneChoices(DEFAULT_SILENCE_TIME_ZONE, procedure.timeZone, USER_TIME_ZONE),
    [procedure.timeZone],
  )
  const resolved = tryResolveDeadline(deadline)
  const isNotLater =
    resolved.instant !== null &&
    resolved.instant.getTime() <= Math.max(Date.parse(procedure.deadline), now().getTime())
  const canSubmit = resolved.instant !== null && !isNotLater && !isSending

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!canSubmit) return
    const isExtended = await submit(
      () =>
        extendSilence(procedure.negotiationId, procedure.id, {
          deadline: `${deadline.date}T${deadline.time}`,
          timeZone: deadline.timeZone,
        }).then(() => ''),
      (caught) => silenceErrorText(caught, t),
    )
    if (isExtended) onClose()
  }

  return (
    <SilenceDialog
      title={t.silenceExtendTitle}
      testId="silence-extend-dialog"
      onClose={onClose}
      isWide
    >
      <p className="dialog-intro">
        {t.silenceExtendIntro(format(procedure.deadline, procedure.timeZone))}
      </p>
      <form className="silence-form" onSubmit={(event) => void handleSubmit(event)}>
        <DeadlineFields
          value={deadline}
          onChange={setDeadline}
          resolved={resolved}
          zones={zones}
          problem={isNotLater ? t.silenceNotLater : null}
        />
        <SilenceActions
          error={failureOf(submission)}
          back={{ label: common.cancel, onClick: onClose }}
          main={{
            label: isSending ? t.silenceSending : t.silenceExtendSubmit,
            testId: 'silence-extend-submit',
            isDisabled: !canSubmit,
          }}
        />
      </form>
    </SilenceDialog>
  )
}
