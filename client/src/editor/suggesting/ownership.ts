import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model'
import {
  DELETED_BY_ATTR,
  DELETION_MARK,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  type ProposalRef,
  type ProposalStatus,
} from '../../../../shared/proposals.ts'

/** What the suggesting mode needs to know of a proposal's record (server-written). */
export interface RecordSummary {
  status: ProposalStatus
  delegation: string
  authorName?: string
}

/** Finds the record of a proposal id, or undefined before the server has created it. */
export type RecordLookup = (proposalId: string) => RecordSummary | undefined

/** Who is proposing, and how to tell their proposals from everyone else's. */
export interface Proposer {
  /** A delegation's code (`FRA`) or `co-facilitators`, as the server attributes the writer. */
  delegation: string
  records: RecordLookup
}

const PROPOSAL_ID = /^[0-9a-z-]{6,64}$/

/** The `{ proposalId, delegation }` of a mark or block attribute, or null if it is not one. */
export function refOf(value: unknown): ProposalRef | null {
  if (typeof value !== 'object' || value === null) return null
  const { proposalId, delegation } = value as Record<string, unknown>
  if (typeof proposalId !== 'string' || !PROPOSAL_ID.test(proposalId)) return null
  if (typeof delegation !== 'string') return null
  return { proposalId, delegation }
}

/**
 * Whether a reference is the proposer's own, still changeable: it names the proposer's
 * delegation and a proposal that is either not recorded yet (just typed) or open and theirs.
 * The server's rule book (server/policies/draftChange.ts) applies the same test.
 */
export function isOwnRef(value: unknown, proposer: Proposer): boolean {
  const ref = refOf(value)
  if (!ref || ref.delegation !== proposer.delegation) return false
  const record = proposer.records(ref.proposalId)
  return !record || (record.status === 'open' && record.delegation === proposer.delegation)
}

/** The proposal id of the proposer's own insertion mark on `node`, if any. */
export function ownInsertionId(node: ProseMirrorNode | null, proposer: Proposer): string | null {
  const mark = node?.marks.find((m) => m.type.name === INSERTION_MARK)
  return mark && isOwnRef(mark.attrs, proposer) ? (refOf(mark.attrs)?.proposalId ?? null) : null
}

/** The proposal id of the proposer's own deletion mark on `node`, if any. */
export function ownDeletionId(node: ProseMirrorNode | null, proposer: Proposer): string | null {
  const mark = node?.marks.find((m) => m.type.name === DELETION_MARK && isOwnRef(m.attrs, proposer))
  return mark ? (refOf(mark.attrs)?.proposalId ?? null) : null
}

/** The proposal id of the block if the proposer proposed it (`insertedBy`), else null. */
export function ownInsertedBlockId(node: ProseMirrorNode, proposer: Proposer): string | null {
  const value: unknown = node.attrs[INSERTED_BY_ATTR]
  return isOwnRef(value, proposer) ? (refOf(value)?.proposalId ?? null) : null
}

/** Whether the block carries the proposer's own proposal to delete it. */
export const isOwnDeletedBlock = (node: ProseMirrorNode, proposer: Proposer): boolean =>
  isOwnRef(node.attrs[DELETED_BY_ATTR], proposer)

/** Marks that new text keeps from what was typed or pasted: only italic, never others' marks. */
export const keptMarks = (marks: readonly Mark[]): Mark[] =>
  marks.filter((mark) => mark.type.name === 'italic')
