import type { DocxNumbering } from './docxNumbering.ts'
import type { WordParagraph } from './docxParagraphs.ts'
import type { DocxStyles, NumberingRef } from './docxStyles.ts'
import { hasTypedMarker } from './revisionLines.ts'

/** The text lines of a Word document, and the paragraph (1-based) each line comes from. */
export interface DocxLines {
  lines: string[]
  paragraphOfLine: number[]
}

const ACTION_MARKER = 'a)'

const ROMAN = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
] as const
// Roman numerals stop at 3999; a list may claim to start anywhere (w:start), and the loop
// below must not run a number of times the document chooses.
const MAX_ROMAN = 3999

function roman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_ROMAN) return String(n)
  let rest = n
  let text = ''
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      text += digits
      rest -= value
    }
  }
  return text
}

// What Word would print before a numbered paragraph, in the form the text parser reads:
// decimal lists are paragraphs ("17."), lower-letter lists actions, lower-roman sub-items
// ("ii)"). Bullets and upper-case enumerators (chapters "I.", "A.") print nothing. A level whose
// format the document does not give is a paragraph at level 0, an action at level 1.
// Every action is written "a)": letters are derived anyway, and a list that Word letters on
// across objectives would otherwise reach "i)", which the parser could take for a sub-item.
function marker(format: string | null, level: number, count: number): string {
  switch (format) {
    case 'decimal':
      return `${count}.`
    case 'lowerLetter':
      return ACTION_MARKER
    case 'lowerRoman':
      return `${roman(count)})`
    case null:
      if (level === 0) return `${count}.`
      return level === 1 ? ACTION_MARKER : ''
    default:
      return ''
  }
}

/**
 * Counts Word's automatic numbering as Word does: each list instance keeps a counter per level,
 * and a level restarts when a higher one moves on.
 */
function listCounter(numbering: DocxNumbering) {
  const counters = new Map<string, number[]>()
  return (ref: NumberingRef): string => {
    const level = numbering.level(ref.numId, ref.level)
    const counts = counters.get(ref.numId) ?? []
    counters.set(ref.numId, counts)
    const count = (counts[ref.level] ?? (level?.start ?? 1) - 1) + 1
    counts[ref.level] = count
    counts.length = ref.level + 1
    return marker(level?.format ?? null, ref.level, count)
  }
}

/**
 * Turns Word paragraphs into the lines of a UN-style text: one line per paragraph (a line break
 * inside one starts a new line), automatic numbers written out where no number is typed, and
 * headings set apart by blank lines so that no text runs into or out of them.
 */
export function docxLines(
  paragraphs: readonly WordParagraph[],
  styles: DocxStyles,
  numbering: DocxNumbering,
): DocxLines {
  const lines: string[] = []
  const paragraphOfLine: number[] = []
  const count = listCounter(numbering)
  const push = (line: string, paragraph: number) => {
    lines.push(line)
    paragraphOfLine.push(paragraph)
  }
  paragraphs.forEach((paragraph, index) => {
    const number = index + 1
    const fromStyle = styles.numbering(paragraph.styleId)
    const numId = paragraph.numbering.numId ?? fromStyle.numId
    const level = paragraph.numbering.level ?? fromStyle.level ?? 0
    // numId 0 takes away the numbering a style would give.
    const label = numId && numId !== '0' ? count({ numId, level }) : ''
    const isHeading = styles.isHeading(paragraph.styleId)
    const [first = '', ...rest] = paragraph.text.split('\n')
    const isLabelled = label !== '' && !isHeading && first.trim() !== '' && !hasTypedMarker(first)
    if (isHeading) push('', number)
    push(isLabelled ? `${label} ${first}` : first, number)
    for (const line of rest) push(line, number)
    if (isHeading) push('', number)
  })
  return { lines, paragraphOfLine }
}
