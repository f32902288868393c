import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model'
import {
  DELETED_BY_ATTR,
  DELETION_MARK,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  MARKS_KEPT_IN_PROPOSALS,
  isOwnRef,
  refOf,
  type Proposer,
} from '../../../../shared/draft/index.ts'

// The suggesting mode's questions about ProseMirror nodes, answered with the draft's contract
// (`shared/draft/ownership.ts`), which the server's validator applies to the same values.

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
  marks.filter((mark) => MARKS_KEPT_IN_PROPOSALS.includes(mark.type.name))
