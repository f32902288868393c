import { z } from 'zod'
import { SECTION_KINDS } from '../schema/sectionKinds.ts'

/**
 * The comparison of two revisions (DESIGN.md section 4, `GET .../compare` in section 7), as the
 * server sends it and the client views and exports read it. One schema, types by `z.infer`.
 */

/** The blocks a comparison pairs and diffs: every block that holds text. */
export const TEXT_BLOCK_TYPES = [
  'sectionTitle',
  'paragraph',
  'principle',
  'objectiveTitle',
  'commitment',
  'action',
] as const
export type TextBlockType = (typeof TEXT_BLOCK_TYPES)[number]

export const isTextBlockType = (type: string): type is TextBlockType =>
  (TEXT_BLOCK_TYPES as readonly string[]).includes(type)

export const COMPARISON_STATUSES = [
  'unchanged',
  'changed',
  'inserted',
  'deleted',
  'moved',
  'split',
  'merged',
] as const
export type ComparisonStatus = (typeof COMPARISON_STATUSES)[number]

/** As diff-match-patch: -1 removed, 0 kept, 1 added. */
export const DiffOp = z.union([z.literal(-1), z.literal(0), z.literal(1)])
export type DiffOp = z.infer<typeof DiffOp>

export const DiffSegment = z.tuple([DiffOp, z.string()])
export type DiffSegment = z.infer<typeof DiffSegment>

/** The two paragraphs on one side of a split (`to`) or a merge (`from`). */
export const JoinedBlocks = z.object({
  side: z.enum(['from', 'to']),
  uids: z.array(z.string().nullable()),
  numbers: z.array(z.string().nullable()),
})
export type JoinedBlocks = z.infer<typeof JoinedBlocks>

/**
 * One block of either revision: paired (unchanged, changed, moved), split in two or merged from
 * two (`joined`), or on one side only.
 */
export const ComparedParagraph = z.object({
  status: z.enum(COMPARISON_STATUSES),
  /** Null for an inserted block. */
  fromUid: z.string().nullable(),
  /** Null for a deleted block. */
  toUid: z.string().nullable(),
  type: z.enum(TEXT_BLOCK_TYPES),
  /** Its label in `from` ("17.", "a)", "Objectif 3"), null if absent there or unnumbered. */
  fromNumber: z.string().nullable(),
  toNumber: z.string().nullable(),
  /** The objective it belongs to in `to`, else in `from`; null outside the objectives. */
  objective: z.number().int().positive().nullable(),
  sectionKind: z.enum(SECTION_KINDS).nullable(),
  /** For a split or a merge, its two paragraphs (the first is also `fromUid`/`toUid`). */
  joined: JoinedBlocks.nullable().default(null),
  /** The word diff of its agreed text, from `from` to `to`. */
  diff: z.array(DiffSegment),
})
export type ComparedParagraph = z.infer<typeof ComparedParagraph>

/** Blocks changed (split and merged ones included), inserted, deleted and moved, and words (not spaces) added and removed. */
export const ChangeCounts = z.object({
  changed: z.number().int().nonnegative(),
  inserted: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
  moved: z.number().int().nonnegative(),
  wordsAdded: z.number().int().nonnegative(),
  wordsRemoved: z.number().int().nonnegative(),
})
export type ChangeCounts = z.infer<typeof ChangeCounts>

/** The counts of one objective, or of the text outside the objectives (`objective: null`). */
export const ObjectiveChanges = ChangeCounts.extend({
  objective: z.number().int().positive().nullable(),
})
export type ObjectiveChanges = z.infer<typeof ObjectiveChanges>

export const ComparisonSummary = z.object({
  /** Only the objectives with a change; the text outside the objectives first. */
  byObjective: z.array(ObjectiveChanges),
  totals: ChangeCounts,
})
export type ComparisonSummary = z.infer<typeof ComparisonSummary>

export const Comparison = z.object({
  /** In the order of `to`, each deleted block after the block that preceded it in `from`. */
  paragraphs: z.array(ComparedParagraph),
  summary: ComparisonSummary,
})
export type Comparison = z.infer<typeof Comparison>
