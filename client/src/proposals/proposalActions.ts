import { ProposalRecord } from '../../../shared/draft/index.ts'
import { send, sendJson } from '../api/fetchJson.ts'

/** What a user may do to one proposal through the API. */
export type ProposalAction =
  | 'accept'
  | 'reject'
  | 'revert'
  | 'withdraw'
  | 'support'
  | 'unsupport'
  | 'comment'
  | 'resolve'
  | 'reopen'

const proposalsUrl = (negotiationId: string): string =>
  `/api/negotiations/${encodeURIComponent(negotiationId)}/proposals`

/** Runs a command on a proposal; the record comes back (and, live, through the document). */
export const actOnProposal = (
  negotiationId: string,
  proposalId: string,
  action: ProposalAction,
  body: { text?: string; isRationale?: boolean; commentId?: string } = {},
): Promise<ProposalRecord> =>
  sendJson(
    'POST',
    `${proposalsUrl(negotiationId)}/${encodeURIComponent(proposalId)}/${action}`,
    body,
    ProposalRecord,
  )

/** Accepts or rejects every open proposal of a delegation and/or objective (or all). */
export const decideProposals = (
  negotiationId: string,
  filter: { decision: 'accept' | 'reject'; delegation?: string; objective?: number },
): Promise<void> => send('POST', `${proposalsUrl(negotiationId)}/decide`, filter)
