import { listLevel } from './docxStyles.ts'
import { xmlTokens, type XmlPart } from './xmlTokens.ts'

/** How one level of a Word list is numbered: its format ("decimal", "lowerLetter", ...) and start. */
export interface ListLevel {
  format: string | null
  start: number
}

/** The list definitions of a .docx (word/numbering.xml). */
export interface DocxNumbering {
  /** The level definition of a list instance, or null when the document does not define it. */
  level(numId: string, level: number): ListLevel | null
}

type Levels = Map<number, Partial<ListLevel>>

// w:num instances point to w:abstractNum definitions and may override a level's start or format.
interface ListInstance {
  abstractId: string | null
  overrides: Levels
}

const levelOf = (levels: Levels, level: number): Partial<ListLevel> => {
  const existing = levels.get(level)
  if (existing) return existing
  const created: Partial<ListLevel> = {}
  levels.set(level, created)
  return created
}

/** Reads word/numbering.xml (null when the archive has none). */
export function readDocxNumbering(part: XmlPart | null): DocxNumbering {
  const abstracts = new Map<string, Levels>()
  const instances = new Map<string, ListInstance>()
  let levels: Levels | null = null
  let instance: ListInstance | null = null
  let level: Partial<ListLevel> | null = null
  for (const token of xmlTokens(part)) {
    if (token.kind === 'close') {
      if (token.name === 'w:abstractNum' || token.name === 'w:num') {
        levels = null
        instance = null
      }
      if (token.name === 'w:lvl' || token.name === 'w:lvlOverride') level = null
      continue
    }
    if (token.kind !== 'open') continue
    const { attrs, name } = token
    const val = attrs.get('w:val')
    if (name === 'w:abstractNum') {
      levels = new Map()
      abstracts.set(attrs.get('w:abstractNumId') ?? '', levels)
    } else if (name === 'w:num') {
      instance = { abstractId: null, overrides: new Map() }
      instances.set(attrs.get('w:numId') ?? '', instance)
      levels = instance.overrides
    } else if (name === 'w:abstractNumId' && instance) {
      instance.abstractId = val ?? null
    } else if ((name === 'w:lvl' || name === 'w:lvlOverride') && levels) {
      level = levelOf(levels, listLevel(attrs.get('w:ilvl')))
    } else if ((name === 'w:start' || name === 'w:startOverride') && level && val) {
      level.start = Number(val)
    } else if (name === 'w:numFmt' && level && val) {
      level.format = val
    }
  }

  return {
    level(numId, index) {
      const found = instances.get(numId)
      if (!found) return null
      const defined = (found.abstractId && abstracts.get(found.abstractId)?.get(index)) || {}
      const override = found.overrides.get(index) ?? {}
      return {
        format: override.format ?? defined.format ?? null,
        start: override.start ?? defined.start ?? 1,
      }
    },
  }
}
