/** The sections of the compact, in the order of the final text. */
export const SECTION_KINDS = [
  'preamble',
  'vision',
  'cooperativeFramework',
  'objectives',
  'implementation',
  'followUp',
] as const

export type SectionKind = (typeof SECTION_KINDS)[number]

/** Every node type that carries a stable `uid`: all blocks but the document itself. */
export const BLOCK_TYPES = [
  'section',
  'sectionTitle',
  'paragraph',
  'principle',
  'objective',
  'objectiveTitle',
  'commitment',
  'action',
] as const

export type BlockType = (typeof BLOCK_TYPES)[number]

export const isBlockType = (type: string): type is BlockType =>
  (BLOCK_TYPES as readonly string[]).includes(type)
