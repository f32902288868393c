import * as buffer from 'lib0/buffer'
import * as sha256 from 'lib0/hash/sha256'
import { z } from 'zod'
import { DELETION_MARK } from './names.ts'

/** Who proposes: a delegation's ISO code, or the co-facilitators' own text. */
export const CO_FACILITATORS = 'co-facilitators'

export const PROPOSAL_ID_PATTERN = /^[0-9a-z-]{6,64}$/
export const PROPOSER_PATTERN = /^([A-Z]{3}|co-facilitators)$/

/**
 * What a proposal mark or block attribute holds: exactly these two keys. A ref with any other
 * key is refused (an extra key would be stored for good and travel to every client).
 */
export const ProposalRef = z.strictObject({
  proposalId: z.string().regex(PROPOSAL_ID_PATTERN),
  delegation: z.string().regex(PROPOSER_PATTERN),
})
export type ProposalRef = z.infer<typeof ProposalRef>

/** The ref a value holds, or null if it is not exactly a ref. */
export function refOf(value: unknown): ProposalRef | null {
  // Most values asked about are no ref at all (plain text has no mark): answered before zod,
  // whose failures build an error each.
  if (typeof value !== 'object' || value === null) return null
  const parsed = ProposalRef.safeParse(value)
  return parsed.success ? parsed.data : null
}

/**
 * The Yjs formatting key of a deletion mark. The mark does not exclude itself (deletions may
 * overlap), so y-prosemirror stores each one under `deletion--<hash of the mark's JSON>`; the
 * server writes and checks the same keys. Mirrors y-tiptap's `hashOfJSON` (sha256, folded to
 * 6 bytes, base64).
 */
export function deletionKey(ref: ProposalRef): string {
  const json = {
    type: DELETION_MARK,
    attrs: { proposalId: ref.proposalId, delegation: ref.delegation },
  }
  const digest = sha256.digest(buffer.encodeAny(json))
  const folded = 6
  for (let i = folded; i < digest.length; i++) {
    digest[i % folded] = (digest[i % folded] ?? 0) ^ (digest[i] ?? 0)
  }
  return `${DELETION_MARK}--${buffer.toBase64(digest.slice(0, folded))}`
}

/** Whether a formatting key is a deletion mark's (hashed, as y-prosemirror writes them). */
export const isDeletionKey = (key: string): boolean => key.startsWith(`${DELETION_MARK}--`)
