import type { DraftJSON, NumberingBase } from '../numbering.ts'
import { comparableBlocksOf, type ComparableBlock } from './comparableBlocks.ts'
import type { Comparison, ComparedParagraph, ComparisonStatus } from './comparisonSchema.ts'
import { longestIncreasingSubsequence } from './longestIncreasingSubsequence.ts'
import { pairBlocks } from './pairBlocks.ts'
import { summarizeComparison } from './summarizeComparison.ts'
import { diffWords } from './wordDiff.ts'

function present(
  status: ComparisonStatus,
  from: ComparableBlock | null,
  to: ComparableBlock | null,
): ComparedParagraph {
  const block = to ?? from
  if (!block) throw new Error('a compared paragraph needs at least one side')
  return {
    status,
    fromUid: from?.uid ?? null,
    toUid: to?.uid ?? null,
    type: block.type,
    fromNumber: from?.label ?? null,
    toNumber: to?.label ?? null,
    objective: block.objective,
    sectionKind: block.sectionKind,
    diff: diffWords(from?.text ?? '', to?.text ?? ''),
  }
}

/**
 * Compares two revisions on their agreed text. Blocks are paired by uid, then by similarity;
 * the largest set of pairs still in the same relative order (a longest increasing subsequence)
 * stays in place, so that a renumbering caused by an insertion above is no change, and any other
 * pair has `moved`. Inside each pair, a French-aware word diff.
 *
 * `bases`: what each side is numbered against (the live draft: its last revision).
 */
export function compareDrafts(
  from: DraftJSON,
  to: DraftJSON,
  bases: { from?: NumberingBase; to?: NumberingBase } = {},
): Comparison {
  const fromBlocks = comparableBlocksOf(from, bases.from)
  const toBlocks = comparableBlocksOf(to, bases.to)
  const { pairs, deleted, inserted } = pairBlocks(fromBlocks, toBlocks)
  const inPlace = longestIncreasingSubsequence(pairs.map(([, toBlock]) => toBlock.index))

  const atTo = new Map<ComparableBlock, ComparedParagraph>()
  const stayedAs = new Map<ComparableBlock, ComparableBlock>()
  pairs.forEach(([fromBlock, toBlock], i) => {
    const status = !inPlace.has(i)
      ? 'moved'
      : fromBlock.text === toBlock.text
        ? 'unchanged'
        : 'changed'
    atTo.set(toBlock, present(status, fromBlock, toBlock))
    if (inPlace.has(i)) stayedAs.set(fromBlock, toBlock)
  })
  for (const toBlock of inserted) atTo.set(toBlock, present('inserted', null, toBlock))

  // A deleted block is shown where it stood: after the last block before it that stayed.
  const isDeleted = new Set(deleted)
  const deletedAfter = new Map<ComparableBlock | null, ComparedParagraph[]>()
  let anchor: ComparableBlock | null = null
  for (const fromBlock of fromBlocks) {
    anchor = stayedAs.get(fromBlock) ?? anchor
    if (!isDeleted.has(fromBlock)) continue
    const shown = deletedAfter.get(anchor) ?? []
    shown.push(present('deleted', fromBlock, null))
    deletedAfter.set(anchor, shown)
  }

  const paragraphs: ComparedParagraph[] = [...(deletedAfter.get(null) ?? [])]
  for (const toBlock of toBlocks) {
    const shown = atTo.get(toBlock)
    if (shown) paragraphs.push(shown)
    paragraphs.push(...(deletedAfter.get(toBlock) ?? []))
  }
  return { paragraphs, summary: summarizeComparison(paragraphs) }
}
