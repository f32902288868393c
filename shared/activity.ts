import { z } from 'zod'

/**
 * The activity of a negotiation (issue 14): what was proposed, decided, commented, published,
 * and what became of silence procedures, read from the audit log. One item may stand for
 * several events of one bulk decision.
 */

/** The kinds of event the feed shows; the audit log holds others (sign-ins, refusals) it does not. */
export const ACTIVITY_ACTIONS = [
  'proposal.made',
  'proposal.accept',
  'proposal.reject',
  /** A co-facilitator took a single accept or reject back. */
  'proposal.revert',
  'proposal.withdraw',
  'proposal.support',
  'proposal.unsupport',
  'proposal.comment',
  'proposal.resolve',
  'proposal.reopen',
  'proposal.mention',
  'paragraph.adRef',
  'paragraph.reopened',
  'revision.published',
  'revision.imported',
  'silence.started',
  'silence.extend',
  'silence.broken',
  'silence.adopted',
  'silence.cancelled',
] as const
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number]

export const ActivityItem = z.object({
  /** The audit event's id (the highest, for a bulk decision). */
  id: z.number().int(),
  at: z.string(),
  action: z.enum(ACTIVITY_ACTIONS),
  actor: z.object({ name: z.string().nullable(), delegation: z.string().nullable() }),
  /** The delegation the event concerns (whose proposal), when it concerns one. */
  delegation: z.string().nullable(),
  objectiveUid: z.string().nullable(),
  /** The proposals concerned: one, or those of one bulk decision. */
  proposalIds: z.array(z.string()),
  /** For a revision, or a silence procedure on one: the revision's id, and its symbol if known. */
  revisionId: z.string().nullable(),
  revisionSymbol: z.string().nullable(),
  /** For a silence procedure: its deadline. */
  deadline: z.string().nullable(),
  /** For a paragraph's status: its uid, and its number then ("23.", "d bis)"). */
  blockUid: z.string().nullable().default(null),
  blockLabel: z.string().nullable().default(null),
})
export type ActivityItem = z.infer<typeof ActivityItem>

export const ActivityPage = z.object({
  items: z.array(ActivityItem),
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextBefore: z.number().int().nullable(),
  /** The newest event this user has marked as seen (0: none). */
  seenUpTo: z.number().int(),
})
export type ActivityPage = z.infer<typeof ActivityPage>

/** What concerns the user's delegation since the user last looked. */
export const ActivitySummary = z.object({
  seenUpTo: z.number().int(),
  /** Events of the feed newer than `seenUpTo`, whoever they concern. */
  unread: z.number().int(),
  delegation: z.string().nullable(),
  /** Of the delegation's proposals, since `seenUpTo`: how many others decided or answered. */
  yours: z.object({
    accepted: z.number().int(),
    rejected: z.number().int(),
    supported: z.number().int(),
    commented: z.number().int(),
    /** Comments that named the delegation with @. */
    mentioned: z.number().int(),
  }),
  /** Proposals made by any delegation since `seenUpTo` (what co-facilitators look for). */
  proposalsMade: z.number().int(),
})
export type ActivitySummary = z.infer<typeof ActivitySummary>

export const ActivityQuery = z.object({
  delegation: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  objective: z.string().min(1).max(64).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export type ActivityQuery = z.infer<typeof ActivityQuery>

export const MarkActivitySeen = z.object({ upTo: z.number().int().nonnegative() })
export type MarkActivitySeen = z.infer<typeof MarkActivitySeen>
