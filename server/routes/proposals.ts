import { Router } from 'express'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { numberLiveDraft } from '../draft/liveNumbering.ts'
import { PROPOSAL_ID_PATTERN, PROPOSAL_STATUSES } from '../../shared/draft/index.ts'
import {
  BulkDecisionRequest,
  bulkPreviewOf,
  ProposalCommandRequest,
  type PresentedProposal,
} from '../../shared/proposals.ts'
import { readProposals } from '../collab/proposalRecords.ts'
import {
  actOnProposal,
  decideProposals,
  type ProposalAction,
} from '../commands/proposalCommands.ts'
import { revertDecision } from '../commands/revertDecision.ts'
import type { AppContext } from '../context.ts'
import { presentProposals } from '../draft/presentProposals.ts'
import { readDocument } from '../draft/readDraft.ts'
import { badRequest } from '../errors.ts'
import { loadNegotiation } from './loadNegotiation.ts'
import { parseBody } from './parseBody.ts'

const ACTIONS: readonly ProposalAction[] = [
  'accept',
  'reject',
  'withdraw',
  'support',
  'unsupport',
  'comment',
  'resolve',
  'reopen',
]

/** Proposals: the list with filters, commands on one, and bulk decisions (DESIGN.md 7). */
export function proposalRoutes(context: AppContext): Router {
  const router = Router()

  router.get('/negotiations/:nid/proposals', async (request, response) => {
    const { negotiation } = await loadNegotiation(context, request.params.nid, response)
    const { objective, delegation, status } = request.query
    if (status !== undefined && !PROPOSAL_STATUSES.some((s) => s === status)) {
      throw badRequest(`status: one of ${PROPOSAL_STATUSES.join(', ')}`)
    }
    const doc = await readDocument({
      name: draftRoomName(negotiation.id),
      rooms: context.rooms,
      store: context.store,
    })
    const proposals = presentProposals(doc, readProposals(doc)).filter(
      (p: PresentedProposal) =>
        (objective === undefined ||
          String(p.objective) === objective ||
          p.objectiveUid === objective) &&
        (delegation === undefined || p.delegation === delegation) &&
        (status === undefined || p.status === status),
    )
    response.json({ proposals })
  })

  router.post('/negotiations/:nid/proposals/decide', async (request, response) => {
    const { negotiation, actor, role } = await loadNegotiation(
      context,
      request.params.nid,
      response,
    )
    const body = parseBody(BulkDecisionRequest, request.body)
    const doc = await readDocument({
      name: draftRoomName(negotiation.id),
      rooms: context.rooms,
      store: context.store,
    })
    const numbering = numberLiveDraft(doc)
    const objectiveNumberOf = (uid: string) => {
      const number = numbering.get(uid)
      return number?.kind === 'objective' ? number.objective : null
    }
    let objectiveUid: string | undefined
    if (typeof body.objective === 'number') {
      objectiveUid = [...numbering].find(
        ([, n]) => n.kind === 'objective' && n.added === 0 && n.objective === body.objective,
      )?.[0]
      if (!objectiveUid) throw badRequest(`No objective ${body.objective}.`)
    } else {
      objectiveUid = body.objective
    }
    const chosen = await decideProposals({
      context,
      actor,
      role,
      negotiationId: negotiation.id,
      decision: body.decision,
      delegation: body.delegation,
      objectiveUid,
      isDryRun: body.dryRun ?? false,
    })
    const preview = bulkPreviewOf(chosen, objectiveNumberOf)
    response.json({ decided: body.dryRun ? [] : chosen.map((p) => p.id), preview })
  })

  router.post('/negotiations/:nid/proposals/:pid/revert', async (request, response) => {
    const { negotiation, actor, role } = await loadNegotiation(
      context,
      request.params.nid,
      response,
    )
    if (!PROPOSAL_ID_PATTERN.test(request.params.pid)) throw badRequest('Invalid proposal id.')
    const record = await revertDecision({
      context,
      actor,
      role,
      negotiationId: negotiation.id,
      proposalId: request.params.pid,
    })
    response.json(record)
  })

  router.post('/negotiations/:nid/proposals/:pid/:action', async (request, response) => {
    const { negotiation, actor, role } = await loadNegotiation(
      context,
      request.params.nid,
      response,
    )
    const action = ACTIONS.find((a) => a === request.params.action)
    if (!action) throw badRequest(`action: one of ${ACTIONS.join(', ')}`)
    if (!PROPOSAL_ID_PATTERN.test(request.params.pid)) throw badRequest('Invalid proposal id.')
    const { text, isRationale, commentId } = parseBody(ProposalCommandRequest, request.body)
    if (action === 'comment' && !text) throw badRequest('text: a comment needs text')
    if ((action === 'resolve' || action === 'reopen') && !commentId)
      throw badRequest('commentId: the thread to resolve or reopen')
    const record = await actOnProposal({
      context,
      actor,
      role,
      negotiationId: negotiation.id,
      proposalId: request.params.pid,
      action,
      text,
      isRationale,
      commentId,
    })
    response.json(record)
  })

  return router
}
