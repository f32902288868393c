import { xmlTokens, type XmlPart } from './xmlTokens.ts'

/** Word numbering applied to a paragraph: the list instance and the level (0-8) in it. */
export interface NumberingRef {
  numId: string
  level: number
}

const MAX_LIST_LEVEL = 8

/** A w:ilvl value as a list level: Word has levels 0 to 8; anything else is read as 0. */
export function listLevel(value: string | undefined): number {
  const level = Number(value ?? 0)
  return Number.isInteger(level) && level >= 0 && level <= MAX_LIST_LEVEL ? level : 0
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
// the UN templates' H1, H23, H4, HCh and HM. One quantifier per alternative: "h\d+\d*" split a
// run of digits every way and was quadratic in it.
const HEADING_STYLE = /^(?:(?:heading|titre|title|subtitle|soustitre|hch|hm)\d*|h\d+)$/i
// Longer names are not headings; they are not matched at all.
const MAX_STYLE_NAME_CHARS = 64
// Word's style inheritance is a few levels deep; a longer chain is cut (it may be a loop).
const MAX_STYLE_CHAIN = 32

const styleKey = (name: string): string => name.replace(/[\s-]/g, '')

const isHeadingName = (name: string): boolean =>
  name.length <= MAX_STYLE_NAME_CHARS && HEADING_STYLE.test(styleKey(name))

/** Reads word/styles.xml (null when the archive has none). */
export function readDocxStyles(part: XmlPart | null): DocxStyles {
  const styles = new Map<string, WordStyle>()
  let id: string | null = null
  for (const token of xmlTokens(part)) {
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
    else if (token.name === 'w:ilvl') style.numbering.level = listLevel(val)
  }

  // A style inherits from the one it is based on; the chain is cut at a loop or at its limit.
  const chain = (styleId: string | null): WordStyle[] => {
    const found = new Set<WordStyle>()
    for (let style = styleId ? styles.get(styleId) : undefined; style;) {
      if (found.has(style) || found.size === MAX_STYLE_CHAIN) break
      found.add(style)
      style = style.basedOn ? styles.get(style.basedOn) : undefined
    }
    return [...found]
  }
  // Asked once per paragraph, answered once per style.
  const headings = new Map<string | null, boolean>()
  const isHeading = (styleId: string | null): boolean =>
    (styleId !== null && isHeadingName(styleId)) ||
    chain(styleId).some(
      (style) =>
        isHeadingName(style.name) || (style.outlineLevel !== null && style.outlineLevel < 9),
    )

  return {
    isHeading: (styleId) => {
      const known = headings.get(styleId)
      if (known !== undefined) return known
      const answer = isHeading(styleId)
      headings.set(styleId, answer)
      return answer
    },
    numbering: (styleId) => {
      const styleChain = chain(styleId)
      return {
        numId: styleChain.find((style) => style.numbering.numId !== undefined)?.numbering.numId,
        level: styleChain.find((style) => style.numbering.level !== undefined)?.numbering.level,
      }
    },
  }
}
