import type { Language } from '../../../shared/numbering.ts'
import type { SectionKind } from '../../../shared/schema/sectionKinds.ts'
import { matchSectionHeading } from './compactHeadings.ts'

/** What one line of a UN-style text is, told by how it begins. */
export type RevisionLine =
  | { type: 'blank' }
  | { type: 'section'; kind: SectionKind; language: Language; title: string }
  | { type: 'objective'; number: number; language: Language; title: string }
  | { type: 'paragraph'; number: number; text: string }
  | { type: 'action'; letter: string; text: string }
  | { type: 'text'; text: string }

// "Objectif 1 : titre", "Objective 1: title", "OBJECTIF 1 - titre", or "Objective 1" alone with
// its title on the next line. \s takes in the non-breaking spaces of French typography.
const OBJECTIVE = /^(objectif|objective)\s+(\d{1,2})\s*(?:[:.\u2013\u2014-]\s*(.*))?$/iu
// Without a separator ("Objectif 1 Collecter", as margin labels are exported) the title must
// open with a capital, so that a wrapped line beginning "objectif 3 et 4 ..." stays text.
const OBJECTIVE_WITHOUT_SEPARATOR =
  /^(Objectif|Objective|OBJECTIF|OBJECTIVE)\s+(\d{1,2})\s+(\p{Lu}.*)$/u
// "17." then a space, a tab or nothing: "10.7 des objectifs" and years ("2018.") stay text.
const PARAGRAPH = /^(\d{1,3})\.(?:\s+(.*))?$/u
// "a)", "(a)", and after z the doubled letters "aa)", "bb)" of long UN lists.
const ACTION = /^\(?(([a-z])\2?)\)(?:\s+(.*))?$/u

/** A line's text with its runs of spaces and tabs made one space; non-breaking spaces are kept. */
export const tidy = (text: string): string => text.replace(/[ \t]+/g, ' ').trim()

/** Classifies one line (without its line break). */
export function classifyLine(raw: string): RevisionLine {
  const line = tidy(raw)
  if (line === '') return { type: 'blank' }
  const section = matchSectionHeading(line)
  if (section) return { type: 'section', ...section }
  const objective = OBJECTIVE.exec(line) ?? OBJECTIVE_WITHOUT_SEPARATOR.exec(line)
  if (objective) {
    return {
      type: 'objective',
      number: Number(objective[2]),
      language: objective[1]?.toLowerCase() === 'objective' ? 'en' : 'fr',
      title: tidy(objective[3] ?? ''),
    }
  }
  const paragraph = PARAGRAPH.exec(line)
  if (paragraph)
    return { type: 'paragraph', number: Number(paragraph[1]), text: paragraph[2] ?? '' }
  const action = ACTION.exec(line)
  if (action) return { type: 'action', letter: action[1] ?? '', text: action[3] ?? '' }
  return { type: 'text', text: line }
}

/** Whether a line already carries a typed paragraph number or action letter. */
export const hasTypedMarker = (raw: string): boolean => {
  const { type } = classifyLine(raw)
  return type === 'paragraph' || type === 'action'
}
