import type { NumberingRef } from './docxStyles.ts'
import { xmlTokens } from './xmlTokens.ts'

/** One paragraph of the Word document body, in document order. */
export interface WordParagraph {
  /** Its text; line breaks inside the paragraph are "\n", tabs "\t". */
  text: string
  styleId: string | null
  /** Numbering set on the paragraph itself (its style may carry some too). */
  numbering: Partial<NumberingRef>
}

// Content that is not part of the running text: text boxes (floating, and given twice with
// their fallback), tracked deletions and moves away, former formatting of tracked changes.
const SKIPPED = new Set([
  'w:txbxContent',
  'mc:Fallback',
  'w:del',
  'w:moveFrom',
  'w:pPrChange',
  'w:rPrChange',
])

// Run content that stands for a character. A non-breaking hyphen becomes a plain one so that an
// imported text compares with the typed ones; a soft hyphen is only a hint and disappears.
const RUN_CHARACTERS: Record<string, string> = {
  'w:tab': '\t',
  'w:br': '\n',
  'w:cr': '\n',
  'w:noBreakHyphen': '-',
  'w:softHyphen': '',
}

const WHITESPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g

/** The paragraphs of word/document.xml, with their style and numbering. */
export function readWordParagraphs(xml: string): WordParagraph[] {
  const paragraphs: WordParagraph[] = []
  const stack: string[] = []
  let skipping = 0
  let paragraph: WordParagraph | null = null
  let isHiddenRun = false
  let isInText = false
  let isPreserved = false
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'text') {
      if (paragraph && isInText && skipping === 0 && !isHiddenRun) {
        // Without xml:space="preserve", Word ignores the spaces around a run's text.
        paragraph.text += isPreserved ? token.text : token.text.replace(WHITESPACE, '')
      }
      continue
    }
    if (token.kind === 'close') {
      stack.pop()
      if (SKIPPED.has(token.name)) skipping -= 1
      else if (token.name === 'w:t') isInText = false
      else if (token.name === 'w:p' && paragraph && skipping === 0) {
        paragraphs.push(paragraph)
        paragraph = null
      }
      continue
    }
    const { name, attrs, isSelfClosing } = token
    const parent = stack.at(-1)
    if (!isSelfClosing) stack.push(name)
    if (SKIPPED.has(name)) {
      if (!isSelfClosing) skipping += 1
      continue
    }
    if (skipping > 0) continue
    if (name === 'w:p') {
      paragraph = { text: '', styleId: null, numbering: {} }
      if (isSelfClosing) {
        paragraphs.push(paragraph)
        paragraph = null
      }
    } else if (!paragraph) {
      continue
    } else if (name === 'w:r') {
      isHiddenRun = false
    } else if (name === 'w:vanish' && stack.includes('w:r')) {
      isHiddenRun = attrs.get('w:val') !== 'false' && attrs.get('w:val') !== '0'
    } else if (name === 'w:t') {
      isInText = !isSelfClosing
      isPreserved = attrs.get('xml:space') === 'preserve'
    } else if (parent === 'w:r' && name in RUN_CHARACTERS && !isHiddenRun) {
      paragraph.text += RUN_CHARACTERS[name] ?? ''
    } else if (name === 'w:pStyle' && parent === 'w:pPr') {
      paragraph.styleId = attrs.get('w:val') ?? null
    } else if (name === 'w:numId' && parent === 'w:numPr') {
      paragraph.numbering.numId = attrs.get('w:val')
    } else if (name === 'w:ilvl' && parent === 'w:numPr') {
      paragraph.numbering.level = Number(attrs.get('w:val') ?? 0)
    }
  }
  return paragraphs
}
