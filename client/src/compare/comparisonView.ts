import type {
  ChangeCounts,
  ComparedParagraph,
  ComparisonSummary,
  DiffSegment,
  ObjectiveChanges,
} from '../../../shared/compare/comparisonSchema.ts'

/** Which text of a comparison: the one compared from, or the one compared to. */
export type Side = 'from' | 'to'

/** The segments of a diff that one side holds: kept text and what that side alone has. */
export const segmentsOf = (diff: readonly DiffSegment[], side: Side): DiffSegment[] =>
  diff.filter(([op]) => op === 0 || op === (side === 'from' ? -1 : 1))

/** The plain text of one side of a block. */
export const textOf = (diff: readonly DiffSegment[], side: Side): string =>
  segmentsOf(diff, side)
    .map(([, text]) => text)
    .join('')

/** Whether a block differs between the two texts (in wording, presence or place). */
export const isChange = (paragraph: ComparedParagraph): boolean => paragraph.status !== 'unchanged'

/** The side whose text names a block: the new text, unless the block was deleted from it. */
export const namingSide = (paragraph: ComparedParagraph): Side =>
  paragraph.status === 'deleted' ? 'from' : 'to'

/** The objective number in a label such as "Objectif 7" (labels are in the text's language). */
export function objectiveNumberOf(label: string | null): number | null {
  const digits = label ? /\d+/.exec(label) : null
  return digits ? Number(digits[0]) : null
}

/** Blocks changed, inserted, deleted or moved (in an objective, or in all the text). */
export const changedBlocks = (changes: ChangeCounts): number =>
  changes.changed + changes.inserted + changes.deleted + changes.moved

export interface OutlineObjective {
  number: number
  title: string
  /** Index in the comparison's paragraphs of the objective's title block. */
  index: number
  /** Index of its first changed block, null if it has none. */
  firstChange: number | null
  /** From the comparison's summary; null when the objective did not change. */
  changes: ObjectiveChanges | null
}

export interface OutlineSection {
  title: string
  index: number
  /** Changed blocks of the section outside its objectives. */
  changedOutsideObjectives: number
  firstChange: number | null
  objectives: OutlineObjective[]
}

/**
 * The outline of a comparison: its sections and objectives in the order of the new text, each
 * with where it starts, its first change and (objectives) its counts from the summary.
 */
export function outlineOf(
  paragraphs: readonly ComparedParagraph[],
  summary: ComparisonSummary,
): OutlineSection[] {
  const changesByObjective = new Map(
    summary.byObjective.flatMap((entry) =>
      entry.objective === null ? [] : [[entry.objective, entry] as const],
    ),
  )
  const sections: OutlineSection[] = []
  let section: OutlineSection | null = null
  let objective: OutlineObjective | null = null

  for (const [index, paragraph] of paragraphs.entries()) {
    const title = textOf(paragraph.diff, namingSide(paragraph))
    if (paragraph.type === 'sectionTitle' || !section) {
      section = {
        title: paragraph.type === 'sectionTitle' ? title : '',
        index,
        changedOutsideObjectives: 0,
        firstChange: null,
        objectives: [],
      }
      sections.push(section)
      objective = null
    }
    if (paragraph.type === 'objectiveTitle' && paragraph.objective !== null) {
      objective = {
        number: paragraph.objective,
        title,
        index,
        firstChange: null,
        changes: changesByObjective.get(paragraph.objective) ?? null,
      }
      section.objectives.push(objective)
    } else if (paragraph.objective === null) {
      objective = null
    }
    if (!isChange(paragraph)) continue
    section.firstChange ??= index
    if (objective && paragraph.objective === objective.number) objective.firstChange ??= index
    else section.changedOutsideObjectives += 1
  }
  return sections
}

/** The indexes of the changed blocks, in reading order: the stops of next / previous change. */
export const changeStops = (paragraphs: readonly ComparedParagraph[]): number[] =>
  paragraphs.flatMap((paragraph, index) => (isChange(paragraph) ? [index] : []))
