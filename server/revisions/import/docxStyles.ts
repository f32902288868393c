import { xmlTokens } from './xmlTokens.ts'

/** Word numbering applied to a paragraph: the list instance and the level (0-8) in it. */
export interface NumberingRef {
  numId: string
  level: number
}

interface WordStyle {
  name: string
  basedOn: string | null
  outlineLevel: number | null
  numbering: Partial<NumberingRef>
}

/** The paragraph styles of a .docx (word/styles.xml), for headings and style-borne numbering. */
export interface DocxStyles {
  isHeading(styleId: string | null): boolean
  numbering(styleId: string | null): Partial<NumberingRef>
}

// Built-in heading styles in English and French Word ("heading 1", "Titre1"), the title, and
// the UN templates' H1, H23, H4, HCh and HM.
const HEADING_STYLE = /^(?:heading|titre|title|subtitle|soustitre|h(?:ch|m|\d+))\d*$/i

const styleKey = (name: string): string => name.replace(/[\s-]/g, '')

/** Reads word/styles.xml (null when the archive has none). */
export function readDocxStyles(xml: string | null): DocxStyles {
  const styles = new Map<string, WordStyle>()
  let id: string | null = null
  for (const token of xml === null ? [] : xmlTokens(xml)) {
    if (token.kind === 'close') {
      if (token.name === 'w:style') id = null
      continue
    }
    if (token.kind !== 'open') continue
    const val = token.attrs.get('w:val')
    if (token.name === 'w:style') {
      id = token.attrs.get('w:type') === 'paragraph' ? (token.attrs.get('w:styleId') ?? null) : null
      if (id !== null) {
        styles.set(id, { name: id, basedOn: null, outlineLevel: null, numbering: {} })
      }
    }
    const style = id === null ? undefined : styles.get(id)
    if (!style || val === undefined) continue
    if (token.name === 'w:name') style.name = val
    else if (token.name === 'w:basedOn') style.basedOn = val
    else if (token.name === 'w:outlineLvl') style.outlineLevel = Number(val)
    else if (token.name === 'w:numId') style.numbering.numId = val
    else if (token.name === 'w:ilvl') style.numbering.level = Number(val)
  }

  // A style inherits from the one it is based on; the chain is cut at a loop.
  const chain = (styleId: string | null): WordStyle[] => {
    const found: WordStyle[] = []
    for (let style = styleId ? styles.get(styleId) : undefined; style;) {
      if (found.includes(style)) break
      found.push(style)
      style = style.basedOn ? styles.get(style.basedOn) : undefined
    }
    return found
  }

  return {
    isHeading: (styleId) =>
      (styleId !== null && HEADING_STYLE.test(styleKey(styleId))) ||
      chain(styleId).some(
        (style) =>
          HEADING_STYLE.test(styleKey(style.name)) ||
          (style.outlineLevel !== null && style.outlineLevel < 9),
      ),
    numbering: (styleId) => {
      const styleChain = chain(styleId)
      return {
        numId: styleChain.find((style) => style.numbering.numId !== undefined)?.numbering.numId,
        level: styleChain.find((style) => style.numbering.level !== undefined)?.numbering.level,
      }
    },
  }
}
