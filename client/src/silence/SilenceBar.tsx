import type { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useSilenceMessages } from './useSilenceMessages.ts'
import { Countdown } from './Countdown.tsx'
import { formatDeadline } from '../../../shared/silence/deadline.ts'

interface SilenceBarProps {
  procedure: SilenceProcedure
  revisionSymbol: string
  /** Where the circulated revision opens, read-only; null while its id is not known. */
  revisionHref: string | null
  /** The server's clock, as estimated (useServerClock). */
  now: () => Date
}

/**
 * While a procedure runs, one line under the header that stays in view however far the delegate
 * scrolls: the deadline in the procedure's own time zone (named), the live countdown, and the way
 * to the text that was circulated, since the room's draft is not what is under silence.
 */
export function SilenceBar({ procedure, revisionSymbol, revisionHref, now }: SilenceBarProps) {
  const t = useSilenceMessages()
  const { language } = useI18n()
  const deadline = formatDeadline(new Date(procedure.deadline), procedure.timeZone, language, {
    isShort: true,
  })
  return (
    <div
      className="silence-bar"
      role="region"
      aria-label={t.silenceBarLabel}
      data-testid="silence-bar"
    >
      <strong className="silence-bar-title">{t.silenceBarTitle}</strong>
      <span className="silence-bar-deadline" data-testid="silence-bar-deadline">
        {t.silenceBarDeadline(deadline)}
      </span>
      <Countdown deadline={procedure.deadline} now={now} />
      {revisionHref && revisionSymbol && (
        <a
          className="silence-bar-open"
          href={revisionHref}
          target="_blank"
          rel="noreferrer"
          title={t.silenceOpenCirculatedHint}
          data-testid="silence-open-circulated"
        >
          {t.silenceOpenCirculated(revisionSymbol)}
        </a>
      )}
    </div>
  )
}
