import { z } from 'zod'
import { joinedText } from './compare/alignBlocks.ts'
import { alignDrafts, type AlignedEntry } from './compare/alignDrafts.ts'
import type { ComparableBlock } from './compare/comparableBlocks.ts'
import type { ComparisonStatus } from './compare/comparisonSchema.ts'
import { blockReference, type DraftJSON } from './numbering.ts'

/**
 * The concordance of two revisions (issue 16): each paragraph's and action's number in the
 * first and in the second, what became of it, and which delegations' accepted proposals changed
 * it. Numbers come from `numberBlocks` through the comparison's own alignment.
 */

export const CONCORDANCE_FATES = [
  'unchanged',
  'changed',
  'moved',
  'merged',
  'split',
  'new',
  'deleted',
] as const
export type ConcordanceFate = (typeof CONCORDANCE_FATES)[number]

export const ConcordanceRow = z.object({
  type: z.enum(['paragraph', 'action']),
  fate: z.enum(CONCORDANCE_FATES),
  /** "17.", "7 a)"; two for a merge (in `from`) or a split (in `to`); none where absent. */
  fromNumbers: z.array(z.string()),
  toNumbers: z.array(z.string()),
  /** The objective it is in, in `to` (else `from`); null outside the objectives. */
  objective: z.number().int().positive().nullable(),
  /** Its first words, in `to` unless deleted: to recognise it in the table. */
  excerpt: z.string(),
  /** Codes of the delegations whose proposals accepted between the two revisions changed it. */
  delegations: z.array(z.string()),
})
export type ConcordanceRow = z.infer<typeof ConcordanceRow>

export const Concordance = z.object({
  from: z.string(),
  to: z.string(),
  labels: z.object({ from: z.string(), to: z.string() }),
  rows: z.array(ConcordanceRow),
})
export type Concordance = z.infer<typeof Concordance>

const EXCERPT_WORDS = 12

const FATE_OF: Record<ComparisonStatus, ConcordanceFate> = {
  unchanged: 'unchanged',
  changed: 'changed',
  moved: 'moved',
  merged: 'merged',
  split: 'split',
  inserted: 'new',
  deleted: 'deleted',
}

function excerptOf(text: string): string {
  const words = text.trim().split(/\s+/)
  return words.length > EXCERPT_WORDS ? `${words.slice(0, EXCERPT_WORDS).join(' ')} …` : text
}

const referencesOf = (blocks: readonly ComparableBlock[]): string[] =>
  blocks.flatMap((block) => (block.number ? [blockReference(block.number)] : []))

/** What a concordance asks of the proposals: who changed these blocks, now reading `text`. */
export type ChangedBy = (block: { uids: readonly string[]; text: string }) => readonly string[]

function rowOf(entry: AlignedEntry, changedBy: ChangedBy): ConcordanceRow | null {
  const block = entry.to[0] ?? entry.from[0]
  if (!block?.number || block.number.kind === 'objective') return null
  const uids = [...entry.from, ...entry.to].flatMap((b) => (b.uid ? [b.uid] : []))
  return {
    type: block.type === 'action' ? 'action' : 'paragraph',
    fate: FATE_OF[entry.status],
    fromNumbers: referencesOf(entry.from),
    toNumbers: referencesOf(entry.to),
    objective: block.objective,
    excerpt: excerptOf(entry.to.length > 0 ? block.text : (entry.from[0]?.text ?? '')),
    // An unchanged paragraph was not changed by anyone, whatever was accepted and undone on it.
    delegations:
      entry.status === 'unchanged'
        ? []
        : [...new Set(changedBy({ uids, text: joinedText(entry.to) }))].sort(),
  }
}

/**
 * The rows of the concordance of `from` and `to`, in the order of `to` (deleted ones where they
 * stood). `changedBy` names the delegations whose accepted proposals changed the row's blocks.
 */
export function concordanceRowsOf(
  from: DraftJSON,
  to: DraftJSON,
  changedBy: ChangedBy,
): ConcordanceRow[] {
  return alignDrafts(from, to).flatMap((entry) => rowOf(entry, changedBy) ?? [])
}
