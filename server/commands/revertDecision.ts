import { roleAllows, type Role } from '../../shared/permissions.ts'
import {
  applyReversal,
  reversalObstacle,
  type ProposalRecord,
  type ReversalObstacle,
} from '../../shared/draft/index.ts'
import type { Actor } from '../auth/Actor.ts'
import { proposalsMap, readProposal } from '../collab/proposalRecords.ts'
import type { AppContext } from '../context.ts'
import { conflict, forbidden, notFound } from '../errors.ts'
import { refuseIfFrozen, transitionOrConflict, withDraftRoom } from './proposalCommands.ts'

/** Why a revert is refused (409), with the API's stable codes. */
const REFUSALS: Record<ReversalObstacle, { code: string; message: string }> = {
  not_decided: {
    code: 'not_decided',
    message: 'Only an accepted or rejected proposal is reverted.',
  },
  not_revertible: {
    code: 'decision_not_revertible',
    message: 'This decision cannot be reverted: it was taken in bulk.',
  },
  built_on: {
    code: 'decision_built_on',
    message: 'The text has changed where this decision was taken: it can no longer be reverted.',
  },
}

/**
 * Takes a single accept or reject back (issue 14): the proposal is open again and its marks are
 * back in the text exactly as before the decision, in one server transaction (stored, then
 * broadcast); refused once anything was built on it (`shared/draft/reversal.ts`). Audited.
 */
export async function revertDecision(props: {
  context: AppContext
  actor: Actor
  role: Role | null
  negotiationId: string
  proposalId: string
}): Promise<ProposalRecord> {
  const { context, actor, role, negotiationId, proposalId } = props
  if (!roleAllows(role, 'decide')) throw forbidden('Only the co-facilitators revert decisions.')
  refuseIfFrozen(context, negotiationId)
  const now = context.now()
  const { record, reverted } = await withDraftRoom(context, negotiationId, (room) => {
    const current = readProposal(room.doc, proposalId)
    if (!current) throw notFound(`No proposal ${proposalId}.`)
    // The wording it replaced is kept in its history, not as Yjs items to restore: a co-facilitator
    // who takes it back puts the former wording in again, or a delegation proposes it as an Alt.
    if (current.alternative && current.status === 'accepted') {
      throw conflict(
        'An accepted alternative replaced the whole paragraph: it cannot be reverted.',
        'decision_not_revertible',
      )
    }
    const obstacle = reversalObstacle(room.doc, current.status, current.reversal)
    if (obstacle) throw conflict(REFUSALS[obstacle].message, REFUSALS[obstacle].code)
    const next = transitionOrConflict(current, { type: 'revert' }, now)
    room.transactAsServer(() => {
      if (current.reversal) applyReversal(room.doc, current.reversal)
      proposalsMap(room.doc).set(proposalId, next)
    })
    return { record: next, reverted: current }
  })
  await context.audit.record({
    negotiationId,
    actor,
    action: 'proposal.revert',
    details: {
      proposalId,
      delegation: record.delegation,
      status: record.status,
      revertedStatus: reverted.status,
      revertedDecidedBy: reverted.decidedBy,
    },
    subject: { delegation: record.delegation, objectiveUid: record.objectiveUid },
  })
  return record
}
