import { listLevel, type NumberingRef } from './docxStyles.ts'
import { fileError } from './ImportError.ts'
import { MAX_IMPORT_LINES } from './limits.ts'
import { xmlTokens, type XmlPart } from './xmlTokens.ts'

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

const isXmlSpace = (code: number): boolean =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d

// Trims XML white space (not the non-breaking spaces of French typography). A scan from both
// ends: the regex /[ \t\r\n]+$/ tried a run of spaces from every start, quadratic in the run.
function trimXmlSpace(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && isXmlSpace(text.charCodeAt(start))) start += 1
  while (end > start && isXmlSpace(text.charCodeAt(end - 1))) end -= 1
  return text.slice(start, end)
}

/** The paragraphs of word/document.xml, with their style and numbering. */
export function readWordParagraphs(part: XmlPart): WordParagraph[] {
  const paragraphs: WordParagraph[] = []
  const push = (done: WordParagraph) => {
    if (paragraphs.length === MAX_IMPORT_LINES) {
      throw fileError(
        `The document has more than ${MAX_IMPORT_LINES.toLocaleString('en')} paragraphs`,
      )
    }
    paragraphs.push(done)
  }
  const stack: string[] = []
  let skipping = 0
  let paragraph: WordParagraph | null = null
  let isHiddenRun = false
  let isInText = false
  let isPreserved = false
  for (const token of xmlTokens(part)) {
    if (token.kind === 'text') {
      if (paragraph && isInText && skipping === 0 && !isHiddenRun) {
        // Without xml:space="preserve", Word ignores the spaces around a run's text.
        paragraph.text += isPreserved ? token.text : trimXmlSpace(token.text)
      }
      continue
    }
    if (token.kind === 'close') {
      stack.pop()
      if (SKIPPED.has(token.name)) skipping -= 1
      else if (token.name === 'w:t') isInText = false
      else if (token.name === 'w:p' && paragraph && skipping === 0) {
        push(paragraph)
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
        push(paragraph)
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
      paragraph.numbering.level = listLevel(attrs.get('w:val'))
    }
  }
  return paragraphs
}
