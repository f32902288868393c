import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Editor } from '@tiptap/react'
import { useFocusKeeper } from '../focus/useFocusKeeper.ts'
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../../shared/draft/index.ts'
import { CompilationLinks } from './CompilationLinks.tsx'
import { useProposalAtCaret } from './useProposalAtCaret.ts'
import { goToProposal } from './goToProposal.ts'
import type { BulkPreview } from '../../../shared/proposals.ts'
import { failureOf, useSubmission, wordFailure } from '../api/useSubmission.ts'
import { decideProposals, previewDecision, type BulkFilter } from '../api/proposals.ts'
import { ProposalItem } from './ProposalItem.tsx'
import { proposerName } from './proposerName.ts'
import type { ProposalMessages } from './messages.ts'
import { useDelegationName } from './delegationNames.ts'
import { withoutTextChanges, type ProposalRights } from './proposer.ts'
import type { ProposalView } from './useProposals.ts'
import { useProposalMessages } from './useProposalMessages.ts'
import './proposals.css'

interface ProposalsPanelProps {
  views: readonly ProposalView[]
  rights: ProposalRights
  negotiationId: string
  editor: Editor
  /** Under silence, or adopted: the text does not change, so nothing is decided or withdrawn. */
  isFrozen?: boolean
}

type ObjectiveFilter = 'all' | 'none' | number
type StatusFilter = 'all' | ProposalStatus

const OUTSIDE = 'none'

/** Whether a view passes the three filters. */
function matches(
  view: ProposalView,
  objective: ObjectiveFilter,
  delegation: string,
  status: StatusFilter,
): boolean {
  const isInObjective =
    objective === 'all' ||
    (objective === OUTSIDE ? view.objective === null : view.objective === objective)
  return (
    isInObjective &&
    (delegation === 'all' || view.record.delegation === delegation) &&
    (status === 'all' || view.record.status === status)
  )
}

/**
 * What a bulk decision will touch, said before it runs, as the server counted it: how many
 * open proposals of each delegation, and in each objective ("FRA 3, MAR 2 · objective 7: 4,
 * objective 9: 1").
 */
function bulkDetail(preview: BulkPreview, t: ProposalMessages): string {
  const delegations = preview.byDelegation
    .map(({ delegation, count }) => `${proposerName(delegation, t)} ${count}`)
    .join(', ')
  const objectives = preview.byObjective
    .map(({ objective, count }) =>
      objective === null ? t.outsideCount(count) : t.objectiveCount(objective, count),
    )
    .join(', ')
  return `(${delegations} · ${objectives})`
}

/**
 * The proposals beside the text (DESIGN.md section 3): every one, grouped by objective, with
 * filters by objective, delegation and status; a click goes to it in the text; the actions and
 * the bulk decision are shown only when the user's policies allow them.
 */
export function ProposalsPanel({
  views,
  rights: allRights,
  negotiationId,
  editor,
  isFrozen = false,
}: ProposalsPanelProps) {
  const t = useProposalMessages()
  const delegationName = useDelegationName()
  const rights = useMemo(
    () => (isFrozen ? withoutTextChanges(allRights) : allRights),
    [isFrozen, allRights],
  )
  // The items redraw only when their proposal changes, not when text before it moves it: a
  // click goes to where the proposal is now.
  const latestViews = useRef(views)
  useLayoutEffect(() => {
    latestViews.current = views
  }, [views])
  const goTo = useCallback(
    (proposalId: string) => {
      const view = latestViews.current.find((candidate) => candidate.record.id === proposalId)
      if (view?.change) goToProposal(editor, view.change.pos)
    },
    [editor],
  )
  // The change the caret is in selects its card; a card's click puts the caret in its change.
  const atCaret = useProposalAtCaret(editor)
  const [objective, setObjective] = useState<ObjectiveFilter>('all')
  const [delegation, setDelegation] = useState('all')
  const panelRef = useRef<HTMLElement>(null)
  useFocusKeeper(panelRef, { item: '[data-testid="proposal-item"]', heading: '.proposals-title' })
  const [status, setStatus] = useState<StatusFilter>('open')
  const [confirming, setConfirming] = useState<{
    decision: 'accept' | 'reject'
    preview: BulkPreview
  } | null>(null)
  const bulk = useSubmission()
  const bulkError = failureOf(bulk.submission)
  // A preview counts what the filters chose when it was asked: new filters, new question.
  useEffect(() => setConfirming(null), [objective, delegation, status])

  // An open proposal whose author has removed all its text is no change any more.
  const listed = useMemo(
    () => views.filter((view) => view.isInText || view.record.status !== 'open'),
    [views],
  )
  const objectives = useMemo(
    () =>
      [...new Set(listed.map((view) => view.objective))]
        .filter((n): n is number => n !== null)
        .sort((a, b) => a - b),
    [listed],
  )
  const hasOutside = listed.some((view) => view.objective === null)
  const delegations = useMemo(
    () => [...new Set(listed.map((view) => view.record.delegation))].sort(),
    [listed],
  )
  const visible = listed.filter((view) => matches(view, objective, delegation, status))
  const groups = new Map<number | null, ProposalView[]>()
  for (const view of visible) {
    const group = groups.get(view.objective) ?? []
    group.push(view)
    groups.set(view.objective, group)
  }
  const openCount = visible.filter((view) => view.record.status === 'open').length
  const mayDecideAll =
    rights.may('decide') && objective !== OUTSIDE && (status === 'open' || status === 'all')

  const bulkFilter = (decision: 'accept' | 'reject'): BulkFilter => ({
    decision,
    ...(delegation !== 'all' ? { delegation } : {}),
    ...(typeof objective === 'number' ? { objective } : {}),
  })
  // The server says what the decision would take before the co-facilitator confirms it.
  const askToDecideAll = (decision: 'accept' | 'reject') =>
    bulk.submit(async () => {
      const preview = await previewDecision(negotiationId, bulkFilter(decision))
      setConfirming({ decision, preview })
      return ''
    }, wordFailure(t.actionFailed))
  const decideAll = (decision: 'accept' | 'reject') => {
    setConfirming(null)
    return bulk.submit(async () => {
      await decideProposals(negotiationId, bulkFilter(decision))
      return ''
    }, wordFailure(t.actionFailed))
  }

  return (
    <section
      ref={panelRef}
      className="proposals-panel"
      data-testid="proposals-panel"
      aria-label={t.panelLabel}
    >
      <header className="proposals-header">
        <h2 className="proposals-title">{t.panelTitle}</h2>
        <span className="proposals-count" data-testid="proposals-count">
          {t.count(visible.length)}
        </span>
      </header>
      <div className="proposals-filters">
        <label className="proposals-filter">
          <span>{t.filterObjective}</span>
          <select
            data-testid="filter-objective"
            value={String(objective)}
            onChange={(event) => {
              const value = event.target.value
              setObjective(value === 'all' || value === OUTSIDE ? value : Number(value))
            }}
          >
            <option value="all">{t.allObjectives}</option>
            {objectives.map((n) => (
              <option key={n} value={n}>
                {t.objective(n)}
              </option>
            ))}
            {hasOutside && <option value={OUTSIDE}>{t.outsideObjectives}</option>}
          </select>
        </label>
        <label className="proposals-filter">
          <span>{t.filterDelegation}</span>
          <select
            data-testid="filter-delegation"
            value={delegation}
            onChange={(event) => setDelegation(event.target.value)}
          >
            <option value="all">{t.allDelegations}</option>
            {delegations.map((code) => (
              <option key={code} value={code}>
                {delegationName(code)}
              </option>
            ))}
          </select>
        </label>
        <label className="proposals-filter">
          <span>{t.filterStatus}</span>
          <select
            data-testid="filter-status"
            value={status}
            onChange={(event) => {
              const value = event.target.value
              setStatus(PROPOSAL_STATUSES.find((s) => s === value) ?? 'all')
            }}
          >
            <option value="all">{t.allStatuses}</option>
            {PROPOSAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.status[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <CompilationLinks
        negotiationId={negotiationId}
        objective={typeof objective === 'number' ? objective : null}
        delegation={delegation === 'all' ? null : delegation}
        status={status === 'all' ? null : status}
      />
      {mayDecideAll && openCount > 0 && (
        <div className="proposals-bulk">
          {confirming ? (
            <>
              <span className="proposals-bulk-question">
                {t.confirmAll(confirming.decision, confirming.preview.total)}{' '}
                <span className="proposals-bulk-detail" data-testid="bulk-detail">
                  {bulkDetail(confirming.preview, t)}
                </span>
              </span>
              <button
                type="button"
                className="proposal-action proposal-accept"
                data-testid="bulk-confirm"
                disabled={confirming.preview.total === 0}
                onClick={() => void decideAll(confirming.decision)}
              >
                {t.confirm}
              </button>
              <button type="button" className="proposal-action" onClick={() => setConfirming(null)}>
                {t.cancel}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="proposal-action proposal-accept"
                data-testid="bulk-accept"
                onClick={() => void askToDecideAll('accept')}
              >
                {t.acceptAll}
              </button>
              <button
                type="button"
                className="proposal-action proposal-reject"
                data-testid="bulk-reject"
                onClick={() => void askToDecideAll('reject')}
              >
                {t.rejectAll}
              </button>
            </>
          )}
          {bulkError && (
            <p className="proposal-error" role="alert">
              {bulkError}
            </p>
          )}
        </div>
      )}
      {visible.length === 0 && <p className="proposals-empty">{t.empty}</p>}
      {[...groups]
        .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
        .map(([n, group]) => (
          <section
            key={n ?? OUTSIDE}
            className="proposals-group"
            data-testid={`proposals-group-${n ?? OUTSIDE}`}
          >
            <h3 className="proposals-group-title">
              {n === null ? t.outsideObjectives : t.objective(n)}
            </h3>
            <ol className="proposals-list">
              {group.map((view) => (
                <ProposalItem
                  key={view.record.id}
                  view={view}
                  rights={rights}
                  negotiationId={negotiationId}
                  onGoTo={goTo}
                  isSelected={view.record.id === atCaret}
                />
              ))}
            </ol>
          </section>
        ))}
    </section>
  )
}
