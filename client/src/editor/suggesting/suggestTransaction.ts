import { Fragment, type Node as ProseMirrorNode, type Slice } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform'
import { DELETION_MARK, INSERTION_MARK } from '../../../../shared/draft/index.ts'
import {
  ownBlockIdAround,
  proposeBlocks,
  proposeBlockDeletions,
  removeEmptyOwnBlock,
} from './suggestBlocks.ts'
import { ownDeletionId, ownInsertionId } from './ownership.ts'
import { refused, type SuggestingContext, type Suggestion } from './suggestion.ts'
import { textSegments, trackText, type TextTracking } from './trackText.ts'

export interface Replacement {
  from: number
  to: number
  slice: Slice
}

/**
 * Rewrites a local transaction as the proposer's proposals (DESIGN.md section 3), the way a
 * word processor tracks changes: new text carries the proposer's insertion mark; deleting the
 * proposer's own proposed text really deletes it, any other text is marked for deletion
 * instead and stays; whole new blocks carry `insertedBy`, deleted ones `deletedBy`. What comes
 * out is what the server's rule book (server/policies/draftChange.ts) accepts; joining or
 * splitting agreed blocks and formatting are refused.
 */
export function suggestTransaction(
  state: EditorState,
  original: Transaction,
  context: SuggestingContext,
): Suggestion {
  for (const step of original.steps) {
    if (step instanceof ReplaceStep) continue
    const isFormatting = step instanceof AddMarkStep || step instanceof RemoveMarkStep
    return refused(isFormatting ? 'format' : 'structure')
  }
  // Dragging text within the text is a deletion and an insertion far apart: read as one
  // change, it would mark everything between them.
  if (original.steps.length > 1 && original.getMeta('uiEvent') === 'drop') return refused('move')
  const replacement = replacementOf(original)
  if (!replacement) return { type: 'rewritten', tr: original, textOps: [] }
  return suggestReplacement(state, replacement, context, original)
}

// One step says exactly what the user did; several (rare for typing) are read as one change
// by comparing the documents before and after.
export function replacementOf(original: Transaction): Replacement | null {
  const [step] = original.steps
  if (original.steps.length === 1 && step instanceof ReplaceStep) {
    return { from: step.from, to: step.to, slice: step.slice }
  }
  const before = original.before
  const after = original.doc
  const start = before.content.findDiffStart(after.content)
  const end = before.content.findDiffEnd(after.content)
  if (start === null || !end) return null
  let { a: endBefore, b: endAfter } = end
  // Repeated content makes the two ends overlap: move them right, as ProseMirror does.
  const overlap = start - Math.min(endBefore, endAfter)
  if (overlap > 0) {
    endBefore += overlap
    endAfter += overlap
  }
  return { from: start, to: endBefore, slice: after.slice(start, endAfter) }
}

function suggestReplacement(
  state: EditorState,
  { from, to, slice }: Replacement,
  context: SuggestingContext,
  original: Transaction,
): Suggestion {
  const { doc } = state
  const $from = doc.resolve(from)
  const $to = doc.resolve(to)
  const isBetweenBlocks = !$from.parent.isTextblock
  const firstChild = slice.content.firstChild
  if (from === to && isBetweenBlocks && firstChild?.isBlock && slice.openStart === 0) {
    return proposeBlocks(state, from, slice, context, original)
  }
  if (slice.size === 0 && from < to && isBetweenBlocks && $from.sameParent($to)) {
    return proposeBlockDeletions(state, from, to, context)
  }
  const inserted = inlineContentOf(slice, state)
  if (inserted === null) return refused('split')
  return suggestText(state, from, to, inserted, context, original)
}

/**
 * The inline content of a slice: typed or pasted text as is; pasted paragraphs flattened into
 * one line (a proposal does not split agreed blocks). Null for a bare split (Enter).
 */
export function inlineContentOf(slice: Slice, state: EditorState): Fragment | null {
  const { content } = slice
  let hasBlocks = false
  content.forEach((node) => {
    if (node.isBlock) hasBlocks = true
  })
  if (!hasBlocks) return content
  const lines: Fragment[] = []
  content.descendants((node) => {
    if (node.isTextblock) {
      if (node.content.size > 0) lines.push(node.content)
      return false
    }
    return true
  })
  if (lines.length === 0) return null
  const space = state.schema.text(' ')
  return lines.reduce((joined, line) => joined.append(Fragment.from(space)).append(line))
}

/**
 * The proposal new text and deletions join: the proposer's own proposed block around them, or
 * an own proposal right beside them (typing on extends it, a replacement is one proposal),
 * else a new one.
 */
function proposalIdAt(
  doc: ProseMirrorNode,
  from: number,
  to: number,
  context: SuggestingContext,
): string {
  const $from = doc.resolve(from)
  const blockId = ownBlockIdAround($from, context)
  if (blockId) return blockId
  const $to = doc.resolve(to)
  const before = $from.parent.isTextblock ? $from.nodeBefore : null
  const after = $to.parent.isTextblock ? $to.nodeAfter : null
  return (
    ownInsertionId(before, context) ??
    ownInsertionId(after, context) ??
    ownDeletionId(before, context) ??
    ownDeletionId(after, context) ??
    context.newProposalId()
  )
}

function suggestText(
  state: EditorState,
  from: number,
  to: number,
  inserted: Fragment,
  context: SuggestingContext,
  original: Transaction,
): Suggestion {
  const { doc, schema } = state
  const segments = textSegments(doc, from, to)
  const $from = doc.resolve(from)
  const $to = doc.resolve(to)
  if (from < to && segments.length === 0 && inserted.size === 0) {
    // Backspace at the start of a block, Delete at the end: a join, unless it removes an
    // empty block the proposer has just proposed.
    return removeEmptyOwnBlock(state, $from, $to, context) ?? refused('join')
  }
  const insertsText = inserted.size > 0
  if (insertsText && !$to.parent.isTextblock) return refused('structure')

  const ref = { proposalId: proposalIdAt(doc, from, to, context), delegation: context.delegation }
  const insertion = schema.marks[INSERTION_MARK]?.create(ref)
  const deletion = schema.marks[DELETION_MARK]?.create(ref)
  if (!insertion || !deletion) return refused('structure')
  const tracking: TextTracking = {
    insertion,
    deletion,
    isOwnNewText: (node) => ownInsertionId(node, context) !== null,
    isStruckOut: (node) => ownDeletionId(node, context) !== null,
  }
  return { type: 'rewritten', ...trackText(state, from, to, inserted, tracking, original) }
}
