import { z } from 'zod'
import { DecisionReversal } from './reversal.ts'

/**
 * A proposal's record (DESIGN.md section 3): written by the server only, in the proposals map
 * of the draft's document, when an accepted update first carries a new proposal id, and then
 * changed only through commands (support, comment, withdraw, accept, reject).
 */

export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected', 'withdrawn'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

export const ProposalComment = z.object({
  id: z.string(),
  authorUserId: z.number(),
  authorName: z.string(),
  delegation: z.string().nullable(),
  text: z.string(),
  at: z.string(),
  /** The thread it answers (the id of a comment that answers none), or null: it opens one. */
  replyTo: z.string().nullable().default(null),
  /** On a thread's first comment: who resolved the thread, and when; null while it is open. */
  resolved: z.object({ by: z.string(), at: z.string() }).nullable().default(null),
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
  /**
   * The text the proposal inserted and deleted, kept when it is decided or withdrawn: its marks
   * then leave the text, and its history must still say what it was.
   */
  settledChange: z.object({ inserted: z.string(), deleted: z.string() }).optional(),
  /**
   * What a single accept or reject did to the text, kept to revert it (issue 14); absent for
   * bulk decisions, which are not reverted.
   */
  reversal: DecisionReversal.optional(),
  /**
   * An alternative wording for the whole paragraph or action `blockUid` ("Alt 23."), shown
   * beside the text, not in it: accepting it replaces the paragraph's text by this one.
   */
  alternative: z.object({ text: z.string() }).optional(),
})
export type ProposalRecord = z.infer<typeof ProposalRecord>
