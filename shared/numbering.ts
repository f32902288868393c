/**
 * The one numbering of a draft, used by the editor margin, the API, exports and comparisons.
 * Numbers are derived from order, never stored: paragraphs (including each objective's
 * commitment) run 1..n continuously through the text as in UN documents, objectives run 1..n,
 * and actions are lettered a), b), ... afresh in each objective.
 */

import { INSERTED_BY_ATTR } from './draft/names.ts'

/** What numbering needs to know of a block: its node type, its uid, whether it is proposed. */
export interface BlockRef {
  type: string
  uid: string | null
  /** A block whose whole content is a proposal not yet decided (see `isProposedBlock`). */
  isProposed?: boolean
}

/**
 * What the numbering is consolidated against: the uids of the blocks of the last published
 * revision. Without it (no revision yet, or a revision's own text) every block that is not
 * proposed is agreed and numbered plainly.
 */
export interface NumberingBase {
  revisionUids?: ReadonlySet<string> | null
}

/**
 * A block's number. `paragraph`, `objective` and `letter` are those of the agreed block it
 * follows (or precedes, for `pre`); `added` counts the blocks added after it (0: the agreed block
 * itself, 1: bis, 2: ter ...). `numeral` is what is printed ("23 bis", "d bis", "7 bis").
 */
export type BlockNumber =
  | { kind: 'paragraph'; paragraph: number; added: number; numeral: string; label: string }
  | { kind: 'objective'; objective: number; added: number; numeral: string; label: string }
  | {
      kind: 'action'
      objective: number
      letter: string
      added: number
      numeral: string
      label: string
    }

/** The letter of the action at `index` (0-based): a..z, then aa, bb, cc ... as UN texts do. */
export function actionLetter(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26))
  return letter.repeat(Math.floor(index / 26) + 1)
}

// The Latin multiplicative adverbs UN texts number inserted paragraphs with, from the second.
const LATIN_ADVERBS = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
  'undecies',
  'duodecies',
  'terdecies',
  'quaterdecies',
  'quindecies',
  'sexdecies',
  'septdecies',
  'octodecies',
  'novodecies',
  'vicies',
] as const

/** "bis" for the first block added after an agreed one, "ter" for the second ... */
export function insertionSuffix(added: number): string {
  return LATIN_ADVERBS[added - 1] ?? `(${added + 1})`
}

/**
 * The printed number of a block: the agreed one's, with the suffix of the blocks added after
 * it. Before the first agreed block of a series there is no number to follow: UN secretariats
 * write such a paragraph "1 pre" (not "0 bis", which no UN text uses), then "1 pre bis" ...
 */
export function numeralOf(agreed: string, added: number, isBefore = false): string {
  if (isBefore) return added === 1 ? `${agreed} pre` : `${agreed} pre ${insertionSuffix(added - 1)}`
  return added === 0 ? agreed : `${agreed} ${insertionSuffix(added)}`
}

export const paragraphLabel = (paragraph: number | string): string => `${paragraph}.`
export const actionLabel = (letter: string): string => `${letter})`

export type Language = 'fr' | 'en'

/** "Objectif 1" / "Objective 1" ("Objectif 7 bis" for a proposed one). */
export const objectiveLabel = (objective: number | string, language: Language): string =>
  language === 'fr' ? `Objectif ${objective}` : `Objective ${objective}`

type Series = 'paragraph' | 'objective' | 'action'

const seriesOf = (type: string): Series | null => {
  switch (type) {
    case 'paragraph':
    case 'commitment':
      return 'paragraph'
    case 'objective':
      return 'objective'
    case 'action':
      return 'action'
    default:
      return null
  }
}

/** One series being numbered: paragraphs (the whole text), objectives, or one objective's actions. */
interface Counter {
  agreed: number
  added: number
  /** Blocks added before the first agreed one, waiting to be numbered "1 pre", "a pre" ... */
  hasAgreed: boolean
}

const freshCounter = (hasAgreed: boolean): Counter => ({ agreed: 0, added: 0, hasAgreed })

/**
 * How a number is cited outside its objective, as in a concordance: "17.", "7 a)", "Objectif 7".
 * An action's letter alone is ambiguous across objectives.
 */
export function blockReference(number: BlockNumber): string {
  switch (number.kind) {
    case 'paragraph':
    case 'objective':
      return number.label
    case 'action':
      return `${number.objective} ${number.label}`
  }
}

/**
 * Numbers the blocks of a draft given in document order; returns one entry per input block,
 * `null` for blocks that carry no number (sections, titles, principles).
 *
 * Agreed numbers never move because of a proposal: a block proposed and not yet decided, or
 * accepted since the last revision (its uid is not in `base.revisionUids`), takes the number of
 * the agreed block before it with "bis", "ter" ...; only agreed blocks count. A revision
 * consolidates: numbered against it, every block of it is agreed. The actions of a proposed
 * objective are lettered afresh: the whole objective is new and has no agreed letters to keep.
 */
export function numberBlocks(
  blocks: readonly BlockRef[],
  base: NumberingBase = {},
): (BlockNumber | null)[] {
  const uids = base.revisionUids ?? null
  const isAgreed = (block: BlockRef) =>
    !block.isProposed && (uids === null || (block.uid !== null && uids.has(block.uid)))
  // Which series hold an agreed block at all: one that holds none has nothing to keep.
  const objectiveOf: number[] = []
  const seriesWithAgreed = new Set<string>()
  let objectiveIndex = 0
  let isObjectiveAdded = false
  blocks.forEach((block, i) => {
    if (block.type === 'objective') {
      objectiveIndex += 1
      isObjectiveAdded = !isAgreed(block)
    }
    objectiveOf[i] = objectiveIndex
    const series = seriesOf(block.type)
    if (!series) return
    const key = series === 'action' ? `action:${objectiveIndex}` : series
    if (isAgreed(block) || (series === 'action' && isObjectiveAdded)) seriesWithAgreed.add(key)
  })

  const paragraphs = freshCounter(seriesWithAgreed.has('paragraph'))
  const objectives = freshCounter(seriesWithAgreed.has('objective'))
  let actions = freshCounter(false)
  let objective: { agreed: number; numeral: string; isAdded: boolean } = {
    agreed: 0,
    numeral: '0',
    isAdded: false,
  }
  const step = (counter: Counter, block: BlockRef, treatAsAgreed: boolean) => {
    if (treatAsAgreed || isAgreed(block) || !counter.hasAgreed) {
      counter.agreed += 1
      counter.added = 0
      return { agreed: counter.agreed, added: 0, isBefore: false }
    }
    counter.added += 1
    // Added before the first agreed block: numbered after the one it precedes ("1 pre").
    if (counter.agreed === 0) return { agreed: 1, added: counter.added, isBefore: true }
    return { agreed: counter.agreed, added: counter.added, isBefore: false }
  }

  return blocks.map((block, i): BlockNumber | null => {
    switch (seriesOf(block.type)) {
      case 'paragraph': {
        const n = step(paragraphs, block, false)
        const numeral = numeralOf(String(n.agreed), n.added, n.isBefore)
        return {
          kind: 'paragraph',
          paragraph: n.agreed,
          added: n.added,
          numeral,
          label: paragraphLabel(numeral),
        }
      }
      case 'objective': {
        const n = step(objectives, block, false)
        const numeral = numeralOf(String(n.agreed), n.added, n.isBefore)
        objective = { agreed: n.agreed, numeral, isAdded: !isAgreed(block) }
        actions = freshCounter(seriesWithAgreed.has(`action:${objectiveOf[i]}`))
        return {
          kind: 'objective',
          objective: n.agreed,
          added: n.added,
          numeral,
          label: objectiveLabel(numeral, 'fr'),
        }
      }
      case 'action': {
        const n = step(actions, block, objective.isAdded)
        const letter = actionLetter(n.agreed - 1)
        const numeral = numeralOf(letter, n.added, n.isBefore)
        return {
          kind: 'action',
          objective: objective.agreed,
          letter,
          added: n.added,
          numeral,
          label: actionLabel(numeral),
        }
      }
      case null:
        return null
    }
  })
}

/** A ProseMirror-JSON-shaped node, as stored in revisions and served by the API. */
export interface DraftJSON {
  type: string
  attrs?: Record<string, unknown>
  content?: DraftJSON[]
  text?: string
  marks?: { type: string; attrs?: Record<string, unknown> }[]
}

/** The blocks of a ProseMirror JSON document in document order (text nodes excluded). */
export function blocksOfJSON(root: DraftJSON): DraftJSON[] {
  return proposedBlocksOfJSON(root).map(({ node }) => node)
}

/**
 * The blocks of a ProseMirror JSON document in document order, each with whether it is
 * proposed: it carries a delegation's `insertedBy`, or is inside a block that does (an
 * objective's title, commitment and actions carry no proposal of their own).
 */
export function proposedBlocksOfJSON(root: DraftJSON): { node: DraftJSON; isProposed: boolean }[] {
  const blocks: { node: DraftJSON; isProposed: boolean }[] = []
  const visit = (node: DraftJSON, isInProposed: boolean) => {
    if (node.type === 'text') return
    const isProposed = isInProposed || isProposedAttrs(node.attrs)
    if (node !== root) blocks.push({ node, isProposed })
    node.content?.forEach((child) => visit(child, isProposed))
  }
  visit(root, false)
  return blocks
}

/** Whether a block's attributes make it a whole proposed block. */
export const isProposedAttrs = (attrs: Record<string, unknown> | undefined): boolean =>
  attrs?.[INSERTED_BY_ATTR] !== null && attrs?.[INSERTED_BY_ATTR] !== undefined

const uidOf = (node: DraftJSON): string | null =>
  typeof node.attrs?.uid === 'string' ? node.attrs.uid : null

/**
 * The uids of the agreed blocks of a draft: a revision's are what the live draft is numbered
 * against. Blocks still proposed in it are left out: accepted later, they stay "bis".
 */
export function agreedBlockUidsOf(root: DraftJSON): Set<string> {
  const uids = new Set<string>()
  for (const { node, isProposed } of proposedBlocksOfJSON(root)) {
    const uid = uidOf(node)
    if (uid && !isProposed) uids.add(uid)
  }
  return uids
}

/** The numbers of a ProseMirror JSON draft, by block uid. */
export function numberDraft(root: DraftJSON, base: NumberingBase = {}): Map<string, BlockNumber> {
  const blocks = proposedBlocksOfJSON(root)
  const numbers = numberBlocks(
    blocks.map(({ node, isProposed }) => ({ type: node.type, uid: uidOf(node), isProposed })),
    base,
  )
  const byUid = new Map<string, BlockNumber>()
  blocks.forEach(({ node }, i) => {
    const uid = uidOf(node)
    const number = numbers[i]
    if (uid && number) byUid.set(uid, number)
  })
  return byUid
}
