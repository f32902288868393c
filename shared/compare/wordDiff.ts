import DiffMatchPatch from 'diff-match-patch'
import { alignToTokens } from './alignToTokens.ts'
import type { DiffOp, DiffSegment } from './comparisonSchema.ts'
import { TokenCodes } from './tokenCodes.ts'
import { tokenize } from './tokenize.ts'

const dmp = new DiffMatchPatch()

const asOp = (op: number): DiffOp => (op < 0 ? -1 : op > 0 ? 1 : 0)

const segmentsOf = (diffs: DiffMatchPatch.Diff[]): DiffSegment[] =>
  diffs.map(([op, text]): DiffSegment => [asOp(op), text])

/**
 * The word diff of two texts: tokens mapped to characters, diffed, mapped back, semantic
 * cleanup, then every cut put back between tokens. Changing one word shows as that word removed
 * and its replacement added, the spaces and punctuation around them kept.
 */
export function diffWords(fromText: string, toText: string): DiffSegment[] {
  if (fromText === toText) return fromText ? [[0, fromText]] : []
  const fromTokens = tokenize(fromText)
  const toTokens = tokenize(toText)
  const codes = new TokenCodes()
  const fromCodes = codes.encode(fromTokens)
  const toCodes = codes.encode(toTokens)
  // Lines are meaningless in codes: no line-mode speedup.
  const diffs =
    fromCodes !== null && toCodes !== null
      ? dmp
          .diff_main(fromCodes, toCodes, false)
          .map(([op, encoded]): DiffMatchPatch.Diff => [op, codes.decode(encoded)])
      : dmp.diff_main(fromText, toText)
  dmp.diff_cleanupSemantic(diffs)
  return alignToTokens(segmentsOf(diffs), fromTokens, toTokens)
}
