import { z } from 'zod'
import { Policies } from './accountsApi.ts'
import { RevisionSummary } from './revisions.ts'
import { SilenceProcedure } from './silence/silenceSchema.ts'

/**
 * The public HTTP contract (DESIGN.md section 7), one zod schema per shape; the server presents
 * these and the client parses them, so that neither can drift from the other.
 */

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
})
export type ErrorBody = z.infer<typeof ErrorBody>

export const Delegation = z.object({
  code: z.string().regex(/^[A-Z]{3}$/),
  nameFr: z.string(),
  nameEn: z.string(),
})
export type Delegation = z.infer<typeof Delegation>

/** A delegation seated in a negotiation, with its colour there (stable, given at joining). */
export const Participant = Delegation.extend({ color: z.string() })
export type Participant = z.infer<typeof Participant>

export const NegotiationSummary = z.object({
  id: z.string(),
  title: z.string(),
  /** The language of the text itself (the UI language is the user's choice). */
  language: z.enum(['fr', 'en']),
  roomName: z.string(),
  createdAt: z.string(),
})
export type NegotiationSummary = z.infer<typeof NegotiationSummary>

export const NegotiationDetail = NegotiationSummary.extend({
  delegations: z.array(Participant),
  coFacilitators: z.array(Participant),
  revisions: z.array(RevisionSummary),
  silenceProcedure: SilenceProcedure.nullable(),
  /** What the signed-in user may do here: the client shows only that. */
  policies: Policies,
})
export type NegotiationDetail = z.infer<typeof NegotiationDetail>

export const NegotiationList = z.object({ negotiations: z.array(NegotiationSummary) })
export type NegotiationList = z.infer<typeof NegotiationList>

const DraftNode: z.ZodType<{
  type: string
  attrs?: Record<string, unknown>
  content?: unknown[]
  text?: string
  marks?: unknown[]
}> = z.lazy(() =>
  z.object({
    type: z.string(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(DraftNode).optional(),
    text: z.string().optional(),
    marks: z.array(z.unknown()).optional(),
  }),
)

export const BlockNumberSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), paragraph: z.number(), label: z.string() }),
  z.object({ kind: z.literal('objective'), objective: z.number(), label: z.string() }),
  z.object({
    kind: z.literal('action'),
    objective: z.number(),
    letter: z.string(),
    label: z.string(),
  }),
])

export const DraftResponse = z.object({
  negotiationId: z.string(),
  roomName: z.string(),
  /** The live draft as ProseMirror JSON. */
  document: DraftNode,
  /** The number of every numbered block, by uid (see shared/numbering.ts). */
  numbering: z.record(z.string(), BlockNumberSchema),
})
export type DraftResponse = z.infer<typeof DraftResponse>

export const Health = z.object({
  status: z.literal('ok'),
  uptimeSeconds: z.number(),
  /** Demo mode: the demo accounts (password `demo`) exist. */
  demo: z.boolean(),
})
