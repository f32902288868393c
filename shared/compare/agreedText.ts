import type { DraftJSON } from '../numbering.ts'
import { CO_FACILITATORS_DELETION_MARK, INSERTED_BY_ATTR, INSERTION_MARK } from '../draft/index.ts'

/**
 * A revision is compared on its agreed text: open proposals are not yet part of it. Proposed
 * text (`insertion` mark) is left out; text proposed for deletion (`deletion` mark) is still
 * agreed text and is kept as normal text. The co-facilitators' own edits are direct: what they
 * typed is agreed text, what they struck out is not any more (the next revision removes it).
 */

const LEFT_OUT_MARKS: readonly string[] = [INSERTION_MARK, CO_FACILITATORS_DELETION_MARK]

const isProposedText = (node: DraftJSON): boolean =>
  node.marks?.some((mark) => LEFT_OUT_MARKS.includes(mark.type)) ?? false

/** The agreed text of a text block: its text without proposed insertions. */
export function agreedTextOf(block: DraftJSON): string {
  if (block.type === 'text') return isProposedText(block) ? '' : (block.text ?? '')
  return (block.content ?? []).map(agreedTextOf).join('')
}

/** Whether a whole block (paragraph, action, objective ...) is a proposal not yet accepted. */
export const isProposedBlock = (node: DraftJSON): boolean => node.attrs?.[INSERTED_BY_ATTR] != null

/** The draft without its proposed blocks, so that they are neither compared nor numbered. */
export function withoutProposedBlocks(node: DraftJSON): DraftJSON {
  if (!node.content) return node
  return {
    ...node,
    content: node.content.filter((child) => !isProposedBlock(child)).map(withoutProposedBlocks),
  }
}
