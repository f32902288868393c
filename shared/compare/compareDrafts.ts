import type { DraftJSON, NumberingBase } from '../numbering.ts'
import { joinedText } from './alignBlocks.ts'
import { alignDrafts, type AlignedEntry } from './alignDrafts.ts'
import type { Comparison, ComparedParagraph } from './comparisonSchema.ts'
import { summarizeComparison } from './summarizeComparison.ts'
import { diffWords } from './wordDiff.ts'

function present({ status, from, to }: AlignedEntry): ComparedParagraph {
  const block = to[0] ?? from[0]
  if (!block) throw new Error('a compared paragraph needs at least one side')
  const joined = from.length > 1 ? from : to.length > 1 ? to : null
  return {
    status,
    fromUid: from[0]?.uid ?? null,
    toUid: to[0]?.uid ?? null,
    type: block.type,
    fromNumber: from[0]?.label ?? null,
    toNumber: to[0]?.label ?? null,
    objective: block.objective,
    sectionKind: block.sectionKind,
    joined: joined && {
      side: joined === from ? 'from' : 'to',
      uids: joined.map((b) => b.uid),
      numbers: joined.map((b) => b.label),
    },
    // A split's or merge's two paragraphs are one text, cut by a line break.
    diff: diffWords(joinedText(from), joinedText(to)),
  }
}

/**
 * Compares two revisions on their agreed text: blocks aligned by structure and wording
 * (`alignBlocks`), each pair with a French-aware word diff.
 *
 * `bases`: what each side is numbered against (the live draft: its last revision).
 */
export function compareDrafts(
  from: DraftJSON,
  to: DraftJSON,
  bases: { from?: NumberingBase; to?: NumberingBase } = {},
): Comparison {
  const paragraphs = alignDrafts(from, to, bases).map(present)
  return { paragraphs, summary: summarizeComparison(paragraphs) }
}
