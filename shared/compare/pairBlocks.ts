import type { ComparableBlock } from './comparableBlocks.ts'
import { pairBySimilarity } from './similarity.ts'

/** Two versions of one block, or a block on one side only. */
export interface BlockPairing {
  /** Paired blocks, in the order of `from`. */
  pairs: [ComparableBlock, ComparableBlock][]
  deleted: ComparableBlock[]
  inserted: ComparableBlock[]
}

/** Blocks by uid, first occurrence only: a duplicated uid leaves the copy to similarity. */
function byUid(blocks: readonly ComparableBlock[]): Map<string, ComparableBlock> {
  const map = new Map<string, ComparableBlock>()
  for (const block of blocks) {
    if (block.uid !== null && !map.has(block.uid)) map.set(block.uid, block)
  }
  return map
}

/**
 * Pairs blocks of the same type and the same text, in order. They are what the similarity pass
 * would pair first (a Dice coefficient of 1); doing it in linear time leaves that pass, which is
 * quadratic at worst, only the blocks that changed in an imported revision.
 */
function pairIdentical(
  from: readonly ComparableBlock[],
  to: readonly ComparableBlock[],
): [ComparableBlock, ComparableBlock][] {
  const waiting = new Map<string, ComparableBlock[]>()
  const keyOf = (block: ComparableBlock) => `${block.type}\u0000${block.text}`
  for (const block of to) {
    const same = waiting.get(keyOf(block))
    if (same) same.push(block)
    else waiting.set(keyOf(block), [block])
  }
  return from.flatMap((block): [ComparableBlock, ComparableBlock][] => {
    const match = waiting.get(keyOf(block))?.shift()
    return match ? [[block, match]] : []
  })
}

/** Pairs the text blocks of two revisions: by uid, then identical text, then similarity. */
export function pairBlocks(
  from: readonly ComparableBlock[],
  to: readonly ComparableBlock[],
): BlockPairing {
  const toByUid = byUid(to)
  const partner = new Map<ComparableBlock, ComparableBlock>()
  for (const block of byUid(from).values()) {
    const match = block.uid === null ? undefined : toByUid.get(block.uid)
    if (match) partner.set(block, match)
  }
  const pairedTo = new Set(partner.values())
  const pair = (fromBlock: ComparableBlock, toBlock: ComparableBlock) => {
    partner.set(fromBlock, toBlock)
    pairedTo.add(toBlock)
  }
  const unpaired = () => ({
    from: from.filter((block) => !partner.has(block)),
    to: to.filter((block) => !pairedTo.has(block)),
  })
  const left = unpaired()
  for (const [fromBlock, toBlock] of pairIdentical(left.from, left.to)) pair(fromBlock, toBlock)
  const rest = unpaired()
  for (const [fromBlock, toBlock] of pairBySimilarity(rest.from, rest.to, from.length, to.length)) {
    pair(fromBlock, toBlock)
  }
  return {
    pairs: from.flatMap((block) => {
      const match = partner.get(block)
      return match ? [[block, match] as [ComparableBlock, ComparableBlock]] : []
    }),
    deleted: from.filter((block) => !partner.has(block)),
    inserted: to.filter((block) => !pairedTo.has(block)),
  }
}
