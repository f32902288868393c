import {
  blocksOfJSON,
  numberBlocks,
  type BlockNumber,
  type DraftJSON,
  type NumberingBase,
} from '../numbering.ts'
import { SECTION_KINDS, type SectionKind } from '../schema/sectionKinds.ts'
import { agreedTextOf, withoutProposedBlocks } from './agreedText.ts'
import { isTextBlockType, type TextBlockType } from './comparisonSchema.ts'

/** A text block of one revision as a comparison sees it: agreed text, label and place. */
export interface ComparableBlock {
  /** Its position among the revision's text blocks. */
  index: number
  uid: string | null
  type: TextBlockType
  text: string
  /** "17.", "a)", "Objectif 3" (on the objective's title), or null. */
  label: string | null
  /** Its number from `numberBlocks` (paragraphs and actions), null for other blocks. */
  number: BlockNumber | null
  objective: number | null
  sectionKind: SectionKind | null
}

interface Place {
  objective: BlockNumber | null
  sectionKind: SectionKind | null
}

const uidOf = (node: DraftJSON): string | null =>
  typeof node.attrs?.uid === 'string' ? node.attrs.uid : null

const sectionKindOf = (node: DraftJSON): SectionKind | null =>
  SECTION_KINDS.find((kind) => kind === node.attrs?.kind) ?? null

/**
 * The text blocks of a draft in document order, numbered by `numberBlocks` on its agreed text;
 * the live draft against its last revision (`base`), so that blocks accepted since read "bis".
 */
export function comparableBlocksOf(draft: DraftJSON, base: NumberingBase = {}): ComparableBlock[] {
  const agreed = withoutProposedBlocks(draft)
  const all = blocksOfJSON(agreed)
  const numbers = numberBlocks(
    all.map((node) => ({ type: node.type, uid: uidOf(node) })),
    base,
  )
  const numberOf = new Map(all.map((node, i) => [node, numbers[i] ?? null]))

  const blocks: ComparableBlock[] = []
  const visit = (node: DraftJSON, place: Place): void => {
    const number = numberOf.get(node) ?? null
    if (isTextBlockType(node.type)) {
      // An objective's title carries the objective's label: that is how UN texts head it.
      const labelled = node.type === 'objectiveTitle' ? place.objective : number
      blocks.push({
        index: blocks.length,
        uid: uidOf(node),
        type: node.type,
        text: agreedTextOf(node),
        label: labelled?.label ?? null,
        number,
        objective: place.objective?.kind === 'objective' ? place.objective.objective : null,
        sectionKind: place.sectionKind,
      })
      return
    }
    const inner: Place = {
      objective: node.type === 'objective' ? number : place.objective,
      sectionKind: node.type === 'section' ? sectionKindOf(node) : place.sectionKind,
    }
    for (const child of node.content ?? []) if (child.type !== 'text') visit(child, inner)
  }
  visit(agreed, { objective: null, sectionKind: null })
  return blocks
}
