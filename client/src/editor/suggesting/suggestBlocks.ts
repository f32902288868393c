import {
  Fragment,
  type Node as ProseMirrorNode,
  type ResolvedPos,
  type Slice,
} from '@tiptap/pm/model'
import { Selection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import {
  DELETED_BY_ATTR,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  PROPOSABLE_BLOCKS,
  type ProposalRef,
} from '../../../../shared/draft/index.ts'
import { refOf } from '../../../../shared/draft/index.ts'
import { isOwnDeletedBlock, keptMarks, ownInsertedBlockId } from './ownership.ts'
import { refused, type SuggestingContext, type Suggestion } from './suggestion.ts'

/** Whether a block may be proposed, or proposed for deletion, as a whole. */
export const isProposableBlock = (node: ProseMirrorNode): boolean =>
  (PROPOSABLE_BLOCKS as readonly string[]).includes(node.type.name)

/** The proposal id of the proposer's own proposed block that holds `$pos`, if any. */
export function ownBlockIdAround($pos: ResolvedPos, context: SuggestingContext): string | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const id = ownInsertedBlockId($pos.node(depth), context)
    if (id) return id
  }
  return null
}

/**
 * A block as the proposer's proposal: `insertedBy` on the block itself, none on what it holds,
 * and all its text marked as the proposer's insertion (the server checks every character).
 */
export function asProposedBlock(
  node: ProseMirrorNode,
  ref: ProposalRef,
  isTop = true,
): ProseMirrorNode {
  const { schema } = node.type
  if (node.isText) {
    const insertion = schema.marks[INSERTION_MARK]?.create(ref)
    return insertion ? node.mark(insertion.addToSet(keptMarks(node.marks))) : node
  }
  const attrs: Record<string, unknown> = { ...node.attrs }
  if (INSERTED_BY_ATTR in attrs) attrs[INSERTED_BY_ATTR] = isTop ? ref : null
  if (DELETED_BY_ATTR in attrs) attrs[DELETED_BY_ATTR] = null
  const children: ProseMirrorNode[] = []
  node.forEach((child) => children.push(asProposedBlock(child, ref, false)))
  return node.type.create(attrs, Fragment.fromArray(children), node.marks)
}

/** Whole blocks inserted between blocks (toolbar, paste): each one proposed. */
export function proposeBlocks(
  state: EditorState,
  at: number,
  slice: Slice,
  context: SuggestingContext,
  original: Transaction,
): Suggestion {
  const nodes: ProseMirrorNode[] = []
  let isProposable = true
  slice.content.forEach((node) => {
    if (!isProposableBlock(node)) isProposable = false
    nodes.push(node)
  })
  if (!isProposable) return refused('structure')
  // Inside the proposer's own proposed objective, a new action belongs to the same proposal.
  const proposalId = ownBlockIdAround(state.doc.resolve(at), context) ?? context.newProposalId()
  const ref = { proposalId, delegation: context.delegation }
  const tr = state.tr.insert(
    at,
    Fragment.fromArray(nodes.map((node) => asProposedBlock(node, ref))),
  )
  // Same shape as the original: its selection (inside the new block) holds as is.
  tr.setSelection(original.selection.getBookmark().resolve(tr.doc))
  if (original.scrolledIntoView) tr.scrollIntoView()
  return { type: 'rewritten', tr, textOps: [] }
}

/**
 * Whole blocks deleted (a selected paragraph or action): the proposer's own proposed blocks go,
 * the others are proposed for deletion.
 */
export function proposeBlockDeletions(
  state: EditorState,
  from: number,
  to: number,
  context: SuggestingContext,
): Suggestion {
  const $from = state.doc.resolve(from)
  const parent = $from.parent
  const ref = { proposalId: context.newProposalId(), delegation: context.delegation }
  const tr = state.tr
  for (let index = state.doc.resolve(to).index() - 1; index >= $from.index(); index--) {
    const node = parent.child(index)
    const pos = $from.posAtIndex(index)
    if (!isProposableBlock(node)) return refused('structure')
    if (ownInsertedBlockId(node, context)) tr.delete(pos, pos + node.nodeSize)
    else if (!node.attrs[DELETED_BY_ATTR]) tr.setNodeAttribute(pos, DELETED_BY_ATTR, ref)
  }
  tr.setSelection(Selection.near(tr.doc.resolve(tr.mapping.map(from))))
  return { type: 'rewritten', tr, textOps: [] }
}

/**
 * Backspace at the start of, or Delete at the end before, an empty block the proposer has
 * proposed: the block goes, as Enter made it. Null when that is not the case.
 */
export function removeEmptyOwnBlock(
  state: EditorState,
  $from: ResolvedPos,
  $to: ResolvedPos,
  context: SuggestingContext,
): Suggestion | null {
  for (const [$pos, isBackspace] of [
    [$to, true],
    [$from, false],
  ] as const) {
    const block = $pos.parent
    if (!block.isTextblock || block.content.size > 0) continue
    if (!isProposableBlock(block) || !ownInsertedBlockId(block, context)) continue
    const tr = state.tr.delete($pos.before(), $pos.after())
    const target = isBackspace ? $from.pos : tr.mapping.map($to.pos)
    tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(target, tr.doc.content.size)), -1))
    return { type: 'rewritten', tr, textOps: [] }
  }
  return null
}

/** The node type Enter proposes after a block: the same kind, an action after a commitment. */
function nextBlockType(block: ProseMirrorNode): string | null {
  switch (block.type.name) {
    case 'paragraph':
    case 'principle':
    case 'action':
      return block.type.name
    case 'commitment':
      return 'action'
    case 'sectionTitle':
      return 'paragraph'
    default:
      return null
  }
}

/**
 * Enter in suggesting mode: at the end of a block, a new empty block of the same kind after
 * it, proposed; in the middle of a block, nothing (agreed text is not split). Null when Enter
 * cannot propose a block here.
 */
export function proposeNewBlockAfter(
  state: EditorState,
  context: SuggestingContext,
): Transaction | null {
  const { $from, empty } = state.selection
  const block = $from.parent
  if (!empty || !block.isTextblock || $from.parentOffset !== block.content.size) return null
  const typeName = nextBlockType(block)
  const type = typeName ? state.schema.nodes[typeName] : undefined
  if (!type) return null
  const depth = $from.depth
  const container = $from.node(depth - 1)
  const index = $from.index(depth - 1) + 1
  if (!container.canReplaceWith(index, index, type)) return null
  const proposalId = ownBlockIdAround($from, context) ?? context.newProposalId()
  const node = type.create({ [INSERTED_BY_ATTR]: { proposalId, delegation: context.delegation } })
  const pos = $from.after(depth)
  const tr = state.tr.insert(pos, node)
  tr.setSelection(TextSelection.create(tr.doc, pos + 1)).scrollIntoView()
  return tr
}

/** The block "Proposer la suppression" acts on: the paragraph, action or objective at the cursor. */
export function blockToDelete(state: EditorState): { node: ProseMirrorNode; pos: number } | null {
  const { $from } = state.selection
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    if (isProposableBlock(node)) return { node, pos: $from.before(depth) }
  }
  return null
}

/** What the deletion button would do to the block at the cursor. */
export type BlockDeletionState =
  | { type: 'propose' }
  | { type: 'withdraw' }
  | { type: 'remove' }
  /** Another delegation already proposes to delete it: support that proposal instead. */
  | { type: 'proposedByOther'; delegation: string }
  | { type: 'none' }

export function blockDeletionState(
  state: EditorState,
  context: SuggestingContext,
): BlockDeletionState {
  const target = blockToDelete(state)
  if (!target) return { type: 'none' }
  if (ownInsertedBlockId(target.node, context)) return { type: 'remove' }
  if (isOwnDeletedBlock(target.node, context)) return { type: 'withdraw' }
  const other = refOf(target.node.attrs[DELETED_BY_ATTR])
  if (other) return { type: 'proposedByOther', delegation: other.delegation }
  return { type: 'propose' }
}

/**
 * Proposes to delete the block at the cursor, withdraws the proposer's own proposal to delete
 * it, or removes it if the proposer proposed the block itself. Null when nothing applies.
 */
export function toggleBlockDeletion(
  state: EditorState,
  context: SuggestingContext,
): Transaction | null {
  const target = blockToDelete(state)
  if (!target) return null
  const { node, pos } = target
  switch (blockDeletionState(state, context).type) {
    case 'remove': {
      const tr = state.tr.delete(pos, pos + node.nodeSize)
      return tr.setSelection(Selection.near(tr.doc.resolve(Math.min(pos, tr.doc.content.size)), -1))
    }
    case 'withdraw':
      return state.tr.setNodeAttribute(pos, DELETED_BY_ATTR, null)
    case 'propose':
      return state.tr.setNodeAttribute(pos, DELETED_BY_ATTR, {
        proposalId: context.newProposalId(),
        delegation: context.delegation,
      })
    case 'proposedByOther':
    case 'none':
      return null
  }
}
