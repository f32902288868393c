/**
 * The positions in `values` of one longest strictly increasing subsequence, in O(n log n)
 * (patience sorting). Applied to the `to` positions of paired blocks taken in `from` order, it
 * keeps the largest set of blocks whose order did not change: the others moved.
 */
export function longestIncreasingSubsequence(values: readonly number[]): Set<number> {
  // tails[k]: the position ending the best increasing run of length k + 1 found so far.
  const tails: number[] = []
  const previous = new Int32Array(values.length).fill(-1)
  values.forEach((value, i) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((values[tails[middle] ?? 0] ?? 0) < value) low = middle + 1
      else high = middle
    }
    if (low > 0) previous[i] = tails[low - 1] ?? -1
    tails[low] = i
  })
  const kept = new Set<number>()
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] ?? -1) kept.add(i)
  return kept
}
