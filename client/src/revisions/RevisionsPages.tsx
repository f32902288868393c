import { colorsOf } from '../../../shared/presence.ts'
import { useEffect, useState } from 'react'
import type { Me } from '../../../shared/accountsApi.ts'
import { ComparisonPage } from '../compare/ComparisonPage.tsx'
import { Header } from '../header/Header.tsx'
import { useI18n } from '../i18n/I18nContext.ts'
import { useRevisionMessages } from './useRevisionMessages.ts'
import { AppLink } from './AppLink.tsx'
import { comparePath, draftPath, revisionsPath, type RevisionsRoute } from '../routes.ts'
import { RevisionsPage } from './RevisionsPage.tsx'
import { useNegotiationDetail } from './useNegotiationDetail.ts'
import { useRevisions } from './useRevisions.ts'
import './revisions.css'
import '../compare/compare.css'

/** A negotiation's revisions and comparison pages, with the way back to the room. */
export function RevisionsPages({ me, route }: { me: Me; route: RevisionsRoute }) {
  const t = useRevisionMessages()
  const { t: common } = useI18n()
  const [attempt, setAttempt] = useState(0)
  const state = useNegotiationDetail(route.negotiationId, attempt)
  const revisions = useRevisions(route.negotiationId)
  const negotiation = state.status === 'ready' ? state.negotiation : null

  useEffect(() => {
    const page = route.view === 'compare' ? t.compareTitle : t.revisionsTitle
    document.title = `${page} · ${negotiation?.title ?? ''} · ${common.appName}`
  }, [route.view, negotiation?.title, t, common.appName])

  return (
    <div className="app">
      <Header
        title={negotiation?.title ?? ''}
        user={me.user}
        role={negotiation?.policies.role ?? null}
        delegationColors={colorsOf(negotiation?.delegations ?? [])}
      />
      <nav className="revisions-nav" aria-label={t.openRevisions}>
        <AppLink
          className="revisions-back"
          href={draftPath(route.negotiationId)}
          data-testid="back-to-draft"
        >
          {t.backToDraft}
        </AppLink>
        <div className="revisions-tabs">
          <AppLink
            className="revisions-tab"
            href={revisionsPath(route.negotiationId)}
            aria-current={route.view === 'revisions' ? 'page' : undefined}
            data-testid="tab-revisions"
          >
            {t.revisionsTab}
          </AppLink>
          <AppLink
            className="revisions-tab"
            href={comparePath(route.negotiationId)}
            aria-current={route.view === 'compare' ? 'page' : undefined}
            data-testid="tab-compare"
          >
            {t.compareTab}
          </AppLink>
        </div>
      </nav>
      {state.status === 'loading' && <p className="app-message">{common.loading}</p>}
      {state.status === 'error' && (
        <div className="app-message" role="alert">
          <p>{common.loadFailed(state.message)}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {common.retry}
          </button>
        </div>
      )}
      {negotiation &&
        (route.view === 'revisions' ? (
          <RevisionsPage
            negotiation={negotiation}
            revisions={revisions.state}
            onChanged={revisions.reload}
          />
        ) : (
          <ComparisonPage negotiation={negotiation} revisions={revisions.state} />
        ))}
    </div>
  )
}
