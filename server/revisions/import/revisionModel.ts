import type { DraftJSON } from '../../../shared/numbering.ts'
import type { SectionKind } from '../../../shared/schema/sectionKinds.ts'
import { newUid } from '../../../shared/schema/uid.ts'

// The draft as it is being read: mutable, so that continuation lines can grow the open block.
// It becomes ProseMirror JSON once, at the end, when every block gets its uid.

export type TextBlockType =
  'sectionTitle' | 'objectiveTitle' | 'paragraph' | 'principle' | 'commitment' | 'action'

export interface TextBlock {
  type: TextBlockType
  /**
   * Its lines, joined with spaces once, at the end. A string grown line by line would be copied
   * whole each time it is read (V8 flattens a concatenation when it is read), which is
   * quadratic in the lines of a block.
   */
  lines: string[]
}

export interface ObjectiveModel {
  type: 'objective'
  /** The line of its heading, where its problems are reported. */
  line: number
  /** The number typed in its heading, used in messages only: numbers are derived. */
  number: number
  title: TextBlock
  commitment: TextBlock | null
  actions: TextBlock[]
}

export interface SectionModel {
  kind: SectionKind
  title: TextBlock
  /** Opened without a heading in the text (text before the first heading). */
  isImplicit: boolean
  body: (TextBlock | ObjectiveModel)[]
}

/** A new text block of the given type. */
export const textBlock = (type: TextBlockType, text = ''): TextBlock => ({
  type,
  lines: text === '' ? [] : [text],
})

/** Adds a continuation line to a block, joined with a space. */
export function appendText(block: TextBlock, text: string): void {
  if (text !== '') block.lines.push(text)
}

/** Whether a block has no text yet. */
export const isEmptyBlock = (block: TextBlock): boolean => block.lines.length === 0

/** The last character of a block's text, or '' when it has none. */
export const lastCharacter = (block: TextBlock): string => block.lines.at(-1)?.at(-1) ?? ''

/** A block's text: its lines joined with spaces. */
export const blockText = (block: TextBlock): string => block.lines.join(' ')

function inlineContent(block: TextBlock): DraftJSON[] {
  const text = blockText(block)
  // A guiding principle opens with its name and a period, in italics as the compact prints it.
  const nameEnd = block.type === 'principle' ? text.indexOf('.') + 1 : 0
  if (nameEnd > 1 && nameEnd < text.length) {
    return [
      { type: 'text', text: text.slice(0, nameEnd), marks: [{ type: 'italic' }] },
      { type: 'text', text: text.slice(nameEnd) },
    ]
  }
  return text === '' ? [] : [{ type: 'text', text }]
}

const node = (type: string, content: DraftJSON[], attrs: Record<string, unknown> = {}) => ({
  type,
  attrs: { uid: newUid(), ...attrs },
  ...(content.length > 0 ? { content } : {}),
})

const textNode = (block: TextBlock): DraftJSON => node(block.type, inlineContent(block))

function bodyNode(item: TextBlock | ObjectiveModel): DraftJSON {
  if (item.type !== 'objective') return textNode(item)
  const commitment = item.commitment ?? textBlock('commitment')
  return node('objective', [item.title, commitment, ...item.actions].map(textNode))
}

/** How many nodes with a uid the draft will have: sections, objectives and their text blocks. */
export function blockCount(sections: readonly SectionModel[]): number {
  let count = 0
  for (const section of sections) {
    count += 2
    for (const item of section.body)
      count += item.type === 'objective' ? 3 + item.actions.length : 1
  }
  return count
}

/** The draft as ProseMirror JSON, every block with a new uid. */
export function draftOfSections(sections: readonly SectionModel[]): DraftJSON {
  return {
    type: 'doc',
    content: sections.map((section) =>
      node('section', [textNode(section.title), ...section.body.map(bodyNode)], {
        kind: section.kind,
      }),
    ),
  }
}
