import type { Editor } from '@tiptap/react'
import { TextSelection } from '@tiptap/pm/state'

/** Puts the cursor where a proposal starts and scrolls the page there. */
export function goToProposal(editor: Editor, pos: number): void {
  const { view } = editor
  const { doc } = view.state
  const at = Math.max(0, Math.min(pos, doc.content.size))
  view.dispatch(view.state.tr.setSelection(TextSelection.near(doc.resolve(at))))
  view.focus()
  const { node } = view.domAtPos(view.state.selection.from)
  const element = node instanceof HTMLElement ? node : node.parentElement
  // A jump, not a smooth scroll: across a 50-page text, smooth scrolling takes seconds.
  element?.scrollIntoView({ block: 'center' })
}
