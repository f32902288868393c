import { useEffect, useId, useRef, useState } from 'react'
import type { ActivityItem, ActivityPage } from '../../../shared/activity.ts'
import type { Delegation } from '../../../shared/api.ts'
import { fetchActivity, type ActivityFilter } from '../api/activity.ts'
import { useRequest } from '../api/useRequest.ts'
import { formatDateTime } from '../i18n/formatDate.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import type { Language } from '../i18n/messages.ts'
import type { ActivityMessages } from './messages.ts'
import { useActivityMessages } from './useActivityMessages.ts'
import './activity.css'
import { delegationNameIn } from '../i18n/delegationName.ts'

export interface ActivityPanelProps {
  negotiationId: string
  delegations: readonly Delegation[]
  /** The objectives in the order of the text, with their current numbers. */
  objectives: readonly { uid: string; number: number }[]
  /** Bumped when the room changes: the first page is read again. */
  changes: number
  onSeen: (upTo: number) => void
  /** Moves to a proposal in the text; false if it is no longer there. */
  onGoToProposal: (proposalId: string) => boolean
  /** Moves to a block of the text (a paragraph whose status changed); false if it is gone. */
  onGoToBlock: (uid: string) => boolean
  onClose: () => void
}

type Loaded = { items: ActivityItem[]; nextBefore: number | null; seenUpTo: number }
type Older = { after: ActivityPage; items: ActivityItem[]; nextBefore: number | null }

/**
 * The negotiation's activity, newest first, as a drawer beside the text: filtered by
 * delegation and objective, paged on demand; what is new since the user's last look is marked,
 * and opening the unfiltered feed marks it seen.
 */
export function ActivityPanel(props: ActivityPanelProps) {
  const { negotiationId, changes, onSeen, onClose } = props
  const t = useActivityMessages()
  const { language } = useI18n()
  const [filter, setFilter] = useState<ActivityFilter>({ delegation: null, objectiveUid: null })
  const [older, setOlder] = useState<Older | null>(null)
  const [olderError, setOlderError] = useState<string | null>(null)
  const [isLoadingMore, setIsLoadingMore] = useState(false)
  const titleId = useId()
  const closeRef = useRef<HTMLButtonElement>(null)

  useEffect(() => closeRef.current?.focus(), [])

  const first = useRequest(
    JSON.stringify([negotiationId, filter]),
    async () => {
      const page = await fetchActivity(negotiationId, filter, null)
      const newest = page.items[0]?.id
      if (!filter.delegation && !filter.objectiveUid && newest) onSeen(newest)
      return page
    },
    changes,
  )
  const firstPage = first.status === 'ready' ? first.value : null
  // Older pages hang on the first page they followed: a new first page starts the feed afresh.
  const loaded: Loaded | null =
    firstPage && older?.after === firstPage
      ? {
          items: [...firstPage.items, ...older.items],
          nextBefore: older.nextBefore,
          seenUpTo: firstPage.seenUpTo,
        }
      : firstPage
  const error = first.status === 'error' ? first.message : olderError

  const loadOlder = async () => {
    if (!firstPage || !loaded?.nextBefore) return
    setIsLoadingMore(true)
    try {
      const page = await fetchActivity(negotiationId, filter, loaded.nextBefore)
      const items = older?.after === firstPage ? [...older.items, ...page.items] : page.items
      setOlder({ after: firstPage, items, nextBefore: page.nextBefore })
      setOlderError(null)
    } catch (reason) {
      setOlderError(reason instanceof Error ? reason.message : String(reason))
    } finally {
      setIsLoadingMore(false)
    }
  }

  const nameOf = (code: string | null) => delegationName(props.delegations, code, language)
  const numberOf = (uid: string | null) => props.objectives.find((o) => o.uid === uid)?.number

  return (
    <aside
      className="side-drawer"
      role="dialog"
      aria-labelledby={titleId}
      data-testid="activity-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <header className="activity-header">
        <h2 id={titleId}>{t.title}</h2>
        <button type="button" className="button" ref={closeRef} onClick={onClose}>
          {t.close}
        </button>
      </header>
      <div className="activity-filters">
        <label>
          <span>{t.filterDelegation}</span>
          <select
            data-testid="activity-filter-delegation"
            value={filter.delegation ?? ''}
            onChange={(event) => setFilter({ ...filter, delegation: event.target.value || null })}
          >
            <option value="">{t.allDelegations}</option>
            {props.delegations.map((d) => (
              <option key={d.code} value={d.code}>
                {delegationNameIn(d, language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.filterObjective}</span>
          <select
            data-testid="activity-filter-objective"
            value={filter.objectiveUid ?? ''}
            onChange={(event) => setFilter({ ...filter, objectiveUid: event.target.value || null })}
          >
            <option value="">{t.allObjectives}</option>
            {props.objectives.map((o) => (
              <option key={o.uid} value={o.uid}>
                {t.objective(o.number)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="activity-error" role="alert">
          {t.failed(error)}
        </p>
      )}
      {!loaded && !error && <p className="activity-empty">{t.loading}</p>}
      {loaded && loaded.items.length === 0 && <p className="activity-empty">{t.empty}</p>}
      <ol className="activity-list" aria-live="polite">
        {loaded?.items.map((item) => (
          <ActivityEntry
            key={item.id}
            item={item}
            isNew={item.id > loaded.seenUpTo}
            t={t}
            language={language}
            nameOf={nameOf}
            objective={numberOf(item.objectiveUid)}
            onGoToProposal={props.onGoToProposal}
            onGoToBlock={props.onGoToBlock}
          />
        ))}
      </ol>
      {loaded?.nextBefore && (
        <button
          type="button"
          className="button activity-more"
          disabled={isLoadingMore}
          onClick={() => void loadOlder()}
        >
          {isLoadingMore ? t.loading : t.loadOlder}
        </button>
      )}
    </aside>
  )
}

function ActivityEntry(props: {
  item: ActivityItem
  isNew: boolean
  t: ActivityMessages
  language: Language
  nameOf: (code: string | null) => string | null
  objective: number | undefined
  onGoToProposal: (proposalId: string) => boolean
  /** Goes to a block of the text (a paragraph whose status changed); false if it is gone. */
  onGoToBlock: (uid: string) => boolean
}) {
  const { item, t, language, nameOf } = props
  const person = item.actor.name
  const actorDelegation = nameOf(item.actor.delegation)
  // "Délégation de la France (France)" says it twice; a person's name gains the delegation's.
  const actor =
    person && actorDelegation && !person.includes(actorDelegation)
      ? `${person} (${actorDelegation})`
      : (person ?? actorDelegation ?? t.system)
  const text = t.item[item.action]({
    actor,
    owner: nameOf(item.delegation),
    count: item.proposalIds.length,
    revision: item.revisionSymbol,
    deadline: item.deadline ? formatDateTime(item.deadline, language) : null,
    block: item.blockLabel,
  })
  const [single] = item.proposalIds
  const { blockUid } = item
  return (
    <li
      className={props.isNew ? 'activity-item is-new' : 'activity-item'}
      data-action={item.action}
    >
      <p className="activity-text">{text}</p>
      <p className="activity-meta">
        <time dateTime={item.at}>{formatDateTime(item.at, language)}</time>
        {props.objective !== undefined && <span> · {t.objective(props.objective)}</span>}
        {item.delegation && <span className="activity-code"> · {item.delegation}</span>}
      </p>
      {single && item.proposalIds.length === 1 && (
        <button
          type="button"
          className="link-button"
          onClick={(event) => {
            if (!props.onGoToProposal(single)) event.currentTarget.disabled = true
          }}
        >
          {t.goToText}
        </button>
      )}
      {blockUid && (
        <button
          type="button"
          className="link-button"
          onClick={(event) => {
            if (!props.onGoToBlock(blockUid)) event.currentTarget.disabled = true
          }}
        >
          {t.goToText}
        </button>
      )}
    </li>
  )
}

function delegationName(
  delegations: readonly Delegation[],
  code: string | null,
  language: Language,
): string | null {
  if (!code) return null
  const found = delegations.find((d) => d.code === code)
  if (!found) return code
  return delegationNameIn(found, language)
}
