import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model'

/**
 * A change to the characters of one text block, in the order the suggesting mode made it: the
 * block by its path of child indices from the document, the offset in its text. Replayed on
 * the block's Y.XmlText (see alignYText.ts) so that Yjs records exactly these characters as
 * inserted or deleted.
 */
export type TextOp =
  | { type: 'delete'; path: readonly number[]; offset: number; length: number }
  | {
      type: 'insert'
      path: readonly number[]
      offset: number
      runs: readonly { text: string; marks: readonly Mark[] }[]
    }

/** The path (child indices from the document) of the text block that holds `pos`. */
export function textblockPath(doc: ProseMirrorNode, pos: number): number[] {
  const $pos = doc.resolve(pos)
  const path: number[] = []
  for (let depth = 0; depth < $pos.depth; depth++) path.push($pos.index(depth))
  return path
}

/** The offset of `pos` in the text of the text block that holds it. */
export const textOffset = (doc: ProseMirrorNode, pos: number): number => {
  const $pos = doc.resolve(pos)
  return pos - $pos.start()
}
