import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { isTextBlockType } from '../../../shared/compare/comparisonSchema.ts'
import { AD_REF_ATTR } from '../../../shared/draft/index.ts'
import { numberingKey } from '../numbering/numberingPlugin.ts'
import type { BlockNumber } from '../../../shared/numbering.ts'

// Out of the margin, "a)" alone does not say which objective's action it is.
const caretLabel = (number: BlockNumber): string =>
  number.kind === 'action'
    ? `${number.objective} ${number.label}`
    : number.kind === 'paragraph'
      ? `§ ${number.numeral}`
      : number.label

export interface BlockAtCaret {
  uid: string
  /** Its node type: paragraph, commitment, action, a title ... */
  type: string
  /** Agreed ad referendum (it changes live, when the co-facilitators mark or reopen it). */
  isAdRef: boolean
  /** Its number, whole: "§ 17", "9 a)", or an objective's label; null if unnumbered. */
  label: string | null
}

/** The paragraph, action or heading the caret is in (the innermost block with a uid). */
export function useBlockAtCaret(editor: Editor): BlockAtCaret | null {
  const [block, setBlock] = useState<BlockAtCaret | null>(null)
  useEffect(() => {
    const update = () => {
      const { $from } = editor.state.selection
      for (let depth = $from.depth; depth > 0; depth--) {
        const node = $from.node(depth)
        const uid: unknown = node.attrs.uid
        if (typeof uid !== 'string' || !isTextBlockType(node.type.name)) continue
        const pos = $from.before(depth)
        const numbered = numberingKey.getState(editor.state)?.blocks.find((b) => b.pos === pos)
        const label = numbered?.number ? caretLabel(numbered.number) : null
        const type = node.type.name
        const isAdRef = node.attrs[AD_REF_ATTR] === true
        setBlock((previous) =>
          previous?.uid === uid && previous.label === label && previous.isAdRef === isAdRef
            ? previous
            : { uid, type, isAdRef, label },
        )
        return
      }
      setBlock(null)
    }
    update()
    // Any transaction: a number or a status may change under a caret that stays put.
    editor.on('transaction', update)
    return () => {
      editor.off('transaction', update)
    }
  }, [editor])
  return block
}
