import type { DiffSegment } from './comparisonSchema.ts'

/**
 * `diff_cleanupSemantic` works on characters: its overlap extraction turns "de" -> "des" into
 * "de" kept and "s" added, and its sideways shifts may stop inside a word. This puts every cut
 * back on a token boundary of both texts: the part of a kept run that does not start and end on
 * shared boundaries is removed from one text and added to the other instead.
 */

interface KeptRun {
  from: number
  to: number
  length: number
}

/** Flags the offsets of `text` at which a token starts or ends. */
function boundariesOf(tokens: readonly string[]): Uint8Array {
  const length = tokens.reduce((sum, token) => sum + token.length, 0)
  const flags = new Uint8Array(length + 1)
  let offset = 0
  flags[0] = 1
  for (const token of tokens) {
    offset += token.length
    flags[offset] = 1
  }
  return flags
}

/** The kept runs of `diffs`, each shrunk to start and end on boundaries of both texts. */
function alignedKeptRuns(diffs: readonly DiffSegment[], from: Uint8Array, to: Uint8Array) {
  const runs: KeptRun[] = []
  let inFrom = 0
  let inTo = 0
  const isShared = (offset: number) => from[inFrom + offset] === 1 && to[inTo + offset] === 1
  for (const [op, text] of diffs) {
    if (op === 0) {
      let start = 0
      let end = text.length
      while (start < end && !isShared(start)) start += 1
      while (end > start && !isShared(end)) end -= 1
      if (end > start) runs.push({ from: inFrom + start, to: inTo + start, length: end - start })
    }
    if (op !== 1) inFrom += text.length
    if (op !== -1) inTo += text.length
  }
  return runs
}

/** `diffs` (from `fromText` to `toText`) with every cut on a token boundary of both texts. */
export function alignToTokens(
  diffs: readonly DiffSegment[],
  fromTokens: readonly string[],
  toTokens: readonly string[],
): DiffSegment[] {
  const fromText = fromTokens.join('')
  const toText = toTokens.join('')
  const runs = alignedKeptRuns(diffs, boundariesOf(fromTokens), boundariesOf(toTokens))
  const aligned: DiffSegment[] = []
  let inFrom = 0
  let inTo = 0
  const push = (op: -1 | 0 | 1, text: string) => {
    if (!text) return
    const last = aligned.at(-1)
    if (last && last[0] === op) last[1] += text
    else aligned.push([op, text])
  }
  for (const run of [...runs, { from: fromText.length, to: toText.length, length: 0 }]) {
    push(-1, fromText.slice(inFrom, run.from))
    push(1, toText.slice(inTo, run.to))
    push(0, fromText.slice(run.from, run.from + run.length))
    inFrom = run.from + run.length
    inTo = run.to + run.length
  }
  return aligned
}
