/**
 * Square brackets as the UN prints them: one "[" before and one "]" after each contiguous run
 * of bracketed text in a block, however many other marks (proposals, italics) cut the run into
 * pieces. The editor's decorations, the exports and the comparisons all find the runs here, so
 * that a bracket shown in the room is the bracket printed and compared.
 */

/** The runs of bracketed pieces, as `[start, end)` indices into `pieces`. */
export function bracketedRuns<T>(
  pieces: readonly T[],
  isBracketed: (piece: T) => boolean,
): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = []
  let start: number | null = null
  pieces.forEach((piece, index) => {
    if (isBracketed(piece)) start ??= index
    else if (start !== null) {
      runs.push({ start, end: index })
      start = null
    }
  })
  if (start !== null) runs.push({ start, end: pieces.length })
  return runs
}

/** The pieces with a "[" piece before and a "]" piece after each bracketed run. */
export function withBrackets<T>(
  pieces: readonly T[],
  isBracketed: (piece: T) => boolean,
  bracket: (text: '[' | ']') => T,
): T[] {
  const runs = bracketedRuns(pieces, isBracketed)
  const opens = new Set(runs.map((run) => run.start))
  const closes = new Set(runs.map((run) => run.end))
  const out: T[] = []
  pieces.forEach((piece, index) => {
    if (closes.has(index)) out.push(bracket(']'))
    if (opens.has(index)) out.push(bracket('['))
    out.push(piece)
  })
  if (closes.has(pieces.length)) out.push(bracket(']'))
  return out
}
