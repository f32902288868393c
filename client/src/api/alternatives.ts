import type { ProposeAlternativeRequest } from '../../../shared/alternatives.ts'
import { ProposalRecord } from '../../../shared/draft/index.ts'
import { sendJson } from './fetchJson.ts'

/** Proposes another wording for a whole paragraph or action (a delegation's "Alt"). */
export const proposeAlternative = (
  negotiationId: string,
  uid: string,
  body: ProposeAlternativeRequest,
): Promise<ProposalRecord> =>
  sendJson(
    'POST',
    `/api/negotiations/${encodeURIComponent(negotiationId)}/blocks/${encodeURIComponent(uid)}/alternatives`,
    body,
    ProposalRecord,
  )
