import type * as Y from 'yjs'
import { AD_REF_ATTR } from '../../shared/draft/index.ts'
import {
  mayBeAdRef,
  type ParagraphStatus,
  type ParagraphStatusResponse,
} from '../../shared/adReferendum.ts'
import { roleAllows, type Role } from '../../shared/permissions.ts'
import type { Actor } from '../auth/Actor.ts'
import type { AppContext } from '../context.ts'
import { readProposals } from '../collab/proposalRecords.ts'
import { findBlock, isAdRefElement } from '../draft/adReferendum.ts'
import { holdsProposal, objectiveUidOf } from '../draft/blockProposals.ts'
import { blockNumeralOf } from '../draft/liveNumbering.ts'
import { conflict, forbidden, notFound } from '../errors.ts'
import { withDraftRoom } from './proposalCommands.ts'

/**
 * Marks a paragraph or action agreed ad referendum, or reopens it (issue 16): a change the
 * server makes to the block's `adRef` attribute, in one transaction on the live draft, then
 * audited (the activity feed shows it). Only the co-facilitators; not while the text is frozen;
 * not on a block that still holds open proposals (they are decided first: an agreed paragraph
 * has one text) nor on a block that is itself proposed.
 */
export async function setParagraphStatus(props: {
  context: AppContext
  actor: Actor
  role: Role | null
  negotiationId: string
  uid: string
  status: ParagraphStatus
}): Promise<ParagraphStatusResponse> {
  const { context, actor, negotiationId, uid, status } = props
  if (!roleAllows(props.role, 'agreeAdRef')) {
    throw forbidden('Only the co-facilitators mark a paragraph agreed ad referendum or reopen it.')
  }
  if (context.silence.isFrozen(negotiationId)) {
    throw conflict('The text is frozen: a silence procedure runs, or it was adopted.', 'frozen')
  }
  const outcome = await withDraftRoom(context, negotiationId, (room) => {
    const block = findBlock(room.doc, uid)
    if (!block) throw notFound(`No block "${uid}" in the draft.`)
    if (!mayBeAdRef(block.nodeName)) {
      throw conflict(
        'Only a paragraph or an action can be agreed ad referendum.',
        'not_a_paragraph',
      )
    }
    const isAdRef = isAdRefElement(block)
    if ((status === 'adRef') === isAdRef)
      return { label: blockNumeralOf(room.doc, uid), isChange: false }
    // An open alternative is a proposal on the paragraph too, though not in its text.
    const hasOpenAlternative = readProposals(room.doc).some(
      (p) => p.status === 'open' && p.alternative && p.blockUid === uid,
    )
    if (status === 'adRef' && (holdsProposal(block) || hasOpenAlternative)) {
      throw conflict(
        'Decide the proposals on this paragraph before marking it agreed ad referendum.',
        'open_proposals',
      )
    }
    room.transactAsServer(() => {
      // Yjs types an element's attributes as strings by default; this one is a boolean.
      const element = block as unknown as Y.XmlElement<{ [AD_REF_ATTR]: boolean }>
      if (status === 'adRef') element.setAttribute(AD_REF_ATTR, true)
      else element.removeAttribute(AD_REF_ATTR)
    })
    return {
      label: blockNumeralOf(room.doc, uid),
      isChange: true,
      objectiveUid: objectiveUidOf(block),
    }
  })
  if (outcome.isChange) {
    await context.audit.record({
      negotiationId,
      actor,
      action: status === 'adRef' ? 'paragraph.adRef' : 'paragraph.reopened',
      details: { blockUid: uid, label: outcome.label },
      subject: { objectiveUid: outcome.objectiveUid ?? null },
    })
  }
  return { uid, status, label: outcome.label }
}
