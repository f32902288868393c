import type { ProposalRecord } from '../../shared/draft/index.ts'
import { roleAllows, type Role } from '../../shared/permissions.ts'
import type { Actor } from '../auth/Actor.ts'
import type { AppContext } from '../context.ts'
import { forbidden } from '../errors.ts'

/**
 * Comment threads on a proposal (issue 14): who may resolve or reopen one, and the delegations a
 * comment mentions, who are told in their activity.
 */

/** A thread is closed or reopened by the co-facilitators, its author, or the proposing delegation. */
export function refuseUnlessMayCloseThread(
  record: ProposalRecord,
  commentId: string,
  who: { actor: Actor; role: Role | null; delegation: string },
): void {
  if (roleAllows(who.role, 'decide')) return
  const thread = record.comments.find((c) => c.id === commentId)
  // An unknown thread is the machine's to refuse (409 no_thread).
  if (!thread || thread.authorUserId === who.actor.userId) return
  if (record.delegation === who.delegation) return
  throw forbidden(
    'Only the co-facilitators, its author or the proposing delegation close a thread.',
  )
}

// "@FRA" names a delegation; the code alone (without @) is too common in the text to mean one.
const MENTION = /@([A-Z]{3})\b/g

/** Records a mention event for each delegation of the negotiation a comment names with @. */
export async function auditMentions(props: {
  context: AppContext
  actor: Actor
  negotiationId: string
  record: ProposalRecord
  text: string
}): Promise<void> {
  const { context, actor, negotiationId, record } = props
  const named = new Set([...props.text.matchAll(MENTION)].map((match) => match[1] ?? ''))
  if (named.size === 0) return
  const { delegations, coFacilitators } = await context.negotiations.participants(negotiationId)
  const present = new Set([...delegations, ...coFacilitators].map((d) => d.code))
  const comment = record.comments.at(-1)
  await context.audit.recordAll(
    [...named]
      .filter((code) => present.has(code) && code !== actor.delegation)
      .map((code) => ({
        negotiationId,
        actor,
        action: 'proposal.mention',
        details: { proposalId: record.id, delegation: code, commentId: comment?.id ?? null },
        subject: { delegation: code, objectiveUid: record.objectiveUid },
      })),
  )
}
