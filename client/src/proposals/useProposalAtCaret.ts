import type { ResolvedPos } from '@tiptap/pm/model'
import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import {
  DELETED_BY_ATTR,
  DELETION_MARK,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  refOf,
} from '../../../shared/draft/index.ts'

/**
 * The proposal the caret is in (a click or the keyboard put it there): a proposed insertion or
 * deletion of text, or a whole block proposed or proposed for deletion. The panel selects its
 * card, so that who proposed a change is never hover-only.
 */
export function useProposalAtCaret(editor: Editor): string | null {
  const [proposalId, setProposalId] = useState<string | null>(null)
  useEffect(() => {
    const update = () => setProposalId(proposalAtCaret(editor))
    update()
    editor.on('selectionUpdate', update)
    return () => {
      editor.off('selectionUpdate', update)
    }
  }, [editor])
  return proposalId
}

/** The id of the proposal whose change holds the caret, or null. */
export const proposalAtCaret = (editor: Editor): string | null =>
  proposalAt(editor.state.selection.$from)

/** The id of the proposal whose change holds a position (a click's, say), or null. */
export function proposalAt($from: ResolvedPos): string | null {
  // The marks of the character after the position, else of the one before it.
  const after = $from.nodeAfter?.marks ?? []
  const before = $from.nodeBefore?.marks ?? []
  for (const mark of [...after, ...before]) {
    if (mark.type.name !== INSERTION_MARK && mark.type.name !== DELETION_MARK) continue
    const ref = refOf(mark.attrs)
    if (ref) return ref.proposalId
  }
  for (let depth = $from.depth; depth > 0; depth--) {
    const attrs = $from.node(depth).attrs
    const ref = refOf(attrs[INSERTED_BY_ATTR]) ?? refOf(attrs[DELETED_BY_ATTR])
    if (ref) return ref.proposalId
  }
  return null
}
