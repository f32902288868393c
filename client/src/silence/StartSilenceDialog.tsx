import { useId, useMemo, useState, type FormEvent } from 'react'
import type { RevisionSummary } from '../../../shared/revisions.ts'
import { defaultDeadline } from '../../../shared/silence/deadline.ts'
import {
  DEFAULT_SILENCE_TIME_ZONE,
  MAX_NOTE_LENGTH,
} from '../../../shared/silence/silenceLimits.ts'
import type { DeadlineInput } from '../../../shared/silence/silenceSchema.ts'
import { useRequest } from '../api/useRequest.ts'
import { failureOf, useSubmission } from '../api/useSubmission.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useSilenceMessages } from './useSilenceMessages.ts'
import { DeadlineFields } from './DeadlineFields.tsx'
import { LengthCounter } from './LengthCounter.tsx'
import { fetchRevisions } from '../api/revisions.ts'
import { startSilence } from '../api/silence.ts'
import { SilenceActions } from './SilenceActions.tsx'
import { SilenceDialog } from './SilenceDialog.tsx'
import { silenceErrorText, USER_TIME_ZONE } from './silenceText.ts'
import { timeZoneChoices, tryResolveDeadline } from './silenceView.ts'

interface StartSilenceDialogProps {
  negotiationId: string
  now: () => Date
  onClose: () => void
}

/**
 * The co-facilitators put a published revision under silence: revision, deadline (72 hours from
 * now by default, rounded up to the hour of New York time, as `defaultDeadline` offers it) and
 * the cover note circulated with it.
 */
export function StartSilenceDialog({ negotiationId, now, onClose }: StartSilenceDialogProps) {
  const t = useSilenceMessages()
  const { t: common } = useI18n()
  const formId = useId()
  const listed = useRequest(negotiationId, () => fetchRevisions(negotiationId))
  const revisions: readonly RevisionSummary[] | null =
    listed.status === 'ready' ? listed.value : listed.status === 'error' ? [] : null
  const [chosenRevisionId, setRevisionId] = useState('')
  // The latest published revision is the one usually put under silence.
  const revisionId = chosenRevisionId || (revisions?.at(-1)?.id ?? '')
  const [deadline, setDeadline] = useState<DeadlineInput>(() => defaultDeadline(now()))
  const [isDeadlineTouched, setIsDeadlineTouched] = useState(false)
  const [note, setNote] = useState('')
  const { submission, submit } = useSubmission()
  const isSending = submission.status === 'pending'
  /** Why the revisions to choose from could not be loaded. */
  const loadError = listed.status === 'error' ? silenceErrorText(listed.error, t) : null
  const zones = useMemo(() => timeZoneChoices(DEFAULT_SILENCE_TIME_ZONE, USER_TIME_ZONE), [])
  const resolved = tryResolveDeadline(deadline)
  const isPast = resolved.instant !== null && resolved.instant.getTime() <= now().getTime()
  const canSubmit =
    revisionId !== '' && resolved.instant !== null && !isPast && note.trim() !== '' && !isSending

  const handleDeadlineChange = (next: DeadlineInput) => {
    // Until the user sets a date or time, changing the zone offers the default in that zone.
    if (!isDeadlineTouched && next.timeZone !== deadline.timeZone) {
      setDeadline(defaultDeadline(now(), next.timeZone))
      return
    }
    setIsDeadlineTouched(true)
    setDeadline(next)
  }

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!canSubmit) return
    const isStarted = await submit(
      () =>
        startSilence(negotiationId, {
          revisionId,
          deadline: `${deadline.date}T${deadline.time}`,
          timeZone: deadline.timeZone,
          note: note.trim(),
        }).then(() => ''),
      (caught) => silenceErrorText(caught, t),
    )
    // The banner appears through the live document, for everyone at once.
    if (isStarted) onClose()
  }

  return (
    <SilenceDialog
      title={t.silenceStartTitle}
      testId="silence-start-dialog"
      onClose={onClose}
      isWide
    >
      <p className="dialog-intro">{t.silenceStartIntro}</p>
      <form className="silence-form" onSubmit={(event) => void handleSubmit(event)}>
        <label className="field">
          <span>{t.silenceRevision}</span>
          <select
            data-testid="silence-revision"
            required
            value={revisionId}
            disabled={revisions === null}
            onChange={(event) => setRevisionId(event.target.value)}
          >
            {revisions === null && <option value="">{common.loadingList}</option>}
            {revisions?.map((revision) => (
              <option key={revision.id} value={revision.id}>
                {revision.symbol} — {revision.title}
              </option>
            ))}
          </select>
        </label>
        {revisions?.length === 0 && <p className="form-error">{t.silenceNoRevision}</p>}
        <DeadlineFields
          value={deadline}
          onChange={handleDeadlineChange}
          resolved={resolved}
          zones={zones}
          problem={isPast ? t.silenceErrors.invalid_deadline : null}
        />
        <div className="field">
          <label htmlFor={`${formId}-note`}>{t.silenceNote}</label>
          <textarea
            id={`${formId}-note`}
            aria-describedby={`${formId}-note-count`}
            data-testid="silence-note"
            required
            rows={5}
            maxLength={MAX_NOTE_LENGTH}
            placeholder={t.silenceNotePlaceholder}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <LengthCounter
            id={`${formId}-note-count`}
            length={note.length}
            max={MAX_NOTE_LENGTH}
            testId="silence-note-count"
          />
        </div>
        <SilenceActions
          error={failureOf(submission) ?? loadError}
          back={{ label: common.cancel, onClick: onClose }}
          main={{
            label: isSending ? t.silenceSending : t.silenceSubmit,
            testId: 'silence-submit',
            isDisabled: !canSubmit,
          }}
        />
      </form>
    </SilenceDialog>
  )
}
