import type { DraftJSON } from '../numbering.ts'
import {
  BRACKETED_MARK,
  CO_FACILITATORS_DELETION_MARK,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  withBrackets,
} from '../draft/index.ts'

/**
 * A revision is compared on its agreed text: open proposals are not yet part of it. Proposed
 * text (`insertion` mark) is left out; text proposed for deletion (`deletion` mark) is still
 * agreed text and is kept as normal text. The co-facilitators' own edits are direct: what they
 * typed is agreed text, what they struck out is not any more (the next revision removes it).
 * Square brackets are part of the text as printed: "[" and "]" around each bracketed run of
 * the agreed text, so that placing or removing them reads as a change in a comparison.
 */

const LEFT_OUT_MARKS: readonly string[] = [INSERTION_MARK, CO_FACILITATORS_DELETION_MARK]

const isProposedText = (node: DraftJSON): boolean =>
  node.marks?.some((mark) => LEFT_OUT_MARKS.includes(mark.type)) ?? false

const isBracketed = (node: DraftJSON): boolean =>
  node.marks?.some((mark) => mark.type === BRACKETED_MARK) ?? false

/** The agreed text of a text block: its text without proposed insertions, with its brackets. */
export function agreedTextOf(block: DraftJSON): string {
  if (block.type === 'text') return isProposedText(block) ? '' : (block.text ?? '')
  const content = block.content ?? []
  if (!content.some((child) => child.type === 'text')) return content.map(agreedTextOf).join('')
  const agreed = content.filter((child) => child.type === 'text' && !isProposedText(child))
  return withBrackets(agreed, isBracketed, (text): DraftJSON => ({ type: 'text', text }))
    .map((node) => node.text ?? '')
    .join('')
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
