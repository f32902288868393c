/**
 * The one numbering of a draft, used by the editor margin, the API, exports and comparisons.
 * Numbers are derived from order, never stored: paragraphs (including each objective's
 * commitment) run 1..n continuously through the text as in UN documents, objectives run 1..n,
 * and actions are lettered a), b), ... afresh in each objective.
 */

/** What numbering needs to know of a block: its node type and its uid. */
export interface BlockRef {
  type: string
  uid: string | null
}

export type BlockNumber =
  | { kind: 'paragraph'; paragraph: number; label: string }
  | { kind: 'objective'; objective: number; label: string }
  | { kind: 'action'; objective: number; letter: string; label: string }

/** The letter of the action at `index` (0-based): a..z, then aa, bb, cc ... as UN texts do. */
export function actionLetter(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26))
  return letter.repeat(Math.floor(index / 26) + 1)
}

export const paragraphLabel = (paragraph: number): string => `${paragraph}.`
export const actionLabel = (letter: string): string => `${letter})`

export type Language = 'fr' | 'en'

/** "Objectif 1" / "Objective 1". French puts a non-breaking space before the colon. */
export const objectiveLabel = (objective: number, language: Language): string =>
  language === 'fr' ? `Objectif ${objective}` : `Objective ${objective}`

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
 */
export function numberBlocks(blocks: readonly BlockRef[]): (BlockNumber | null)[] {
  let paragraph = 0
  let objective = 0
  let action = 0
  return blocks.map((block): BlockNumber | null => {
    switch (block.type) {
      case 'paragraph':
      case 'commitment':
        paragraph += 1
        return { kind: 'paragraph', paragraph, label: paragraphLabel(paragraph) }
      case 'objective':
        objective += 1
        action = 0
        return { kind: 'objective', objective, label: objectiveLabel(objective, 'fr') }
      case 'action': {
        const letter = actionLetter(action)
        action += 1
        return { kind: 'action', objective, letter, label: actionLabel(letter) }
      }
      default:
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
  const blocks: DraftJSON[] = []
  const visit = (node: DraftJSON) => {
    if (node.type === 'text') return
    if (node !== root) blocks.push(node)
    node.content?.forEach(visit)
  }
  visit(root)
  return blocks
}

const uidOf = (node: DraftJSON): string | null =>
  typeof node.attrs?.uid === 'string' ? node.attrs.uid : null

/** The numbers of a ProseMirror JSON draft, by block uid. */
export function numberDraft(root: DraftJSON): Map<string, BlockNumber> {
  const blocks = blocksOfJSON(root)
  const numbers = numberBlocks(blocks.map((node) => ({ type: node.type, uid: uidOf(node) })))
  const byUid = new Map<string, BlockNumber>()
  blocks.forEach((node, i) => {
    const uid = uidOf(node)
    const number = numbers[i]
    if (uid && number) byUid.set(uid, number)
  })
  return byUid
}
