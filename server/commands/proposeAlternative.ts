import { randomUUID } from 'node:crypto'
import { mayHaveAlternative } from '../../shared/alternatives.ts'
import type { ProposalRecord } from '../../shared/draft/index.ts'
import { roleAllows, type Role } from '../../shared/permissions.ts'
import type { Actor } from '../auth/Actor.ts'
import { blockText } from '../collab/applyAlternative.ts'
import { openProposalRecord, proposalsMap, readProposals } from '../collab/proposalRecords.ts'
import type { AppContext } from '../context.ts'
import { findBlock, isAdRefElement } from '../draft/adReferendum.ts'
import { isInsideProposedBlock, objectiveUidOf } from '../draft/blockProposals.ts'
import { blockNumeralOf } from '../draft/liveNumbering.ts'
import { badRequest, conflict, forbidden, notFound } from '../errors.ts'
import { refuseIfFrozen, withDraftRoom } from './proposalCommands.ts'

/**
 * A delegation proposes another wording for a whole paragraph or action (issue 16, "Alt 23."):
 * a proposal record carrying the wording, written by the server in one transaction on the live
 * draft (stored, then broadcast), then audited as a proposal made. The text is not touched
 * until a co-facilitator accepts it.
 *
 * Only delegations: the co-facilitators write their own wording into the text directly. One
 * open alternative per delegation and paragraph: a delegation that rewords its Alt withdraws
 * it and proposes again, so that supporters and comments never follow a wording they did not see.
 */
export async function proposeAlternative(props: {
  context: AppContext
  actor: Actor
  role: Role | null
  negotiationId: string
  uid: string
  text: string
  rationale?: string
}): Promise<ProposalRecord> {
  const { context, actor, role, negotiationId, uid, text } = props
  const delegation = actor.delegation
  if (!roleAllows(role, 'propose') || role === 'coFacilitator' || !delegation) {
    throw forbidden('Only a delegation proposes an alternative wording.')
  }
  refuseIfFrozen(context, negotiationId)
  const { record, label } = await withDraftRoom(context, negotiationId, (room) => {
    const block = findBlock(room.doc, uid)
    if (!block) throw notFound(`No block "${uid}" in the draft.`)
    if (!mayHaveAlternative(block.nodeName)) {
      throw badRequest(
        'An alternative is proposed for a paragraph or an action, not a heading.',
        'not_a_paragraph',
      )
    }
    if (isAdRefElement(block)) {
      throw conflict(
        'This paragraph is agreed ad referendum: it takes no proposals until it is reopened.',
        'ad_ref',
      )
    }
    if (isInsideProposedBlock(block)) {
      throw conflict(
        'This paragraph is itself a proposal: propose changes in its text instead.',
        'proposed_block',
      )
    }
    if (text === blockText(block).replace(/\s+/g, ' ').trim()) {
      throw badRequest('The alternative reads exactly as the paragraph.', 'same_as_text')
    }
    const isDuplicate = readProposals(room.doc).some(
      (p) =>
        p.status === 'open' && p.alternative && p.blockUid === uid && p.delegation === delegation,
    )
    if (isDuplicate) {
      throw conflict(
        'Your delegation already proposes an alternative to this paragraph: withdraw it first.',
        'duplicate_alternative',
      )
    }
    const created: ProposalRecord = {
      ...openProposalRecord({
        id: `alt-${randomUUID()}`,
        delegation,
        author: { userId: actor.userId, name: actor.displayName },
        objectiveUid: objectiveUidOf(block),
        blockUid: uid,
        now: context.now(),
      }),
      rationale: props.rationale ?? '',
      alternative: { text },
    }
    room.transactAsServer(() => proposalsMap(room.doc).set(created.id, created))
    return { record: created, label: blockNumeralOf(room.doc, uid) }
  })
  await context.audit.record({
    negotiationId,
    actor,
    action: 'proposal.made',
    details: { proposalId: record.id, delegation, alternative: true, blockUid: uid, label },
    subject: { delegation, objectiveUid: record.objectiveUid },
  })
  return record
}
