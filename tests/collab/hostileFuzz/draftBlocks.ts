import * as Y from 'yjs'
import { blocks as allBlocks } from '../../helpers/yClients.ts'

/** Every block of the draft, in document order (the clients' helper). */
export { allBlocks }

/** The texts directly in a block. */
export const textsOf = (block: Y.XmlElement): Y.XmlText[] =>
  block.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText)

/** Every text of the draft. */
export const allTexts = (doc: Y.Doc): Y.XmlText[] => allBlocks(doc).flatMap(textsOf)
