import * as Y from 'yjs'
import {
  AD_REF_ATTR,
  DELETED_BY_ATTR,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  isDeletionKey,
} from '../../shared/draft/index.ts'
import {
  mayBeAdRef,
  type ParagraphStatus,
  type ParagraphStatusResponse,
} from '../../shared/adReferendum.ts'
import { roleAllows, type Role } from '../../shared/permissions.ts'
import type { Actor } from '../auth/Actor.ts'
import type { AppContext } from '../context.ts'
import { isXmlElement } from '../collab/validation/draftChanges.ts'
import { findBlock, isAdRefElement } from '../draft/adReferendum.ts'
import { numberLiveDraft } from '../draft/liveNumbering.ts'
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
    if ((status === 'adRef') === isAdRef) return { label: labelOf(room.doc, uid), isChange: false }
    if (status === 'adRef' && holdsProposal(block)) {
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
    return { label: labelOf(room.doc, uid), isChange: true, objectiveUid: objectiveUidOf(block) }
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

/** "23 bis" for a paragraph, "d bis)" for an action: how the activity feed names the block. */
function labelOf(doc: Y.Doc, uid: string): string | null {
  const number = numberLiveDraft(doc).get(uid)
  if (!number) return null
  return number.kind === 'paragraph' ? number.numeral : number.label
}

function objectiveUidOf(block: Y.XmlElement): string | null {
  for (let at: unknown = block.parent; isXmlElement(at); at = at.parent) {
    if (at.nodeName === 'objective') {
      const uid = at.getAttribute('uid')
      return typeof uid === 'string' ? uid : null
    }
  }
  return null
}

/** Whether the block, or the objective around it, is or holds a proposal of any status. */
function holdsProposal(block: Y.XmlElement): boolean {
  for (let at: unknown = block; isXmlElement(at); at = at.parent) {
    const attributes = at.getAttributes() as Record<string, unknown>
    if (attributes[INSERTED_BY_ATTR] || attributes[DELETED_BY_ATTR]) return true
  }
  return block
    .toArray()
    .some(
      (child) =>
        child instanceof Y.XmlText &&
        (child.toDelta() as { attributes?: Record<string, unknown> }[]).some((op) =>
          Object.keys(op.attributes ?? {}).some(
            (key) => key === INSERTION_MARK || isDeletionKey(key),
          ),
        ),
    )
}
