import type { DraftJSON, Language } from '../../../shared/numbering.ts'
import { matchSectionHeading } from './compactHeadings.ts'
import { ImportError, fileError } from './ImportError.ts'
import { MAX_IMPORT_BLOCKS, MAX_IMPORT_LINES, MAX_LINE_CHARS } from './limits.ts'
import { classifyLine, tidy, type RevisionLine } from './revisionLines.ts'
import { RevisionReader, type SkippedLine } from './RevisionReader.ts'
import { blockCount, draftOfSections } from './revisionModel.ts'

/** An imported revision: the draft, and the lines left out of it (front matter, objectives list). */
export interface RevisionImport {
  draft: DraftJSON
  skipped: SkippedLine[]
}

interface NumberedLine {
  line: RevisionLine
  number: number
  raw: string
}

// A section heading may wrap onto a second line ("Objectifs pour des migrations sûres,"
// then "ordonnées et régulières"): the two lines are read as one.
function classifyLines(lines: readonly string[]): NumberedLine[] {
  const classified: NumberedLine[] = []
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] ?? ''
    const line = classifyLine(raw)
    const next = lines[i + 1]
    const wrapped =
      line.type === 'text' && next ? matchSectionHeading(tidy(`${raw} ${next}`)) : null
    classified.push({ line: wrapped ? { type: 'section', ...wrapped } : line, number: i + 1, raw })
    if (wrapped) i += 1
  }
  return classified
}

// Every step after this one is linear in a line; these bounds keep the whole linear in the file
// and give a file that is no UN text one clear error, before any work.
function checkLineLimits(lines: readonly string[], sourceLine: (line: number) => number): void {
  if (lines.length > MAX_IMPORT_LINES) {
    throw fileError(`The document has more than ${MAX_IMPORT_LINES.toLocaleString('en')} lines`)
  }
  const long = lines.findIndex((line) => line.length > MAX_LINE_CHARS)
  if (long >= 0) {
    throw new ImportError([
      {
        line: sourceLine(long + 1),
        message: `The line is longer than ${MAX_LINE_CHARS.toLocaleString('en')} characters (${(lines[long] ?? '').length.toLocaleString('en')}): a paragraph of a UN text is far shorter`,
      },
    ])
  }
}

// The language of the headings, for the titles of sections the text does not head itself.
function languageOf(lines: readonly NumberedLine[]): Language {
  let english = 0
  for (const { line } of lines) {
    if (line.type === 'section' || line.type === 'objective')
      english += line.language === 'en' ? 1 : -1
  }
  return english > 0 ? 'en' : 'fr'
}

/**
 * Reads a revision given as lines of UN-style text (see `parseRevisionText`); also returns the
 * lines it left out. Throws an ImportError listing every line that cannot be placed, numbered
 * by `sourceLine` (a .docx reports the Word paragraph a line comes from).
 */
export function importRevisionLines(
  lines: readonly string[],
  sourceLine: (line: number) => number = (line) => line,
): RevisionImport {
  checkLineLimits(lines, sourceLine)
  const classified = classifyLines(lines)
  if (classified.every(({ line }) => line.type === 'blank')) {
    throw fileError('The document is empty')
  }
  const reader = new RevisionReader(languageOf(classified))
  for (const { line, number, raw } of classified) reader.read(line, number, raw)
  reader.finish()
  if (!reader.hasStructure) {
    throw fileError(
      'No section heading, objective heading or numbered paragraph was found: the text has no recognisable structure',
    )
  }
  const blocks = blockCount(reader.sections)
  if (blocks > MAX_IMPORT_BLOCKS) {
    throw fileError(
      `The document has ${blocks.toLocaleString('en')} headings, paragraphs and actions; a revision may have ${MAX_IMPORT_BLOCKS.toLocaleString('en')}`,
    )
  }
  if (reader.issues.length > 0) {
    const issues = reader.issues.map((issue) => ({ ...issue, line: sourceLine(issue.line) }))
    throw new ImportError(issues.sort((a, b) => a.line - b.line))
  }
  const skipped = reader.skipped.map((line) => ({ ...line, line: sourceLine(line.line) }))
  return { draft: draftOfSections(reader.sections), skipped }
}

/** Like `parseRevisionText`, also returning the lines left out of the draft. */
export const importRevisionText = (text: string): RevisionImport =>
  importRevisionLines(text.replace(/^\uFEFF/, '').split(/\r\n|[\n\r\f\v\u0085\u2028\u2029]/))

/**
 * Parses a revision written as UN-style plain text into a draft valid against `draftSchema`:
 * section headings of the compact (French or English), "Objectif 1 :" / "Objective 1:"
 * headings, "17." paragraphs (the first after an objective heading is its commitment), "a)" or
 * "(a)" actions, guiding principles after the vision paragraph that introduces them, and
 * continuation lines. Typed numbers are dropped: numbering is derived from order.
 */
export const parseRevisionText = (text: string): DraftJSON => importRevisionText(text).draft
