import { z } from 'zod'
import { AD_REF_ATTR, AD_REF_BLOCKS } from './draft/names.ts'

/**
 * Paragraphs agreed ad referendum (DESIGN.md 6b, issue 16): the co-facilitators mark a numbered
 * paragraph or action "agreed ad ref", and it takes no proposals, and no edits by anyone, until
 * they reopen it. The status is the block's `adRef` attribute in the draft, which only the
 * server writes (through the co-facilitators' HTTP command).
 */

export const PARAGRAPH_STATUSES = ['adRef', 'open'] as const
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number]

/** `POST /api/negotiations/:nid/blocks/:uid/status`. */
export const ParagraphStatusRequest = z.strictObject({ status: z.enum(PARAGRAPH_STATUSES) })
export type ParagraphStatusRequest = z.infer<typeof ParagraphStatusRequest>

export const ParagraphStatusResponse = z.object({
  uid: z.string(),
  status: z.enum(PARAGRAPH_STATUSES),
  /** The block's number when its status changed ("23 bis", "d bis)"). */
  label: z.string().nullable(),
})
export type ParagraphStatusResponse = z.infer<typeof ParagraphStatusResponse>

/** Whether a block of this node type can be agreed ad referendum. */
export const mayBeAdRef = (nodeType: string): boolean =>
  (AD_REF_BLOCKS as readonly string[]).includes(nodeType)

/** Whether a block's attributes say it is agreed ad referendum. */
export const isAdRefAttrs = (attrs: Record<string, unknown> | undefined): boolean =>
  attrs?.[AD_REF_ATTR] === true

/** What the outline says of an objective: how many of its paragraphs and actions are ad ref. */
export interface AdRefCount {
  adRef: number
  total: number
}
