import { z } from 'zod'
import { PresentedProposal } from './proposals.ts'

/**
 * The history of one paragraph, action or heading (issue 14): every proposal made on it and
 * its outcome, and how it read in each published revision.
 */
export const BlockInRevision = z.object({
  revisionId: z.string(),
  symbol: z.string(),
  publishedAt: z.string(),
  /** How the block relates to this revision's: absent (new since), unchanged, changed, moved. */
  status: z.enum(['absent', 'unchanged', 'changed', 'moved']),
  /** Its number there ("17.", "a)"), and its agreed text there. */
  label: z.string().nullable(),
  text: z.string().nullable(),
})
export type BlockInRevision = z.infer<typeof BlockInRevision>

export const BlockHistory = z.object({
  uid: z.string(),
  /** Its number and agreed text in the live draft now. */
  label: z.string().nullable(),
  text: z.string(),
  /** Oldest first, whatever became of them. */
  proposals: z.array(PresentedProposal),
  /** Oldest first. */
  revisions: z.array(BlockInRevision),
})
export type BlockHistory = z.infer<typeof BlockHistory>
