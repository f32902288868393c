import type { DraftJSON, NumberingBase } from '../numbering.ts'
import { alignBlocks, type BlockGroup } from './alignBlocks.ts'
import { comparableBlocksOf, type ComparableBlock } from './comparableBlocks.ts'
import type { ComparisonStatus } from './comparisonSchema.ts'
import { longestIncreasingSubsequence } from './longestIncreasingSubsequence.ts'

/** What became of one block, or of a split or merged paragraph, from one revision to the next. */
export interface AlignedEntry {
  status: ComparisonStatus
  /** Empty for an inserted block; two blocks for a merge. */
  from: ComparableBlock[]
  /** Empty for a deleted block; two blocks for a split. */
  to: ComparableBlock[]
}

function statusOf(group: BlockGroup, isInPlace: boolean): ComparisonStatus {
  if (group.to.length > 1) return 'split'
  if (group.from.length > 1) return 'merged'
  if (!isInPlace) return 'moved'
  return group.from[0]?.text === group.to[0]?.text ? 'unchanged' : 'changed'
}

/**
 * Two revisions' blocks aligned, in the order of `to`, each deleted block after the block that
 * preceded it in `from`. The largest set of groups still in the same relative order (a longest
 * increasing subsequence) stays in place, so that a renumbering caused by an insertion above is
 * no change; any other group has moved.
 */
export function alignDrafts(
  from: DraftJSON,
  to: DraftJSON,
  bases: { from?: NumberingBase; to?: NumberingBase } = {},
): AlignedEntry[] {
  const fromBlocks = comparableBlocksOf(from, bases.from)
  const toBlocks = comparableBlocksOf(to, bases.to)
  const { groups, deleted, inserted } = alignBlocks(fromBlocks, toBlocks)
  const inPlace = longestIncreasingSubsequence(groups.map((group) => group.to[0]?.index ?? 0))

  const startingAt = new Map<ComparableBlock, AlignedEntry>()
  const stayedAs = new Map<ComparableBlock, ComparableBlock>()
  groups.forEach((group, i) => {
    const [start] = group.to
    if (!start) return
    startingAt.set(start, { status: statusOf(group, inPlace.has(i)), ...group })
    const end = group.to.at(-1) ?? start
    if (inPlace.has(i)) for (const block of group.from) stayedAs.set(block, end)
  })
  for (const block of inserted) startingAt.set(block, { status: 'inserted', from: [], to: [block] })

  // A deleted block is shown where it stood: after the last block before it that stayed.
  const isDeleted = new Set(deleted)
  const deletedAfter = new Map<ComparableBlock | null, AlignedEntry[]>()
  let anchor: ComparableBlock | null = null
  for (const block of fromBlocks) {
    anchor = stayedAs.get(block) ?? anchor
    if (!isDeleted.has(block)) continue
    const shown = deletedAfter.get(anchor) ?? []
    shown.push({ status: 'deleted', from: [block], to: [] })
    deletedAfter.set(anchor, shown)
  }

  const entries: AlignedEntry[] = [...(deletedAfter.get(null) ?? [])]
  for (const block of toBlocks) {
    const entry = startingAt.get(block)
    if (entry) entries.push(entry)
    entries.push(...(deletedAfter.get(block) ?? []))
  }
  return entries
}
