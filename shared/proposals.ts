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
  /**
   * Why its decision cannot be reverted now (`not_decided`, `not_revertible`, `built_on`), or
   * null when a co-facilitator may revert it (the rule of `shared/draft/reversal.ts`).
   */
  reversalObstacle: z.enum(['not_decided', 'not_revertible', 'built_on']).nullable(),
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
  /** Say what the decision would do (the preview) and do nothing. */
  dryRun: z.boolean().optional(),
})

/**
 * What a bulk decision does, said before it runs (issue 14): how many proposals, of which
 * delegations, in which objectives. The dry run and the real run count the same choice.
 */
export const BulkPreview = z.object({
  total: z.number().int(),
  byDelegation: z.array(z.object({ delegation: z.string(), count: z.number().int() })),
  /** `objective` null: outside the objectives (preamble, guiding principles ...). */
  byObjective: z.array(
    z.object({
      objective: z.number().int().nullable(),
      objectiveUid: z.string().nullable(),
      count: z.number().int(),
    }),
  ),
})
export type BulkPreview = z.infer<typeof BulkPreview>

export const BulkDecisionAnswer = z.object({
  /** The proposals decided; none on a dry run. */
  decided: z.array(z.string()),
  preview: BulkPreview,
})

/** Counts the proposals a bulk decision chose, by delegation and by objective. */
export function bulkPreviewOf(
  chosen: readonly { delegation: string; objectiveUid: string | null }[],
  objectiveNumberOf: (uid: string) => number | null,
): BulkPreview {
  const byDelegation = new Map<string, number>()
  const byObjective = new Map<string | null, number>()
  for (const { delegation, objectiveUid } of chosen) {
    byDelegation.set(delegation, (byDelegation.get(delegation) ?? 0) + 1)
    byObjective.set(objectiveUid, (byObjective.get(objectiveUid) ?? 0) + 1)
  }
  const objectives = [...byObjective].map(([objectiveUid, count]) => ({
    objective: objectiveUid === null ? null : objectiveNumberOf(objectiveUid),
    objectiveUid,
    count,
  }))
  return {
    total: chosen.length,
    byDelegation: [...byDelegation]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([delegation, count]) => ({ delegation, count })),
    // In the order of the text; outside the objectives last.
    byObjective: objectives.sort((a, b) => (a.objective ?? Infinity) - (b.objective ?? Infinity)),
  }
}
