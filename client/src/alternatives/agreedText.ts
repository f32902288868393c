import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { CO_FACILITATORS_DELETION_MARK, INSERTION_MARK } from '../../../shared/draft/index.ts'

/**
 * The text of a block as it stands before any open proposal in it: without the words proposed
 * for insertion or struck out by the co-facilitators, with the words only proposed for
 * deletion (they are still the text). What an alternative starts from.
 */
export function agreedTextOf(doc: ProseMirrorNode, uid: string): string {
  let text = ''
  doc.descendants((node) => {
    if (text || node.attrs.uid !== uid) return !node.isTextblock
    node.forEach((child) => {
      const isLeftOut = child.marks.some(
        (mark) =>
          mark.type.name === INSERTION_MARK || mark.type.name === CO_FACILITATORS_DELETION_MARK,
      )
      if (!isLeftOut) text += child.text ?? ''
    })
    return false
  })
  return text
}
