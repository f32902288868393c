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
import { may, mayWriteText } from '../auth/abilities.ts'
import { presenceOf } from '../auth/presence.ts'
import { colorsOf } from '../../../shared/presence.ts'
import { useAccessGuard } from '../auth/useAccessGuard.ts'
import { OpenRevisionsLink } from '../revisions/OpenRevisionsLink.tsx'
import { SilenceArea } from '../silence/SilenceArea.tsx'
import { CirculatedSwitch } from '../silence/CirculatedSwitch.tsx'
import { useCirculatedText } from '../silence/useCirculatedText.ts'
import { useSilence } from '../silence/useSilence.ts'
import { useSilenceMessages } from '../silence/useSilenceMessages.ts'
import { ProposalColors } from '../proposals/ProposalColors.tsx'
import { WordDoor } from '../amendments/WordDoor.tsx'
import { ProposalsPanel } from '../proposals/ProposalsPanel.tsx'
import { proposalRightsOf, withoutTextChanges } from '../proposals/proposer.ts'
import { objectiveNumbers, openCountsByObjective, useProposals } from '../proposals/useProposals.ts'
import { goToProposal } from '../proposals/goToProposal.ts'
import { ChangeCard } from '../proposals/ChangeCard.tsx'
import { goToBlock } from '../outline/goToBlock.ts'
import { numberingKey } from '../numbering/numberingPlugin.ts'
import { ActivityButton } from '../activity/ActivityButton.tsx'
import { ActivityNewsBanner } from '../activity/ActivityNewsBanner.tsx'
import { ActivityPanel } from '../activity/ActivityPanel.tsx'
import { useActivityNews } from '../activity/useActivityNews.ts'
import { BlockHistoryPanel } from '../history/BlockHistoryPanel.tsx'
import { HistoryButton } from '../history/HistoryButton.tsx'
import { AdRefButton } from '../adRef/AdRefButton.tsx'
import { AlternativeBoxes } from '../alternatives/AlternativeBoxes.tsx'
import { ProposeAlternativeButton } from '../alternatives/ProposeAlternativeButton.tsx'
import { useBlockAtCaret, type BlockAtCaret } from '../history/useBlockAtCaret.ts'
import { DelegationsContext } from '../proposals/delegationNames.ts'
import { DrawerToggles } from './DrawerToggles.tsx'
import { useDrawer } from './useDrawer.ts'

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
  const silenceWords = useSilenceMessages()
  const status = useConnectionStatus(session)
  const { connection, closedBy } = status
  const saved = useSavedState(session, connection)
  const { toasts, dismiss } = useNotices(session)
  const { policies, reload: reloadPolicies } = usePolicies(negotiation)
  useAccessGuard(session, status, reloadPolicies)
  const isReadOnly = !mayWriteText(policies)
  // Under silence, or once adopted, the server refuses every change: the editor stays read-only.
  const { isFrozen, current: procedure } = useSilence(session)
  // During a procedure the room shows the circulated revision unless the user asks for the live
  // draft (frozen meanwhile).
  const circulatedId = procedure?.status === 'running' ? procedure.revisionId : null
  const circulated = useCirculatedText(negotiation.id, circulatedId, negotiation.language)
  const [isShowingLive, setIsShowingLive] = useState(false)
  const isShowingCirculated = circulatedId !== null && !isShowingLive
  // Stable between renders, so that the proposals panel's items redraw only when they change.
  const rights = useMemo(() => proposalRightsOf(policies, me.user), [policies, me.user])
  const cardRights = useMemo(
    () => (isFrozen ? withoutTextChanges(rights) : rights),
    [isFrozen, rights],
  )
  const delegationColors = useMemo(() => colorsOf(negotiation.delegations), [negotiation])
  const delegations = useMemo(
    () =>
      new Map([...negotiation.delegations, ...negotiation.coFacilitators].map((d) => [d.code, d])),
    [negotiation],
  )
  const { editor, isLoaded } = useDraftEditor({
    session,
    user: presenceOf(me.user, policies.role, delegationColors),
    isReadOnly: isReadOnly || isFrozen,
    textLanguage: negotiation.language,
    proposer: rights.proposer,
    mayEditDirectly: rights.mayEditDirectly,
  })
  const proposals = useProposals(session.doc, editor)
  const drawer = useDrawer()
  const openCounts = openCountsByObjective(proposals)
  const openProposals = [...openCounts.values()].reduce((sum, count) => sum + count, 0)
  const news = useActivityNews(negotiation.id, session.doc)
  const [overlay, setOverlay] = useState<
    { kind: 'activity' } | ({ kind: 'history' } & BlockAtCaret) | null
  >(null)
  const isActivityOpen = overlay?.kind === 'activity'
  const caretBlock = useBlockAtCaret(editor)
  // An open history follows the caret to the paragraph the user moves to.
  const historyUid = overlay?.kind === 'history' ? overlay.uid : null
  useEffect(() => {
    if (historyUid && caretBlock && caretBlock.uid !== historyUid) {
      setOverlay({ kind: 'history', ...caretBlock })
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

  const handleGoToBlock = (uid: string) => {
    const isInText = numberingKey
      .getState(editor.state)
      ?.blocks.some((block) => block.node.attrs.uid === uid)
    if (!isInText) return false
    goToBlock(editor, uid, 0)
    return true
  }

  useEffect(() => {
    document.title = `${negotiation.title} · ${t.appName}`
  }, [negotiation.title, t.appName])

  return (
    <DelegationsContext.Provider value={delegations}>
      <div className="app">
        <a className="skip-link" href="#draft-page">
          {t.skipToText}
        </a>
        <Header
          title={negotiation.title}
          user={me.user}
          role={policies.role}
          status={{ connection, saved }}
          isReadOnly={isReadOnly}
          delegationColors={delegationColors}
          actions={
            <>
              {may(policies, 'agreeAdRef') && !isFrozen && (
                <AdRefButton negotiationId={negotiation.id} block={caretBlock} />
              )}
              {rights.proposer !== null && !rights.mayEditDirectly && !isFrozen && (
                <ProposeAlternativeButton
                  editor={editor}
                  negotiationId={negotiation.id}
                  block={caretBlock}
                />
              )}
              <HistoryButton
                block={caretBlock}
                isOpen={overlay?.kind === 'history'}
                onToggle={() =>
                  setOverlay(
                    overlay?.kind !== 'history' && caretBlock
                      ? { kind: 'history', ...caretBlock }
                      : null,
                  )
                }
              />
              <ActivityButton
                unread={news.summary?.unread ?? 0}
                isOpen={isActivityOpen}
                onToggle={() => setOverlay(isActivityOpen ? null : { kind: 'activity' })}
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
            onOpen={() => setOverlay({ kind: 'activity' })}
            onDismiss={() => setIsNewsDismissed(true)}
          />
        )}
        <ProposalColors delegations={[...negotiation.delegations, ...negotiation.coFacilitators]} />
        <main className="workspace has-proposals" data-drawer={drawer.open ?? undefined}>
          <aside
            id="workspace-outline"
            ref={drawer.outlineRef}
            className="workspace-side"
            aria-label={t.outlineTitle}
            // A jump from the outline lands in the text: the drawer has done its job.
            onClick={(event) => {
              if ((event.target as HTMLElement).closest('.outline button')) drawer.close()
            }}
          >
            <WordDoor negotiation={negotiation} me={me} policies={policies} />
            {isShowingCirculated ? (
              <Outline
                editor={circulated.editor}
                isLoaded={circulated.isLoaded}
                openCounts={new Map()}
              />
            ) : (
              <Outline editor={editor} isLoaded={isLoaded} openCounts={openCounts} />
            )}
          </aside>
          <div className="workspace-page">
            <div className="toolbar-band">
              <DrawerToggles
                open={drawer.open}
                onToggle={drawer.toggle}
                openProposals={openProposals}
              >
                <OpenRevisionsLink negotiationId={negotiation.id} />
                {circulatedId && circulated.symbol && (
                  <CirculatedSwitch
                    symbol={circulated.symbol}
                    isShowingLive={isShowingLive}
                    onShowLive={setIsShowingLive}
                  />
                )}
              </DrawerToggles>
              {!isReadOnly && !isFrozen && <Toolbar editor={editor} />}
            </div>
            {isShowingCirculated ? (
              <DraftPage
                editor={circulated.editor}
                title={negotiation.title}
                isLoaded={circulated.isLoaded}
                note={silenceWords.circulatedTextNote}
              />
            ) : (
              <>
                <DraftPage editor={editor} title={negotiation.title} isLoaded={isLoaded} />
                <ChangeCard
                  editor={editor}
                  views={proposals}
                  rights={cardRights}
                  negotiationId={negotiation.id}
                  onGoTo={handleGoToProposal}
                />
                <AlternativeBoxes
                  editor={editor}
                  views={proposals}
                  rights={cardRights}
                  negotiationId={negotiation.id}
                />
              </>
            )}
          </div>
          <div className="drawer-backdrop" aria-hidden="true" onClick={drawer.close} />
          <aside
            id="workspace-proposals"
            ref={drawer.proposalsRef}
            className="workspace-proposals"
            aria-label={t.showProposals}
          >
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
            onGoToBlock={handleGoToBlock}
            onClose={() => setOverlay(null)}
          />
        )}
        {overlay?.kind === 'history' && (
          <BlockHistoryPanel
            negotiationId={negotiation.id}
            uid={overlay.uid}
            label={overlay.label}
            changes={news.changes}
            onClose={() => setOverlay(null)}
          />
        )}
        <Toasts toasts={toasts} onDismiss={dismiss} />
      </div>
    </DelegationsContext.Provider>
  )
}
