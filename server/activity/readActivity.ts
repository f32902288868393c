import {
  ACTIVITY_ACTIONS,
  type ActivityAction,
  type ActivityItem,
  type ActivityPage,
  type ActivitySummary,
} from '../../shared/activity.ts'
import type { ActivityFilter, ActivityRepository, ActivityRow } from '../storage/activity.ts'

const ROWS_PER_READ = 200

/**
 * One page of a negotiation's activity, newest first. The events of one bulk decision (one per
 * proposal, sharing a `bulkId`) become one item; a page never ends inside one, so that an item
 * is never split across two pages.
 */
export async function readActivityPage(props: {
  activity: ActivityRepository
  negotiationId: string
  filter: ActivityFilter
  before: number | null
  limit: number
  seenUpTo: number
}): Promise<ActivityPage> {
  const { activity, negotiationId, filter, limit } = props
  const items: OpenItem[] = []
  let before = props.before
  let nextBefore: number | null = null
  // Read until one item more than asked is begun: the items before it are then whole.
  for (;;) {
    const rows = await activity.older(negotiationId, filter, { before, limit: ROWS_PER_READ })
    for (const row of rows) {
      const last = items.at(-1)
      if (last && sameBulk(last, row)) {
        absorb(last, row)
        continue
      }
      if (items.length === limit) {
        nextBefore = items.at(-1)?.lowestId ?? null
        return { items: items.map(present), nextBefore, seenUpTo: props.seenUpTo }
      }
      items.push(itemOf(row))
    }
    if (rows.length < ROWS_PER_READ) break
    before = rows.at(-1)?.id ?? null
  }
  return { items: items.map(present), nextBefore, seenUpTo: props.seenUpTo }
}

/** What concerns the user's delegation since its mark, and how much is unread in all. */
export async function summarizeActivity(props: {
  activity: ActivityRepository
  negotiationId: string
  delegation: string | null
  seenUpTo: number
}): Promise<ActivitySummary> {
  const counts = await props.activity.countsSince(props.negotiationId, props.seenUpTo)
  const count = (action: ActivityAction, mine: boolean) =>
    counts
      .filter(
        (c) =>
          c.action === action &&
          (!mine || (props.delegation !== null && c.subjectDelegation === props.delegation)),
      )
      .reduce((sum, c) => sum + c.count, 0)
  return {
    seenUpTo: props.seenUpTo,
    unread: counts.reduce((sum, c) => sum + c.count, 0),
    delegation: props.delegation,
    yours: {
      accepted: count('proposal.accept', true),
      rejected: count('proposal.reject', true),
      supported: count('proposal.support', true),
      commented: count('proposal.comment', true),
      mentioned: count('proposal.mention', true),
    },
    proposalsMade: count('proposal.made', false),
  }
}

interface OpenItem extends ActivityItem {
  lowestId: number
  bulkId: string | null
}

const isActivityAction = (action: string): action is ActivityAction =>
  (ACTIVITY_ACTIONS as readonly string[]).includes(action)

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

function itemOf(row: ActivityRow): OpenItem {
  const { details } = row
  const proposalId = text(details.proposalId)
  return {
    id: row.id,
    lowestId: row.id,
    bulkId: text(details.bulkId),
    at: row.at,
    // The query reads feed actions only.
    action: isActivityAction(row.action) ? row.action : 'proposal.comment',
    actor: { name: row.actorName, delegation: row.actorDelegation },
    delegation: row.subjectDelegation,
    objectiveUid: row.objectiveUid,
    proposalIds: proposalId ? [proposalId] : [],
    revisionId:
      text(details.revisionId) ?? (row.action.startsWith('revision.') ? text(details.id) : null),
    revisionSymbol: text(details.symbol),
    deadline: text(details.deadline),
    blockUid: text(details.blockUid),
    blockLabel: text(details.label),
  }
}

const sameBulk = (item: OpenItem, row: ActivityRow) =>
  item.bulkId !== null && item.bulkId === text(row.details.bulkId) && item.action === row.action

function absorb(item: OpenItem, row: ActivityRow): void {
  const proposalId = text(row.details.proposalId)
  if (proposalId) item.proposalIds.push(proposalId)
  item.lowestId = row.id
  // A bulk decision over several delegations or objectives concerns none of them alone.
  if (item.delegation !== row.subjectDelegation) item.delegation = null
  if (item.objectiveUid !== row.objectiveUid) item.objectiveUid = null
}

function present(item: OpenItem): ActivityItem {
  return {
    id: item.id,
    at: item.at,
    action: item.action,
    actor: item.actor,
    delegation: item.delegation,
    objectiveUid: item.objectiveUid,
    proposalIds: item.proposalIds,
    revisionId: item.revisionId,
    revisionSymbol: item.revisionSymbol,
    deadline: item.deadline,
    blockUid: item.blockUid,
    blockLabel: item.blockLabel,
  }
}
