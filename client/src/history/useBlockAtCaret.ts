import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { isTextBlockType } from '../../../shared/compare/comparisonSchema.ts'
import { numberingKey } from '../editor/numberingPlugin.ts'
import type { BlockNumber } from '../../../shared/numbering.ts'

// Out of the margin, "a)" alone does not say which objective's action it is.
const caretLabel = (number: BlockNumber): string =>
  number.kind === 'action'
    ? `${number.objective} ${number.label}`
    : number.kind === 'paragraph'
      ? `§ ${number.paragraph}`
      : number.label

export interface BlockAtCaret {
  uid: string
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
        setBlock((previous) =>
          previous?.uid === uid && previous.label === label ? previous : { uid, label },
        )
        return
      }
      setBlock(null)
    }
    update()
    editor.on('selectionUpdate', update)
    return () => {
      editor.off('selectionUpdate', update)
    }
  }, [editor])
  return block
}
