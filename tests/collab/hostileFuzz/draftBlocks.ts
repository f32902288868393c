import * as Y from 'yjs'
import { DRAFT_FRAGMENT } from '../../../shared/draft/index.ts'

/** Every block of the draft, in document order. */
export function allBlocks(doc: Y.Doc): Y.XmlElement[] {
  const blocks: Y.XmlElement[] = []
  const walk = (parent: Y.XmlFragment) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement) {
        blocks.push(child)
        walk(child)
      }
    }
  }
  walk(doc.getXmlFragment(DRAFT_FRAGMENT))
  return blocks
}

/** The texts directly in a block. */
export const textsOf = (block: Y.XmlElement): Y.XmlText[] =>
  block.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText)

/** Every text of the draft. */
export const allTexts = (doc: Y.Doc): Y.XmlText[] => allBlocks(doc).flatMap(textsOf)
