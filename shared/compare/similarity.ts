import type { ComparableBlock } from './comparableBlocks.ts'
import { isWordToken, tokenize } from './tokenize.ts'

/**
 * Pairing by similarity, for blocks whose uid found no partner (imported revisions have fresh
 * uids): the Dice coefficient of the sets of word bigrams, greedy best pair first.
 */

/** Below this Dice coefficient two blocks are different blocks, not two versions of one. */
export const SIMILARITY_THRESHOLD = 0.5

// Enough to prefer a partner of the same type over a slightly closer one of another type.
const SAME_TYPE_BONUS = 0.1

/** Interns words and word bigrams as small integers, so that bigram sets are cheap to build. */
export class BigramIds {
  private readonly words = new Map<string, number>([
    ['\u0002', 0],
    ['\u0003', 1],
  ])
  private readonly bigrams = new Map<number, number>()

  private wordId(word: string): number {
    let id = this.words.get(word)
    if (id === undefined) this.words.set(word, (id = this.words.size))
    return id
  }

  /** The distinct word bigrams of `text`, with its start and end as words so one word has two. */
  of(text: string): number[] {
    const normalized = text.normalize('NFC').toLowerCase().replace(/'/g, '’')
    const words = tokenize(normalized).filter(isWordToken)
    const ids = [0, ...words.map((word) => this.wordId(word)), 1]
    const bigrams = new Set<number>()
    for (let i = 1; i < ids.length; i += 1) {
      // Word ids stay far below 2^26, so the pair is one exact number.
      const key = (ids[i - 1] ?? 0) * 2 ** 26 + (ids[i] ?? 0)
      let id = this.bigrams.get(key)
      if (id === undefined) this.bigrams.set(key, (id = this.bigrams.size))
      bigrams.add(id)
    }
    return [...bigrams]
  }
}

interface Candidate {
  from: ComparableBlock
  to: ComparableBlock
  score: number
  distance: number
}

const byBestFirst = (a: Candidate, b: Candidate): number =>
  b.score - a.score ||
  a.distance - b.distance ||
  a.from.index - b.from.index ||
  a.to.index - b.to.index

/**
 * Pairs blocks of `from` with blocks of `to` whose Dice coefficient reaches the threshold, best
 * pairs first; ties go to the pair closest in relative position. An inverted index of bigrams
 * keeps this well under O(n·m) bigram comparisons.
 */
export function pairBySimilarity(
  from: readonly ComparableBlock[],
  to: readonly ComparableBlock[],
  fromCount: number,
  toCount: number,
  threshold = SIMILARITY_THRESHOLD,
): [ComparableBlock, ComparableBlock][] {
  if (from.length === 0 || to.length === 0) return []
  const ids = new BigramIds()
  const toIds = to.map((block) => ids.of(block.text))
  const postings = new Map<number, number[]>()
  toIds.forEach((bigrams, j) => {
    for (const id of bigrams) {
      const holders = postings.get(id)
      if (holders) holders.push(j)
      else postings.set(id, [j])
    }
  })

  const candidates: Candidate[] = []
  const shared = new Int32Array(to.length)
  for (const fromBlock of from) {
    const fromIds = ids.of(fromBlock.text)
    const touched: number[] = []
    for (const id of fromIds) {
      for (const j of postings.get(id) ?? []) {
        const count = shared[j] ?? 0
        if (count === 0) touched.push(j)
        shared[j] = count + 1
      }
    }
    for (const j of touched) {
      const toBlock = to[j]
      const dice = (2 * (shared[j] ?? 0)) / (fromIds.length + (toIds[j]?.length ?? 0))
      shared[j] = 0
      if (!toBlock || dice < threshold) continue
      candidates.push({
        from: fromBlock,
        to: toBlock,
        score: dice + (fromBlock.type === toBlock.type ? SAME_TYPE_BONUS : 0),
        distance: Math.abs(fromBlock.index / fromCount - toBlock.index / toCount),
      })
    }
  }

  const pairs: [ComparableBlock, ComparableBlock][] = []
  const taken = new Set<ComparableBlock>()
  for (const candidate of candidates.sort(byBestFirst)) {
    if (taken.has(candidate.from) || taken.has(candidate.to)) continue
    taken.add(candidate.from).add(candidate.to)
    pairs.push([candidate.from, candidate.to])
  }
  return pairs
}

/** The Dice coefficient of two texts' word bigrams, each text's bigrams computed once. */
export class TextSimilarity {
  private readonly ids = new BigramIds()
  private readonly bigrams = new Map<string, Set<number>>()

  private of(text: string): Set<number> {
    let set = this.bigrams.get(text)
    if (!set) this.bigrams.set(text, (set = new Set(this.ids.of(text))))
    return set
  }

  dice(a: string, b: string): number {
    const [first, second] = [this.of(a), this.of(b)]
    let shared = 0
    for (const id of first) if (second.has(id)) shared += 1
    return (2 * shared) / (first.size + second.size)
  }
}
