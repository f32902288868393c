import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'
import { z } from 'zod'

/** The handbook's traces, in `shared/` beside the repository (josephg/editing-traces). */
export const TRACES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/data/editing-traces',
)

/** The real typing trace the benchmarks replay (see the traces' README). */
export const AUTOMERGE_PAPER_TRACE =
  process.env.BENCH_TRACE ?? path.join(TRACES_DIR, 'automerge-paper.json.gz')

const SequentialTraceFile = z.object({
  startContent: z.string(),
  endContent: z.string(),
  txns: z.array(
    z.object({ patches: z.array(z.tuple([z.number().int(), z.number().int(), z.string()])) }),
  ),
})

/** One edit: at `position` (Unicode code points) delete `deleteCount`, then insert `text`. */
export interface TraceEdit {
  position: number
  deleteCount: number
  text: string
}

/** One edit as Yjs takes it: offsets and lengths in UTF-16 code units. */
export interface TextOperation {
  index: number
  deleteLength: number
  text: string
}

/** Reads a sequential trace (`{ startContent, endContent, txns: [{ patches }] }`), flattened. */
export function loadSequentialTrace(file = AUTOMERGE_PAPER_TRACE): {
  startContent: string
  endContent: string
  edits: TraceEdit[]
} {
  const trace = SequentialTraceFile.parse(
    JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString()),
  )
  const edits = trace.txns.flatMap((txn) =>
    txn.patches.map(([position, deleteCount, text]) => ({ position, deleteCount, text })),
  )
  return { startContent: trace.startContent, endContent: trace.endContent, edits }
}

/**
 * Turns trace edits into the Yjs operations that replay them, and the text they produce.
 * Trace positions count code points, Yjs counts UTF-16 units: they differ only after an
 * astral character (an emoji), so offsets are counted out only once the text has one.
 */
export function toTextOperations(
  startContent: string,
  edits: readonly TraceEdit[],
): { operations: TextOperation[]; finalText: string } {
  let text = startContent
  let hasAstral = hasAstralCharacter(text)
  const utf16Offset = (position: number): number => {
    if (!hasAstral) return position
    let offset = 0
    for (let i = 0; i < position; i++) offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1
    return offset
  }
  const operations = edits.map(({ position, deleteCount, text: inserted }) => {
    const index = utf16Offset(position)
    const deleteLength = utf16Offset(position + deleteCount) - index
    text = text.slice(0, index) + inserted + text.slice(index + deleteLength)
    hasAstral ||= hasAstralCharacter(inserted)
    return { index, deleteLength, text: inserted }
  })
  return { operations, finalText: text }
}

const hasAstralCharacter = (text: string) => /[\uD800-\uDBFF]/.test(text)
