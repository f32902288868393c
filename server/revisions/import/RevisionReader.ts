import { actionLetter, type Language } from '../../../shared/numbering.ts'
import type { SectionKind } from '../../../shared/schema/sectionKinds.ts'
import { SECTION_HEADINGS } from './compactHeadings.ts'
import type { ImportIssue } from './ImportError.ts'
import type { RevisionLine } from './revisionLines.ts'
import {
  appendText,
  isEmptyBlock,
  lastCharacter,
  textBlock,
  type ObjectiveModel,
  type SectionModel,
  type TextBlock,
} from './revisionModel.ts'

/** A line read but left out of the draft, with why. */
export interface SkippedLine {
  line: number
  text: string
  reason: 'frontMatter' | 'objectivesList'
}

// A guiding principle: a capitalised name of a few words, a period, then its text (or nothing).
const PRINCIPLE = /^\p{Lu}[^.:;!?]{1,79}\.(?:\s|$)/u
const MAX_PRINCIPLE_NAME_WORDS = 10
// Sub-items i), ii), v), x) inside an action, told from the letters i, ii, v, x by their order.
const ROMAN_SUB_ITEM = /^(?:i|ii|v|x)$/

const snippet = (text: string): string => `"${text.length > 48 ? `${text.slice(0, 47)}…` : text}"`

// Open blocks are read by their last character only: a block may grow to many lines.
const SENTENCE_ENDS = new Set(['.', ':', ';'])
const ITEM_LEADS = new Set([':', ';'])
const endsSentence = (block: TextBlock): boolean => SENTENCE_ENDS.has(lastCharacter(block))
const leadsIntoItems = (block: TextBlock): boolean => ITEM_LEADS.has(lastCharacter(block))

const isPrincipleLine = (text: string): boolean =>
  PRINCIPLE.test(text) &&
  text.slice(0, text.indexOf('.')).split(/\s+/).length <= MAX_PRINCIPLE_NAME_WORDS

/**
 * Reads classified lines one by one into sections, as a UN text is laid out: headings open
 * sections and objectives, numbered lines open paragraphs (the first after an objective heading
 * is its commitment), lettered lines open actions, and any other line continues the open block
 * until a blank line closes it. Problems are collected, not thrown, so all are reported at once.
 */
export class RevisionReader {
  readonly sections: SectionModel[] = []
  readonly issues: ImportIssue[] = []
  readonly skipped: SkippedLine[] = []
  /** Whether a section heading, objective or numbered paragraph has been read. */
  hasStructure = false

  private section: SectionModel | null = null
  private objective: ObjectiveModel | null = null
  /** The block continuation lines go to. */
  private open: TextBlock | null = null
  /** A detached block that swallows the continuation lines of a rejected line. */
  private rejected: TextBlock | null = null
  private isInObjectivesList = false
  private lastTypedParagraph = 0

  constructor(private readonly language: Language) {}

  /** Reads one line; `number` is its 1-based line number and `raw` its text as written. */
  read(line: RevisionLine, number: number, raw: string): void {
    switch (line.type) {
      case 'blank':
        this.open = null
        return
      case 'section':
        this.closeObjective()
        this.hasStructure = true
        this.isInObjectivesList = false
        this.openSection(line.kind, line.title, false)
        return
      case 'objective':
        this.readObjective(line.number, line.title, number)
        return
      case 'paragraph':
        this.readParagraph(line.number, line.text, number, raw)
        return
      case 'action':
        this.readAction(line.letter, line.text, number, raw)
        return
      case 'text':
        this.readText(line.text, number)
        return
    }
  }

  /** Ends the reading; reports an objective left without its title or commitment. */
  finish(): void {
    this.closeObjective()
  }

  private readObjective(typedNumber: number, title: string, line: number): void {
    this.closeObjective()
    this.hasStructure = true
    this.isInObjectivesList = false
    const objective: ObjectiveModel = {
      type: 'objective',
      line,
      number: typedNumber,
      title: textBlock('objectiveTitle', title),
      commitment: null,
      actions: [],
    }
    this.sectionForObjective().body.push(objective)
    this.objective = objective
    // The title may wrap onto the next lines, or come after the heading alone.
    this.open = objective.title
  }

  private readParagraph(typedNumber: number, text: string, line: number, raw: string): void {
    this.hasStructure = true
    if (this.isInObjectivesList || this.startsObjectivesList(typedNumber)) {
      this.isInObjectivesList = true
      this.skip(line, raw, 'objectivesList')
      return
    }
    this.lastTypedParagraph = typedNumber
    if (this.objective && !this.objective.commitment) {
      this.objective.commitment = textBlock('commitment', text)
      this.open = this.objective.commitment
      return
    }
    this.closeObjective()
    this.openBlock(textBlock('paragraph', text))
  }

  private readAction(letter: string, text: string, line: number, raw: string): void {
    if (this.isInObjectivesList) {
      this.skip(line, raw, 'objectivesList')
      return
    }
    const objective = this.objective
    const lastAction = objective?.actions.at(-1)
    if (objective && lastAction && this.isSubItem(letter, objective)) {
      this.open = lastAction
      appendText(lastAction, raw.trim())
      return
    }
    if (!objective) {
      const paragraph = this.paragraphForSubItem()
      if (paragraph) {
        this.open = paragraph
        appendText(paragraph, raw.trim())
      } else {
        this.reject(line, `${snippet(raw.trim())} is lettered as an action but is in no objective`)
      }
    } else if (!objective.commitment) {
      this.reject(
        line,
        `${snippet(raw.trim())} comes before the commitment paragraph of objective ${objective.number}`,
      )
    } else {
      this.open = textBlock('action', text)
      objective.actions.push(this.open)
    }
  }

  private readText(text: string, line: number): void {
    if (this.isInObjectivesList) {
      this.skip(line, text, 'objectivesList')
    } else if (this.isPrinciple(text)) {
      this.openBlock(textBlock('principle', text))
    } else if (this.open) {
      appendText(this.open, text)
    } else if (!this.hasStructure) {
      this.skip(line, text, 'frontMatter')
    } else if (this.objective) {
      this.readTextInObjective(this.objective, text, line)
    } else {
      this.openBlock(textBlock('paragraph', text))
    }
  }

  // After a blank line inside an objective: its title if it has none yet, its commitment if not
  // numbered, the lead-in to its actions ("To realize this commitment, ...") before them.
  private readTextInObjective(objective: ObjectiveModel, text: string, line: number): void {
    if (isEmptyBlock(objective.title)) {
      this.open = objective.title
    } else if (!objective.commitment) {
      objective.commitment = textBlock('commitment')
      this.open = objective.commitment
    } else if (objective.actions.length === 0) {
      this.open = objective.commitment
    } else {
      this.reject(
        line,
        `${snippet(text)} follows the actions of objective ${objective.number} without a number or a letter`,
      )
      return
    }
    appendText(this.open, text)
  }

  // Principles follow the vision paragraph that introduces them ("... principles:") or another
  // principle, and start a line that does not continue an unfinished sentence.
  private isPrinciple(text: string): boolean {
    const section = this.section
    if (section?.kind !== 'vision' || this.objective || !isPrincipleLine(text)) return false
    if (this.open && !endsSentence(this.open)) return false
    const previous = section.body.at(-1)
    return (
      previous?.type === 'principle' ||
      (previous?.type === 'paragraph' && lastCharacter(previous) === ':')
    )
  }

  // Outside objectives, "a)" lines are the lettered sub-paragraphs of the paragraph that leads
  // into them (the compact's paragraphs on the capacity-building mechanism and the review forum):
  // they belong to the open paragraph, or to the last one if it ends with ":" or ";".
  private paragraphForSubItem(): TextBlock | null {
    if (this.open?.type === 'paragraph' && this.open !== this.rejected) return this.open
    const previous = this.section?.body.at(-1)
    return previous?.type === 'paragraph' && leadsIntoItems(previous) ? previous : null
  }

  // "i)" after "h)" is the ninth action; after "c)" it is a sub-item of the third.
  private isSubItem(letter: string, objective: ObjectiveModel): boolean {
    return ROMAN_SUB_ITEM.test(letter) && letter !== actionLetter(objective.actions.length)
  }

  // UN texts list the 23 objective titles, numbered afresh from 1, under the objectives heading
  // before the objectives themselves; the list repeats the titles and is left out.
  private startsObjectivesList(typedNumber: number): boolean {
    const section = this.section
    return (
      section?.kind === 'objectives' &&
      typedNumber === 1 &&
      this.lastTypedParagraph > 1 &&
      !section.body.some((item) => item.type === 'objective')
    )
  }

  // The section first: opening an implicit one closes the open block.
  private openBlock(block: TextBlock): void {
    this.currentSection().body.push(block)
    this.open = block
  }

  private openSection(kind: SectionKind, title: string, isImplicit: boolean): SectionModel {
    const section = { kind, title: textBlock('sectionTitle', title), isImplicit, body: [] }
    this.sections.push(section)
    this.section = section
    this.open = null
    return section
  }

  // Text before the first heading opens a preamble, as UN texts begin.
  private currentSection(): SectionModel {
    return (
      this.section ?? this.openSection('preamble', SECTION_HEADINGS.preamble[this.language], true)
    )
  }

  // Objectives before any heading open an objectives section rather than join the preamble.
  private sectionForObjective(): SectionModel {
    const section = this.section
    if (section && !(section.isImplicit && section.kind === 'preamble')) return section
    if (section?.body.length === 0) this.sections.pop()
    return this.openSection('objectives', SECTION_HEADINGS.objectives[this.language], true)
  }

  private closeObjective(): void {
    const objective = this.objective
    if (!objective) return
    if (isEmptyBlock(objective.title)) {
      this.issues.push({
        line: objective.line,
        message: `Objective ${objective.number} has no title`,
      })
    }
    if (!objective.commitment) {
      this.issues.push({
        line: objective.line,
        message: `Objective ${objective.number} has no commitment paragraph (a numbered paragraph after its heading)`,
      })
    }
    this.objective = null
  }

  private reject(line: number, message: string): void {
    this.issues.push({ line, message })
    this.rejected = textBlock('paragraph')
    this.open = this.rejected
  }

  private skip(line: number, text: string, reason: SkippedLine['reason']): void {
    this.skipped.push({ line, text: text.trim(), reason })
  }
}
