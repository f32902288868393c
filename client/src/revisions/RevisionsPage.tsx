import type { NegotiationDetail } from '../../../shared/api.ts'
import { may } from '../auth/abilities.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useRevisionMessages } from './useRevisionMessages.ts'
import { ImportRevisionForm } from './ImportRevisionForm.tsx'
import { PublishRevisionForm } from './PublishRevisionForm.tsx'
import { RevisionTable } from './RevisionTable.tsx'
import { RoundsCard } from './RoundsCard.tsx'
import { useRounds } from './useRounds.ts'
import type { RevisionsState } from './useRevisions.ts'

interface RevisionsPageProps {
  negotiation: NegotiationDetail
  revisions: RevisionsState
  onChanged: () => void
}

/** The published revisions; for the co-facilitators, publishing and importing one. */
export function RevisionsPage({ negotiation, revisions, onChanged }: RevisionsPageProps) {
  const t = useRevisionMessages()
  const { t: common } = useI18n()
  const mayPublish = may(negotiation.policies, 'publish')
  const rounds = useRounds(negotiation.id)
  const symbols = revisions.status === 'ready' ? revisions.revisions.map((r) => r.symbol) : []

  return (
    <main className="revisions" data-testid="revisions-page">
      <section className="revisions-card" aria-labelledby="revisions-heading">
        <h1 id="revisions-heading">{t.revisionsTitle}</h1>
        {revisions.status === 'loading' && <p className="revisions-note">{common.loading}</p>}
        {revisions.status === 'error' && (
          <p className="form-error" role="alert">
            {t.revisionsLoadFailed(revisions.message)}
          </p>
        )}
        {revisions.status === 'ready' && (
          <RevisionTable negotiationId={negotiation.id} revisions={revisions.revisions} />
        )}
      </section>
      <RoundsCard
        negotiationId={negotiation.id}
        rounds={rounds.rounds}
        maySchedule={may(negotiation.policies, 'scheduleRounds')}
        onChanged={rounds.reload}
      />
      {mayPublish && (
        <div className="revisions-forms">
          <PublishRevisionForm
            negotiationId={negotiation.id}
            symbols={symbols}
            onPublished={onChanged}
          />
          <ImportRevisionForm negotiationId={negotiation.id} onImported={onChanged} />
        </div>
      )}
    </main>
  )
}
