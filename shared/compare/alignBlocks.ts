import type { ComparableBlock } from './comparableBlocks.ts'
import { longestIncreasingSubsequence } from './longestIncreasingSubsequence.ts'
import { pairBySimilarity, SIMILARITY_THRESHOLD, TextSimilarity } from './similarity.ts'

/**
 * One block of `from` and its version in `to` (one to one), or a paragraph split in two (one in
 * `from`, two consecutive in `to`), or two merged into one (two consecutive in `from`, one in `to`).
 */
export interface BlockGroup {
  from: ComparableBlock[]
  to: ComparableBlock[]
}

export interface BlockAlignment {
  /** In the order of their first block in `from`. */
  groups: BlockGroup[]
  deleted: ComparableBlock[]
  inserted: ComparableBlock[]
}

/** From this Dice coefficient two blocks are one block barely touched: an anchor like a uid. */
const NEAR_IDENTICAL = 0.8
/**
 * Two joined blocks are a split of the third (or a merge into it) when, joined, they close at
 * least this share of the distance that the closer of them alone leaves.
 */
const JOIN_GAIN = 0.5
/** Beyond this many candidate pairs a gap is left to the similarity pass (a whole new text). */
const MAX_GAP_CELLS = 250_000

/** Two consecutive blocks read as one, for comparing with the block they came from. */
export const joinedText = (blocks: readonly ComparableBlock[]): string =>
  blocks.map((block) => block.text).join('\n')

/** Blocks by uid, first occurrence only: a duplicated uid leaves the copy to the text passes. */
function byUid(blocks: readonly ComparableBlock[]): Map<string, ComparableBlock> {
  const map = new Map<string, ComparableBlock>()
  for (const block of blocks) {
    if (block.uid !== null && !map.has(block.uid)) map.set(block.uid, block)
  }
  return map
}

/**
 * Pairs blocks of the same type and the same text, in order, in linear time: what the similarity
 * pass would pair first, left out of its quadratic work.
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

const first = (blocks: readonly ComparableBlock[]): number => blocks[0]?.index ?? 0
const last = (blocks: readonly ComparableBlock[]): number => blocks.at(-1)?.index ?? 0

/**
 * Pairs the text blocks of two revisions as a reader would. Anchors first: the same uid, then
 * the same or nearly the same text. Between two anchors that stayed in order, the blocks left
 * are the same stretch of text in both revisions: a block and the two consecutive blocks whose
 * joined text resembles it are a split (or, the other way, a merge), and the others are paired
 * in order when they are of the same type, however much they were reworded. What is still left
 * is paired by similarity wherever it stands (a paragraph moved and reworded).
 */
export function alignBlocks(
  from: readonly ComparableBlock[],
  to: readonly ComparableBlock[],
): BlockAlignment {
  const groupOf = new Map<ComparableBlock, BlockGroup>()
  const similarity = new TextSimilarity()
  const dice = (a: readonly ComparableBlock[], b: readonly ComparableBlock[]) =>
    similarity.dice(joinedText(a), joinedText(b))
  const group = (fromBlocks: ComparableBlock[], toBlocks: ComparableBlock[]): BlockGroup => {
    const made = { from: fromBlocks, to: toBlocks }
    for (const block of [...fromBlocks, ...toBlocks]) groupOf.set(block, made)
    return made
  }
  const isFree = (block: ComparableBlock | undefined): block is ComparableBlock =>
    block !== undefined && !groupOf.has(block)
  const free = (blocks: readonly ComparableBlock[]) => blocks.filter(isFree)

  const toByUid = byUid(to)
  for (const block of byUid(from).values()) {
    const match = block.uid === null ? undefined : toByUid.get(block.uid)
    if (match) group([block], [match])
  }
  for (const [a, b] of pairIdentical(free(from), free(to))) group([a], [b])
  for (const [a, b] of pairBySimilarity(
    free(from),
    free(to),
    from.length,
    to.length,
    NEAR_IDENTICAL,
  )) {
    group([a], [b])
  }

  const anchors = inOrder(new Set(groupOf.values()))
  // A split or merge that kept one half's uid: the other half stands next to the anchor.
  for (const anchor of anchors) widenIntoJoin(anchor)
  let fromEnd = -1
  let toEnd = -1
  for (const anchor of [...anchors, null]) {
    const fromStart = anchor ? first(anchor.from) : from.length
    const toStart = anchor ? first(anchor.to) : to.length
    alignGap(free(from.slice(fromEnd + 1, fromStart)), free(to.slice(toEnd + 1, toStart)))
    if (anchor) [fromEnd, toEnd] = [last(anchor.from), last(anchor.to)]
  }
  for (const [a, b] of pairBySimilarity(free(from), free(to), from.length, to.length)) {
    group([a], [b])
  }

  return {
    groups: [...new Set(groupOf.values())].sort((a, b) => first(a.from) - first(b.from)),
    deleted: free(from),
    inserted: free(to),
  }

  function widenIntoJoin(anchor: BlockGroup): void {
    const [a] = anchor.from
    const [b] = anchor.to
    if (!a || !b || a.text === b.text) return
    const alone = dice([a], [b])
    const sides: [(ComparableBlock | undefined)[], (ComparableBlock | undefined)[]][] = [
      [[a], [b, to[b.index + 1]]],
      [[a], [to[b.index - 1], b]],
      [[a, from[a.index + 1]], [b]],
      [[from[a.index - 1], a], [b]],
    ]
    const joins = sides.map(([x, y]) => [x.filter(isBlock), y.filter(isBlock)] as const)
    for (const [fromBlocks, toBlocks] of joins) {
      const added = [...fromBlocks, ...toBlocks].filter((block) => block !== a && block !== b)
      if (added.length !== 1 || !added.every(isFree) || added[0]?.type !== a.type) continue
      if (isJoin(dice(fromBlocks, toBlocks), alone)) {
        anchor.from = fromBlocks
        anchor.to = toBlocks
        for (const block of added) groupOf.set(block, anchor)
        return
      }
    }
  }

  function alignGap(gapFrom: ComparableBlock[], gapTo: ComparableBlock[]): void {
    if (gapFrom.length === 0 || gapTo.length === 0) return
    if (gapFrom.length * gapTo.length > MAX_GAP_CELLS) return
    for (const [fromBlocks, toBlocks] of joinsIn(gapFrom, gapTo)) {
      if ([...fromBlocks, ...toBlocks].every(isFree)) group(fromBlocks, toBlocks)
    }
    const [rows, columns] = [free(gapFrom), free(gapTo)]
    for (const [i, j] of alignInOrder(rows, columns, (a, b) => dice([a], [b]))) {
      const [a, b] = [rows[i], columns[j]]
      if (a && b) group([a], [b])
    }
  }

  /** Splits and merges among a gap's blocks, best first. */
  function joinsIn(
    gapFrom: readonly ComparableBlock[],
    gapTo: readonly ComparableBlock[],
  ): [ComparableBlock[], ComparableBlock[]][] {
    const found: { join: [ComparableBlock[], ComparableBlock[]]; score: number }[] = []
    const consider = (one: ComparableBlock, two: readonly ComparableBlock[], isSplit: boolean) => {
      for (let k = 0; k + 1 < two.length; k += 1) {
        const x = two[k]
        const y = two[k + 1]
        if (!x || !y || y.index !== x.index + 1 || x.type !== one.type || y.type !== one.type)
          continue
        const joined = dice([one], [x, y])
        if (!isJoin(joined, Math.max(dice([one], [x]), dice([one], [y])))) continue
        found.push({ join: isSplit ? [[one], [x, y]] : [[x, y], [one]], score: joined })
      }
    }
    for (const one of gapFrom) consider(one, gapTo, true)
    for (const one of gapTo) consider(one, gapFrom, false)
    return found.sort((a, b) => b.score - a.score).map(({ join }) => join)
  }
}

const isBlock = (block: ComparableBlock | undefined): block is ComparableBlock =>
  block !== undefined

const isJoin = (joined: number, alone: number): boolean =>
  joined >= SIMILARITY_THRESHOLD && joined - alone >= JOIN_GAIN * (1 - alone) && joined > alone

/** The groups that stayed in the same relative order, in order: the anchors of the gaps. */
function inOrder(groups: ReadonlySet<BlockGroup>): BlockGroup[] {
  const sorted = [...groups].sort((a, b) => first(a.from) - first(b.from))
  const kept = longestIncreasingSubsequence(sorted.map((g) => first(g.to)))
  return sorted.filter((_, i) => kept.has(i))
}

/**
 * The pairs (i, j) of an order-keeping alignment of two runs of blocks that pairs as many blocks
 * of the same type as possible, the most similar when there is a choice (dynamic programming
 * as for a longest common subsequence, each pair worth 1 plus its similarity).
 */
function alignInOrder(
  rows: readonly ComparableBlock[],
  columns: readonly ComparableBlock[],
  similarityOf: (a: ComparableBlock, b: ComparableBlock) => number,
): [number, number][] {
  const width = columns.length + 1
  const best = new Float64Array((rows.length + 1) * width)
  const at = (i: number, j: number) => best[i * width + j] ?? 0
  const matchOf = (i: number, j: number): number | null => {
    const [a, b] = [rows[i - 1], columns[j - 1]]
    return a && b && a.type === b.type ? 1 + similarityOf(a, b) : null
  }
  for (let i = 1; i <= rows.length; i += 1) {
    for (let j = 1; j <= columns.length; j += 1) {
      const match = matchOf(i, j)
      best[i * width + j] = Math.max(
        at(i - 1, j),
        at(i, j - 1),
        match === null ? 0 : at(i - 1, j - 1) + match,
      )
    }
  }
  const pairs: [number, number][] = []
  for (let i = rows.length, j = columns.length; i > 0 && j > 0;) {
    const match = matchOf(i, j)
    if (match !== null && at(i, j) === at(i - 1, j - 1) + match) {
      pairs.push([i - 1, j - 1])
      i -= 1
      j -= 1
    } else if (at(i, j) === at(i - 1, j)) i -= 1
    else j -= 1
  }
  return pairs.reverse()
}
