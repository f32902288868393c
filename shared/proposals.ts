import { z } from 'zod'
import { PROPOSER_PATTERN, ProposalRecord } from './draft/index.ts'

/**
 * Proposals as the HTTP API presents and changes them. How a proposal is written in the
 * text, and its record, are the draft's contract (`shared/draft/`).
 */

/** A proposal as the API and the panel show it: its record, where it is, and the change. */
export const PresentedProposal = ProposalRecord.extend({
  objective: z.number().nullable(),
  /** The number of the paragraph or the letter of the action, as in the margin ("17."). */
  blockLabel: z.string().nullable(),
  inserted: z.string(),
  deleted: z.string(),
})
export type PresentedProposal = z.infer<typeof PresentedProposal>

export const ProposalList = z.object({ proposals: z.array(PresentedProposal) })

export const ProposalCommandRequest = z.object({
  /** A comment, a decision note, or (with `isRationale`) the proposing delegation's rationale. */
  text: z.string().trim().max(4_000).optional(),
  isRationale: z.boolean().optional(),
  /** For a comment: the thread it answers. For resolve and reopen: the thread. */
  commentId: z.string().min(1).max(100).optional(),
})

export const BulkDecisionRequest = z.object({
  decision: z.enum(['accept', 'reject']),
  delegation: z.string().regex(PROPOSER_PATTERN).optional(),
  /** The objective's number (1..n) or uid. */
  objective: z.union([z.number().int().positive(), z.string().min(1).max(64)]).optional(),
})
