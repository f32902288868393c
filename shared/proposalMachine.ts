import type { ProposalComment, ProposalRecord } from './draft/index.ts'

/**
 * The life of a proposal as a pure state machine: `(record, event, now) -> record`. Only open
 * proposals change; an event that is not allowed throws `ProposalTransitionError`.
 */
export type ProposalEvent =
  | { type: 'support'; delegation: string }
  /** A delegation takes its support back (co-sponsorship withdrawn). */
  | { type: 'unsupport'; delegation: string }
  | { type: 'comment'; comment: Omit<ProposalComment, 'at'> }
  | { type: 'withdraw'; delegation: string }
  | { type: 'accept' | 'reject'; decidedBy: { userId: number; name: string }; note: string | null }

export class ProposalTransitionError extends Error {
  constructor(
    readonly code: 'not_open' | 'not_own' | 'own_proposal',
    message: string,
  ) {
    super(message)
    this.name = 'ProposalTransitionError'
  }
}

export function transitionProposal(
  record: ProposalRecord,
  event: ProposalEvent,
  now: Date,
): ProposalRecord {
  if (event.type !== 'comment' && record.status !== 'open') {
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
      return {
        ...record,
        comments: [...record.comments, { ...event.comment, at: now.toISOString() }],
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
