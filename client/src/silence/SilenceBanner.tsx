import type { ReactNode } from 'react'
import type { Delegation } from '../../../shared/api.ts'
import type { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useSilenceMessages } from './useSilenceMessages.ts'
import { useFormatInstant, USER_TIME_ZONE } from './silenceText.ts'
import { deadlineZones, delegationName } from './silenceView.ts'

interface SilenceBannerProps {
  procedure: SilenceProcedure
  revisionSymbol: string
  /** Where the circulated revision opens, read-only; null while its id is not known. */
  revisionHref: string | null
  delegations: readonly Delegation[]
  /** The buttons the user may press: break, extend, cancel, history, start. */
  actions: ReactNode
  /** Below the outcome: the explanations of position after adoption. */
  children?: ReactNode
  onDismiss?: () => void
}

/**
 * The state of the silence procedure at the top of the room, for everyone: while it runs, the
 * deadline in New York time and in the user's own (the countdown is in SilenceBar, which stays in
 * view); then who broke silence and why, or the adoption, or the cancellation. The revision's chip
 * opens the circulated text.
 */
export function SilenceBanner(props: SilenceBannerProps) {
  const t = useSilenceMessages()
  const { t: common } = useI18n()
  const { procedure, revisionSymbol, revisionHref, actions, children, onDismiss } = props
  const isFrozen = procedure.status === 'running' || procedure.status === 'adopted'
  return (
    <section
      className={`silence-banner is-${procedure.status}`}
      data-testid="silence-banner"
      data-status={procedure.status}
      data-frozen={isFrozen}
      aria-labelledby={`silence-title-${procedure.id}`}
    >
      <div className="silence-banner-head">
        <h2 id={`silence-title-${procedure.id}`} className="silence-banner-title">
          {t.silenceStatusTitle[procedure.status]}
          {revisionHref && revisionSymbol ? (
            <a
              className="silence-revision"
              href={revisionHref}
              target="_blank"
              rel="noreferrer"
              title={t.silenceOpenCirculatedHint}
              data-testid="silence-revision-symbol"
            >
              {revisionSymbol}
            </a>
          ) : (
            <span className="silence-revision" data-testid="silence-revision-symbol">
              {revisionSymbol}
            </span>
          )}
        </h2>
        <div className="silence-banner-actions">
          {actions}
          {onDismiss && (
            <button
              type="button"
              className="silence-dismiss"
              aria-label={common.dismiss}
              data-testid="silence-dismiss"
              onClick={onDismiss}
            >
              ×
            </button>
          )}
        </div>
      </div>
      <Outcome {...props} />
      {children}
    </section>
  )
}

function Outcome({ procedure, delegations }: SilenceBannerProps) {
  const t = useSilenceMessages()
  const { language } = useI18n()
  const format = useFormatInstant()
  const endedAt = procedure.endedAt ?? procedure.deadline
  switch (procedure.status) {
    case 'running':
      return <Running procedure={procedure} />
    case 'broken': {
      // A broken procedure always names who broke it (shared/silence/silenceMachine.ts).
      const brokenBy = procedure.brokenBy
      if (!brokenBy) return null
      const delegation = delegationName(brokenBy.delegation, delegations, language)
      return (
        <div className="silence-banner-body" data-testid="silence-broken-by">
          <p className="silence-lead">
            {t.silenceBrokenBy(delegation, brokenBy.name, format(endedAt))}
          </p>
          <figure className="silence-statement-figure">
            <figcaption>{t.silenceStatementOf(delegation)}</figcaption>
            <blockquote className="silence-statement" data-testid="silence-broken-statement">
              {brokenBy.statement}
            </blockquote>
          </figure>
          <p className="silence-resumed">{t.silenceResumed}</p>
        </div>
      )
    }
    case 'adopted':
      return (
        <div className="silence-banner-body" data-testid="silence-adopted">
          <p className="silence-lead">
            {t.silenceAdoptedAt(format(procedure.deadline, procedure.timeZone))}{' '}
            <strong>{t.silenceLocked}</strong>
          </p>
        </div>
      )
    case 'cancelled':
      return (
        <div className="silence-banner-body" data-testid="silence-cancelled-by">
          <p className="silence-lead">
            {t.silenceCancelledBy(procedure.cancelledBy?.name ?? '', format(endedAt))}
          </p>
        </div>
      )
  }
}

function Running({ procedure }: { procedure: SilenceProcedure }) {
  const t = useSilenceMessages()
  const format = useFormatInstant()
  const [first, ...others] = deadlineZones(procedure.timeZone, USER_TIME_ZONE)
  const lastExtension = procedure.extensions.at(-1)
  return (
    <div className="silence-banner-body">
      <div className="silence-running-grid">
        <div>
          <div className="silence-label">{t.silenceDeadline}</div>
          <ul className="silence-deadlines" data-testid="silence-deadline">
            <li className="silence-deadline-main">{format(procedure.deadline, first)}</li>
            {others.map((zone) => (
              <li key={zone}>
                {t.silenceDeadlineAlso} {format(procedure.deadline, zone)}
                {zone === USER_TIME_ZONE && (
                  <span className="silence-your-time"> — {t.silenceYourTime}</span>
                )}
              </li>
            ))}
          </ul>
          {lastExtension && (
            <p className="silence-muted" data-testid="silence-extended">
              {t.silenceExtendedFrom(format(lastExtension.from, procedure.timeZone))}
            </p>
          )}
        </div>
      </div>
      <p className="silence-frozen">{t.silenceFrozen}</p>
      {procedure.note && (
        <figure className="silence-note">
          <figcaption>{t.silenceCoverNote}</figcaption>
          <div className="silence-note-text" data-testid="silence-cover-note">
            {procedure.note}
          </div>
        </figure>
      )}
      <p className="silence-muted">
        {t.silenceStartedBy(procedure.startedBy.name, format(procedure.startedAt))}
      </p>
    </div>
  )
}
