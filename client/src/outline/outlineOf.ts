import { AD_REF_ATTR } from '../../../shared/draft/index.ts'
import type { NumberedBlock } from '../numbering/numberingPlugin.ts'

export interface OutlineObjective {
  key: string
  uid: string | null
  pos: number
  number: number
  /** As printed: "7", "7 bis". */
  numeral: string
  title: string
  /** Of its commitment and actions (not those still proposed), how many are agreed ad ref. */
  adRef: { count: number; total: number }
  /** The number of the objective's commitment paragraph (UN style: objectives are paragraphs). */
  paragraph: number | null
}

export interface OutlineSection {
  key: string
  uid: string | null
  pos: number
  title: string
  /** The first and last paragraph numbers in the section, if it has any. */
  paragraphs: { from: number; to: number } | null
  objectives: OutlineObjective[]
}

const uidOf = (block: NumberedBlock): string | null =>
  typeof block.node.attrs.uid === 'string' ? block.node.attrs.uid : null

/** The outline of a draft, from the blocks the numbering plugin already walked and numbered. */
export function outlineOf(blocks: readonly NumberedBlock[]): OutlineSection[] {
  const sections: OutlineSection[] = []
  let section: OutlineSection | null = null
  let objective: OutlineObjective | null = null
  for (const block of blocks) {
    const { node, number, pos } = block
    switch (node.type.name) {
      case 'section':
        section = {
          key: uidOf(block) ?? `section@${pos}`,
          uid: uidOf(block),
          pos,
          title: '',
          paragraphs: null,
          objectives: [],
        }
        objective = null
        sections.push(section)
        break
      case 'sectionTitle':
        if (section) section.title = node.textContent
        break
      case 'objective':
        if (section && number?.kind === 'objective') {
          objective = {
            key: uidOf(block) ?? `objective@${pos}`,
            uid: uidOf(block),
            pos,
            number: number.objective,
            numeral: number.numeral,
            title: '',
            paragraph: null,
            adRef: { count: 0, total: 0 },
          }
          section.objectives.push(objective)
        }
        break
      case 'objectiveTitle':
        if (objective) objective.title = node.textContent
        break
      default:
        if (
          objective &&
          !block.isProposed &&
          (number?.kind === 'paragraph' || number?.kind === 'action')
        ) {
          objective.adRef.total += 1
          if (node.attrs[AD_REF_ATTR] === true) objective.adRef.count += 1
        }
        if (number?.kind === 'paragraph' && section) {
          section.paragraphs = {
            from: section.paragraphs?.from ?? number.paragraph,
            to: number.paragraph,
          }
          if (node.type.name === 'commitment' && objective) objective.paragraph = number.paragraph
        }
    }
  }
  return sections
}

/** Whether two outlines show the same thing (positions aside), to skip needless renders. */
export function isSameOutline(a: readonly OutlineSection[], b: readonly OutlineSection[]): boolean {
  return (
    a.length === b.length &&
    a.every((section, i) => {
      const other = b[i]
      return (
        other !== undefined &&
        section.key === other.key &&
        section.title === other.title &&
        section.paragraphs?.from === other.paragraphs?.from &&
        section.paragraphs?.to === other.paragraphs?.to &&
        section.objectives.length === other.objectives.length &&
        section.objectives.every((objective, j) => {
          const o = other.objectives[j]
          return (
            o !== undefined &&
            objective.key === o.key &&
            objective.number === o.number &&
            objective.numeral === o.numeral &&
            objective.adRef.count === o.adRef.count &&
            objective.adRef.total === o.adRef.total &&
            objective.title === o.title &&
            objective.paragraph === o.paragraph
          )
        })
      )
    })
  )
}
