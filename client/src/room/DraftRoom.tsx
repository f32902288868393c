import { useCallback, useEffect, useMemo, useState } from 'react'
import type { NegotiationDetail } from '../../../shared/api.ts'
import type { Me } from '../../../shared/accountsApi.ts'
import type { CollabSession } from '../collab/CollabSession.ts'
import { useCollabSession, useConnectionStatus } from '../collab/useCollabSession.ts'
import { useSavedState } from '../collab/useSavedState.ts'
import { useNotices } from '../collab/useNotices.ts'
import { useDraftEditor } from '../editor/useDraftEditor.ts'
import { DraftPage } from '../editor/DraftPage.tsx'
import { Toolbar } from '../editor/Toolbar.tsx'
import { Outline } from '../outline/Outline.tsx'
import { Header } from '../header/Header.tsx'
import { ConnectionBanner } from '../feedback/ConnectionBanner.tsx'
import { Toasts } from '../feedback/Toasts.tsx'
import { useI18n } from '../i18n/I18nContext.ts'
import { usePolicies } from '../api/usePolicies.ts'
import { mayWriteText } from '../auth/abilities.ts'
import { presenceOf } from '../auth/presence.ts'
import { useAccessGuard } from '../auth/useAccessGuard.ts'
import { OpenRevisionsLink } from '../revisions/OpenRevisionsLink.tsx'
import { SilenceArea } from '../silence/SilenceArea.tsx'
import { useSilence } from '../silence/useSilence.ts'
import { ProposalColors } from '../proposals/ProposalColors.tsx'
import { ProposalsPanel } from '../proposals/ProposalsPanel.tsx'
import { proposalRightsOf } from '../proposals/proposer.ts'
import { objectiveNumbers, openCountsByObjective, useProposals } from '../proposals/useProposals.ts'
import { goToProposal } from '../proposals/goToProposal.ts'
import { ActivityButton } from '../activity/ActivityButton.tsx'
import { ActivityNewsBanner } from '../activity/ActivityNewsBanner.tsx'
import { ActivityPanel } from '../activity/ActivityPanel.tsx'
import { useActivityNews } from '../activity/useActivityNews.ts'
import { BlockHistoryPanel } from '../history/BlockHistoryPanel.tsx'
import { HistoryButton } from '../history/HistoryButton.tsx'
import { useBlockAtCaret, type BlockAtCaret } from '../history/useBlockAtCaret.ts'

interface DraftRoomProps {
  negotiation: NegotiationDetail
  me: Me
  isOfflineCopy: boolean
}

/** The negotiation room: header, outline, toolbar and the live draft. */
export function DraftRoom(props: DraftRoomProps) {
  const session = useCollabSession(props.negotiation.roomName)
  const { t } = useI18n()
  if (!session) return <p className="app-message">{t.loading}</p>
  return <OpenRoom key={session.roomName} session={session} {...props} />
}

function OpenRoom({
  session,
  negotiation,
  me,
  isOfflineCopy,
}: DraftRoomProps & { session: CollabSession }) {
  const { t } = useI18n()
  const status = useConnectionStatus(session)
  const { connection, closedBy } = status
  const saved = useSavedState(session, connection)
  const { toasts, dismiss } = useNotices(session)
  const { policies, reload: reloadPolicies } = usePolicies(negotiation)
  useAccessGuard(session, status, reloadPolicies)
  const isReadOnly = !mayWriteText(policies)
  // Under silence, or once adopted, the server refuses every change: the editor stays read-only.
  const { isFrozen } = useSilence(session)
  // Stable between renders, so that the proposals panel's items redraw only when they change.
  const rights = useMemo(() => proposalRightsOf(policies, me.user), [policies, me.user])
  const { editor, isLoaded } = useDraftEditor({
    session,
    user: presenceOf(me.user, policies.role),
    isReadOnly: isReadOnly || isFrozen,
    textLanguage: negotiation.language,
    proposer: rights.proposer,
    mayEditDirectly: rights.mayEditDirectly,
  })
  const proposals = useProposals(session.doc, editor)
  const news = useActivityNews(negotiation.id, session.doc)
  const [drawer, setDrawer] = useState<
    { kind: 'activity' } | ({ kind: 'history' } & BlockAtCaret) | null
  >(null)
  const isActivityOpen = drawer?.kind === 'activity'
  const caretBlock = useBlockAtCaret(editor)
  // An open history follows the caret to the paragraph the user moves to.
  const historyUid = drawer?.kind === 'history' ? drawer.uid : null
  useEffect(() => {
    if (historyUid && caretBlock && caretBlock.uid !== historyUid) {
      setDrawer({ kind: 'history', ...caretBlock })
    }
  }, [historyUid, caretBlock])
  const [isNewsDismissed, setIsNewsDismissed] = useState(false)
  const { markSeen } = news
  const handleSeen = useCallback((upTo: number) => void markSeen(upTo), [markSeen])
  const handleGoToProposal = (proposalId: string) => {
    const view = proposals.find((v) => v.record.id === proposalId)
    if (!view?.isInText || !view.change) return false
    goToProposal(editor, view.change.pos)
    return true
  }

  useEffect(() => {
    document.title = `${negotiation.title} · ${t.appName}`
  }, [negotiation.title, t.appName])

  return (
    <div className="app">
      <Header
        title={negotiation.title}
        user={me.user}
        role={policies.role}
        status={{ connection, saved }}
        isReadOnly={isReadOnly}
        actions={
          <>
            <HistoryButton
              block={caretBlock}
              isOpen={drawer?.kind === 'history'}
              onToggle={() =>
                setDrawer(
                  drawer?.kind !== 'history' && caretBlock
                    ? { kind: 'history', ...caretBlock }
                    : null,
                )
              }
            />
            <ActivityButton
              unread={news.summary?.unread ?? 0}
              isOpen={isActivityOpen}
              onToggle={() => setDrawer(isActivityOpen ? null : { kind: 'activity' })}
            />
          </>
        }
      />
      {closedBy && <ConnectionBanner closedBy={closedBy} onRetry={() => session.retry()} />}
      {isOfflineCopy && !closedBy && connection !== 'connected' && (
        <div className="banner banner-warning" role="status">
          {t.offlineCopy}
        </div>
      )}
      <SilenceArea session={session} negotiation={negotiation} policies={policies} me={me} />
      {news.summary && !isNewsDismissed && !isActivityOpen && (
        <ActivityNewsBanner
          summary={news.summary}
          onOpen={() => setDrawer({ kind: 'activity' })}
          onDismiss={() => setIsNewsDismissed(true)}
        />
      )}
      <ProposalColors delegations={[...negotiation.delegations, ...negotiation.coFacilitators]} />
      <main className="workspace has-proposals">
        <aside className="workspace-side">
          <OpenRevisionsLink negotiationId={negotiation.id} />
          <Outline
            editor={editor}
            isLoaded={isLoaded}
            openCounts={openCountsByObjective(proposals)}
          />
        </aside>
        <div className="workspace-page">
          {!isReadOnly && !isFrozen && <Toolbar editor={editor} />}
          <DraftPage editor={editor} title={negotiation.title} isLoaded={isLoaded} />
        </div>
        <aside className="workspace-proposals">
          <ProposalsPanel
            views={proposals}
            rights={rights}
            negotiationId={negotiation.id}
            editor={editor}
            isFrozen={isFrozen}
          />
        </aside>
      </main>
      {isActivityOpen && (
        <ActivityPanel
          negotiationId={negotiation.id}
          delegations={[...negotiation.coFacilitators, ...negotiation.delegations]}
          objectives={[...objectiveNumbers(editor)].map(([uid, number]) => ({ uid, number }))}
          changes={news.changes}
          onSeen={handleSeen}
          onGoToProposal={handleGoToProposal}
          onClose={() => setDrawer(null)}
        />
      )}
      {drawer?.kind === 'history' && (
        <BlockHistoryPanel
          negotiationId={negotiation.id}
          uid={drawer.uid}
          label={drawer.label}
          changes={news.changes}
          onClose={() => setDrawer(null)}
        />
      )}
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </div>
  )
}
