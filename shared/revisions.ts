import { z } from 'zod'

/** Revisions (DESIGN.md section 4): immutable published snapshots of the draft. */

export const MAX_SYMBOL_LENGTH = 40

export const RevisionSummary = z.object({
  id: z.string(),
  negotiationId: z.string(),
  symbol: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  author: z.string(),
  source: z.enum(['live', 'import']),
  contentHash: z.string(),
  /** The round current when it was published (`shared/rounds.ts`); null if there was none. */
  roundId: z.string().nullable(),
})
export type RevisionSummary = z.infer<typeof RevisionSummary>

export const PublishRevisionRequest = z.object({
  symbol: z.string().trim().min(1).max(MAX_SYMBOL_LENGTH),
  title: z.string().trim().min(1).max(300),
})

export const RevisionList = z.object({ revisions: z.array(RevisionSummary) })
export type RevisionList = z.infer<typeof RevisionList>
