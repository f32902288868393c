import { randomUUID } from 'node:crypto'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { roleAllows, type Role } from '../../shared/permissions.ts'
import {
  ProposalTransitionError,
  transitionProposal,
  type ProposalEvent,
} from '../../shared/proposalMachine.ts'
import type { ProposalRecord } from '../../shared/draft/index.ts'
import type { Actor } from '../auth/Actor.ts'
import { blockForAlternative, replaceBlockText } from '../collab/applyAlternative.ts'
import { applyDecisionToText } from '../collab/applyDecision.ts'
import { proposalsMap, readProposal, readProposals } from '../collab/proposalRecords.ts'
import type { Room } from '../collab/Room.ts'
import type { AppContext } from '../context.ts'
import { conflict, forbidden, notFound } from '../errors.ts'
import { proposerOf } from '../../shared/draft/index.ts'
import { changesByProposal, presentChange } from '../draft/presentProposals.ts'
import { auditMentions, refuseUnlessMayCloseThread } from './commentThreads.ts'

export type ProposalAction =
  'accept' | 'reject' | 'withdraw' | 'support' | 'unsupport' | 'comment' | 'resolve' | 'reopen'

/**
 * Runs `change` on a negotiation's live draft, loading its room if no browser has it open,
 * then waits until the result is committed (so the HTTP answer never runs ahead of storage).
 */
export async function withDraftRoom<T>(
  context: AppContext,
  negotiationId: string,
  change: (room: Room) => T,
): Promise<T> {
  const room = await context.rooms.open(draftRoomName(negotiationId))
  try {
    // Several processes: the decision is taken on everything committed so far.
    await room.whenCurrent()
    const result = change(room)
    await room.whenCommitted()
    return result
  } finally {
    if (room.peers.size === 0) context.rooms.scheduleUnload(room)
  }
}

/** Actions that change the text, refused while it is frozen (silence procedure, adoption). */
const CHANGES_TEXT = new Set<ProposalAction>(['accept', 'reject', 'withdraw'])

/** Refuses (409 `frozen`) while a silence procedure runs or the text was adopted. */
export function refuseIfFrozen(context: AppContext, negotiationId: string): void {
  if (context.silence.isFrozen(negotiationId)) {
    throw conflict('The text is frozen: a silence procedure runs, or it was adopted.', 'frozen')
  }
}

const ABILITY_OF: Record<ProposalAction, 'decide' | 'withdraw' | 'support' | 'comment'> = {
  accept: 'decide',
  reject: 'decide',
  withdraw: 'withdraw',
  support: 'support',
  unsupport: 'support',
  comment: 'comment',
  resolve: 'comment',
  reopen: 'comment',
}

/**
 * One command on one proposal (DESIGN.md section 3): support, comment, withdraw (own
 * delegation, while open), accept and reject (co-facilitators). One transaction on the live
 * draft: the record, and for decisions the text; then the audit log.
 */
export async function actOnProposal(props: {
  context: AppContext
  actor: Actor
  role: Role | null
  negotiationId: string
  proposalId: string
  action: ProposalAction
  text?: string
  isRationale?: boolean
  /** For a comment: the thread it answers. For resolve and reopen: the thread. */
  commentId?: string
}): Promise<ProposalRecord> {
  const { context, actor, role, negotiationId, proposalId, action } = props
  if (!roleAllows(role, ABILITY_OF[action])) {
    throw forbidden(`Your role may not ${action} proposals.`)
  }
  if (CHANGES_TEXT.has(action)) refuseIfFrozen(context, negotiationId)
  const now = context.now()
  const delegation = proposerOf(role, actor.delegation) ?? ''
  const event: ProposalEvent = (() => {
    switch (action) {
      case 'accept':
      case 'reject':
        return {
          type: action,
          decidedBy: { userId: actor.userId, name: actor.displayName },
          note: props.text ?? null,
        }
      case 'withdraw':
        return { type: 'withdraw', delegation }
      case 'support':
      case 'unsupport':
        return { type: action, delegation }
      case 'comment':
        return {
          type: 'comment',
          comment: {
            id: `${now.getTime().toString(36)}-${actor.userId}`,
            authorUserId: actor.userId,
            authorName: actor.displayName,
            delegation: actor.delegation,
            text: props.text ?? '',
            replyTo: props.commentId ?? null,
          },
        }
      case 'resolve':
        return { type: 'resolve', commentId: props.commentId ?? '', by: actor.displayName }
      case 'reopen':
        return { type: 'reopen', commentId: props.commentId ?? '' }
    }
  })()
  const record = await withDraftRoom(context, negotiationId, (room) => {
    const current = readProposal(room.doc, proposalId)
    if (!current) throw notFound(`No proposal ${proposalId}.`)
    if (action === 'resolve' || action === 'reopen') {
      refuseUnlessMayCloseThread(current, props.commentId ?? '', { actor, role, delegation })
    }
    let next = transitionOrConflict(current, event, now)
    if (action === 'comment' && props.isRationale) {
      if (current.delegation !== delegation)
        throw forbidden('Only the proposing delegation explains its proposal.')
      next = { ...current, rationale: props.text ?? '' }
    }
    if (CHANGES_TEXT.has(action)) next = withSettledChange(room, next)
    // An alternative is not in the text: accepting it replaces its paragraph's wording, which
    // is refused (409) before anything is written when the paragraph cannot take it now.
    const replaced = action === 'accept' && current.alternative ? current.alternative : null
    const block = replaced ? blockForAlternative(room.doc, current) : null
    return room.transactAsServer(() => {
      if (replaced && block) {
        const deleted = replaceBlockText(block, replaced.text)
        // Not revertible (no reversal kept): see revertDecision.
        next = { ...next, settledChange: { inserted: replaced.text, deleted } }
      } else if (action === 'accept' || action === 'reject' || action === 'withdraw') {
        const reversal = applyDecisionToText(
          room.doc,
          new Set([proposalId]),
          action === 'accept' ? 'accept' : 'reject',
        )
        // A single decision keeps what takes it back (a withdrawal is the delegation's own).
        if (reversal && action !== 'withdraw') next = { ...next, reversal }
      }
      proposalsMap(room.doc).set(proposalId, next)
      return next
    })
  })
  await context.audit.record({
    negotiationId,
    actor,
    action: `proposal.${action}`,
    details: {
      proposalId,
      delegation: record.delegation,
      status: record.status,
      ...(record.alternative ? { alternative: true, blockUid: record.blockUid } : {}),
    },
    subject: { delegation: record.delegation, objectiveUid: record.objectiveUid },
  })
  if (action === 'comment' && !props.isRationale) {
    await auditMentions({ context, actor, negotiationId, record, text: props.text ?? '' })
  }
  return record
}

/** Accepts or rejects every open proposal of a delegation, of an objective, or all of them. */
export async function decideProposals(props: {
  context: AppContext
  actor: Actor
  role: Role | null
  negotiationId: string
  decision: 'accept' | 'reject'
  delegation?: string
  objectiveUid?: string
  /** Only choose: the records that the decision would take, nothing decided or audited. */
  isDryRun?: boolean
}): Promise<ProposalRecord[]> {
  const { context, actor, role, negotiationId, decision } = props
  if (!roleAllows(role, 'decide')) throw forbidden('Only the co-facilitators decide on proposals.')
  refuseIfFrozen(context, negotiationId)
  const now = context.now()
  const decided = await withDraftRoom(context, negotiationId, (room) => {
    const chosen = readProposals(room.doc).filter(
      (p) =>
        p.status === 'open' &&
        // Alternatives replace a whole paragraph, often one of several Alts: accepted one by one.
        !(decision === 'accept' && p.alternative) &&
        (!props.delegation || p.delegation === props.delegation) &&
        (!props.objectiveUid || p.objectiveUid === props.objectiveUid),
    )
    if (props.isDryRun) return chosen
    const event: ProposalEvent = {
      type: decision,
      decidedBy: { userId: actor.userId, name: actor.displayName },
      note: null,
    }
    const changes = changesByProposal(room.doc)
    const next = chosen.map((record) =>
      withSettledChange(room, transitionOrConflict(record, event, now), changes),
    )
    room.transactAsServer(() => {
      for (const record of next) proposalsMap(room.doc).set(record.id, record)
      applyDecisionToText(room.doc, new Set(next.map((r) => r.id)), decision)
    })
    return next
  })
  if (props.isDryRun) return decided
  // One event per proposal, so that each delegation's history and activity hold its own; the
  // bulk id ties them together (the activity feed shows them as one decision).
  const bulkId = `bulk-${randomUUID()}`
  await context.audit.recordAll(
    decided.map((record) => ({
      negotiationId,
      actor,
      action: `proposal.${decision}`,
      details: {
        proposalId: record.id,
        delegation: record.delegation,
        status: record.status,
        bulkId,
        chosenBy: {
          delegation: props.delegation ?? null,
          objectiveUid: props.objectiveUid ?? null,
        },
      },
      subject: { delegation: record.delegation, objectiveUid: record.objectiveUid },
    })),
  )
  return decided
}

/** The record, keeping the text its marks hold before the decision takes them out. */
function withSettledChange(
  room: Room,
  record: ProposalRecord,
  changes = changesByProposal(room.doc),
): ProposalRecord {
  const change = changes.get(record.id)
  return change ? { ...record, settledChange: presentChange(change) } : record
}

/** The record after `event`; a transition not allowed becomes a 403 or a 409. */
export function transitionOrConflict(
  record: ProposalRecord,
  event: ProposalEvent,
  now: Date,
): ProposalRecord {
  try {
    return transitionProposal(record, event, now)
  } catch (error) {
    if (error instanceof ProposalTransitionError) {
      throw error.code === 'not_own'
        ? forbidden(error.message)
        : conflict(error.message, error.code)
    }
    throw error
  }
}
