import type { DraftJSON } from '../../../shared/numbering.ts'
import type { SectionKind } from '../../../shared/schema/sectionKinds.ts'
import { newUid } from '../../../shared/schema/uid.ts'

// The draft as it is being read: mutable, so that continuation lines can grow the open block.
// It becomes ProseMirror JSON once, at the end, when every block gets its uid.

export type TextBlockType =
  'sectionTitle' | 'objectiveTitle' | 'paragraph' | 'principle' | 'commitment' | 'action'

export interface TextBlock {
  type: TextBlockType
  text: string
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
export const textBlock = (type: TextBlockType, text = ''): TextBlock => ({ type, text })

/** Adds a continuation line to a block, joined with a space. */
export function appendText(block: TextBlock, text: string): void {
  if (text === '') return
  block.text = block.text === '' ? text : `${block.text} ${text}`
}

// A guiding principle opens with its name and a period, in italics as the compact prints it.
const PRINCIPLE_NAME = /^([^.]+\.)(.*)$/su

function inlineContent(block: TextBlock): DraftJSON[] {
  const name = block.type === 'principle' ? PRINCIPLE_NAME.exec(block.text) : null
  if (name?.[1] && name[2]) {
    return [
      { type: 'text', text: name[1], marks: [{ type: 'italic' }] },
      { type: 'text', text: name[2] },
    ]
  }
  return block.text === '' ? [] : [{ type: 'text', text: block.text }]
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
