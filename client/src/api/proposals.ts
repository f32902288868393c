import { ProposalRecord } from '../../../shared/draft/index.ts'
import { BulkDecisionAnswer, type BulkPreview } from '../../../shared/proposals.ts'
import { send, sendJson } from './fetchJson.ts'

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

/** Which open proposals a bulk decision takes: of a delegation and/or objective, or all. */
export interface BulkFilter {
  decision: 'accept' | 'reject'
  delegation?: string
  objective?: number
}

/** Accepts or rejects every open proposal the filter takes. */
export const decideProposals = (negotiationId: string, filter: BulkFilter): Promise<void> =>
  send('POST', `${proposalsUrl(negotiationId)}/decide`, filter)

/** What `decideProposals` would do, counted by the server (a dry run): nothing is decided. */
export const previewDecision = async (
  negotiationId: string,
  filter: BulkFilter,
): Promise<BulkPreview> =>
  (
    await sendJson(
      'POST',
      `${proposalsUrl(negotiationId)}/decide`,
      { ...filter, dryRun: true },
      BulkDecisionAnswer,
    )
  ).preview
