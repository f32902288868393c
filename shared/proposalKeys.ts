import * as buffer from 'lib0/buffer'
import * as sha256 from 'lib0/hash/sha256'
import { DELETION_MARK, type ProposalRef } from './proposals.ts'

/**
 * The Yjs formatting key of a deletion mark. The mark does not exclude itself (deletions may
 * overlap), so y-prosemirror stores each one under `deletion--<hash of the mark's JSON>`; the
 * server writes and reads the same keys when it decides proposals. Mirrors y-tiptap's
 * `hashOfJSON` (sha256, folded to 6 bytes, base64).
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
