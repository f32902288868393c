import { z } from 'zod'

/**
 * Tracked proposals (DESIGN.md section 3): how a proposal is written in the text, and its
 * record, which only the server writes.
 *
 * In the text, a proposal is marks and block attributes carrying `{ proposalId, delegation }`:
 * - the `insertion` mark on proposed new text (insertions never overlap: new text has one
 *   author);
 * - the `deletion` mark on text proposed for deletion; deletions by several delegations may
 *   overlap on the same words, so the mark does not exclude itself (y-prosemirror then stores
 *   each one under its own hashed key, `deletion--<hash>`);
 * - a replacement is both marks with one proposalId;
 * - `insertedBy` / `deletedBy` block attributes for a whole new, or deleted, paragraph, action,
 *   principle or objective.
 */

/** Who proposes: a delegation's ISO code, or the co-facilitators' own text. */
export const CO_FACILITATORS = 'co-facilitators'

export const ProposalRef = z.object({
  proposalId: z.string().regex(/^[0-9a-z-]{6,64}$/),
  delegation: z.string().regex(/^([A-Z]{3}|co-facilitators)$/),
})
export type ProposalRef = z.infer<typeof ProposalRef>

export const INSERTION_MARK = 'insertion'
export const DELETION_MARK = 'deletion'
export const INSERTED_BY_ATTR = 'insertedBy'
export const DELETED_BY_ATTR = 'deletedBy'

/** Blocks that may be proposed or deleted whole. */
export const PROPOSABLE_BLOCKS = ['paragraph', 'principle', 'objective', 'action'] as const

/** The Y.Map (next to the draft's XmlFragment) holding the records, written by the server. */
export const PROPOSALS_MAP = 'proposals'

export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected', 'withdrawn'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

export const ProposalComment = z.object({
  id: z.string(),
  authorUserId: z.number(),
  authorName: z.string(),
  delegation: z.string().nullable(),
  text: z.string(),
  at: z.string(),
})
export type ProposalComment = z.infer<typeof ProposalComment>

export const ProposalRecord = z.object({
  id: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  delegation: z.string(),
  authorUserId: z.number(),
  authorName: z.string(),
  /** The uid of the objective the proposal is in, or null outside objectives. */
  objectiveUid: z.string().nullable(),
  /** The uid of the block where the proposal was first made. */
  blockUid: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.object({ userId: z.number(), name: z.string() }).nullable(),
  decisionNote: z.string().nullable(),
  rationale: z.string(),
  supporters: z.array(z.string()),
  comments: z.array(ProposalComment),
})
export type ProposalRecord = z.infer<typeof ProposalRecord>

/** A proposal as the API and the panel show it: its record, where it is, and the change. */
export const PresentedProposal = ProposalRecord.extend({
  objective: z.number().nullable(),
  /** The number of the paragraph or the letter of the action, as in the margin ("17.", "b)"). */
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
})

export const BulkDecisionRequest = z.object({
  decision: z.enum(['accept', 'reject']),
  delegation: z
    .string()
    .regex(/^([A-Z]{3}|co-facilitators)$/)
    .optional(),
  /** The objective's number (1..n) or uid. */
  objective: z.union([z.number().int().positive(), z.string().min(1).max(64)]).optional(),
})
