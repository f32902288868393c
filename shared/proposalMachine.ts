import type { ProposalComment, ProposalRecord } from './draft/index.ts'

/**
 * The life of a proposal as a pure state machine: `(record, event, now) -> record`. Only open
 * proposals change; an event that is not allowed throws `ProposalTransitionError`.
 */
export type ProposalEvent =
  | { type: 'support'; delegation: string }
  /** A delegation takes its support back (co-sponsorship withdrawn). */
  | { type: 'unsupport'; delegation: string }
  | { type: 'comment'; comment: Omit<ProposalComment, 'at' | 'resolved'> }
  /** A comment thread is resolved (the question answered), or reopened. */
  | { type: 'resolve'; commentId: string; by: string }
  | { type: 'reopen'; commentId: string }
  | { type: 'withdraw'; delegation: string }
  | { type: 'accept' | 'reject'; decidedBy: { userId: number; name: string }; note: string | null }
  /** A co-facilitator takes a single accept or reject back: the proposal is open again. */
  | { type: 'revert' }

export class ProposalTransitionError extends Error {
  constructor(
    readonly code: 'not_open' | 'not_decided' | 'not_own' | 'own_proposal' | 'no_thread',
    message: string,
  ) {
    super(message)
    this.name = 'ProposalTransitionError'
  }
}

const AT_ANY_TIME = new Set<ProposalEvent['type']>(['comment', 'resolve', 'reopen'])

/** The first comment of a thread: one that answers no other. */
function threadOf(record: ProposalRecord, commentId: string): ProposalComment {
  const thread = record.comments.find((c) => c.id === commentId && c.replyTo === null)
  if (!thread) throw new ProposalTransitionError('no_thread', `No comment thread ${commentId}.`)
  return thread
}

/** A decided proposal open again, as it was before the decision; its comments stay. */
function reopened(record: ProposalRecord): ProposalRecord {
  if (record.status !== 'accepted' && record.status !== 'rejected') {
    throw new ProposalTransitionError('not_decided', `The proposal is ${record.status}.`)
  }
  const next: ProposalRecord = {
    ...record,
    status: 'open',
    decidedAt: null,
    decidedBy: null,
    decisionNote: null,
  }
  // Its marks are in the text again: what it changes is read from there, not kept.
  delete next.settledChange
  delete next.reversal
  return next
}

export function transitionProposal(
  record: ProposalRecord,
  event: ProposalEvent,
  now: Date,
): ProposalRecord {
  if (event.type === 'revert') return reopened(record)
  // Comments stay open after the decision: they become the history of it.
  if (!AT_ANY_TIME.has(event.type) && record.status !== 'open') {
    throw new ProposalTransitionError('not_open', `The proposal is ${record.status}.`)
  }
  switch (event.type) {
    case 'support':
      if (event.delegation === record.delegation) {
        throw new ProposalTransitionError(
          'own_proposal',
          'A delegation supports others’ proposals.',
        )
      }
      return record.supporters.includes(event.delegation)
        ? record
        : { ...record, supporters: [...record.supporters, event.delegation].sort() }
    case 'unsupport':
      // Like support, idempotent: taking back what one did not give changes nothing.
      return record.supporters.includes(event.delegation)
        ? { ...record, supporters: record.supporters.filter((d) => d !== event.delegation) }
        : record
    case 'comment':
      if (event.comment.replyTo !== null) threadOf(record, event.comment.replyTo)
      return {
        ...record,
        comments: [...record.comments, { ...event.comment, at: now.toISOString(), resolved: null }],
      }
    case 'resolve':
    case 'reopen': {
      const thread = threadOf(record, event.commentId)
      const resolved = event.type === 'resolve' ? { by: event.by, at: now.toISOString() } : null
      return {
        ...record,
        comments: record.comments.map((c) => (c === thread ? { ...c, resolved } : c)),
      }
    }
    case 'withdraw':
      if (event.delegation !== record.delegation) {
        throw new ProposalTransitionError(
          'not_own',
          'Only its own delegation withdraws a proposal.',
        )
      }
      return { ...record, status: 'withdrawn', decidedAt: now.toISOString() }
    case 'accept':
    case 'reject':
      return {
        ...record,
        status: event.type === 'accept' ? 'accepted' : 'rejected',
        decidedAt: now.toISOString(),
        decidedBy: event.decidedBy,
        decisionNote: event.note,
      }
  }
}
