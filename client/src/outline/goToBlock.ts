import type { Editor } from '@tiptap/react'
import { TextSelection } from '@tiptap/pm/state'
import { numberingKey } from '../numbering/numberingPlugin.ts'

/**
 * Scrolls the page to a block and puts the cursor at the start of its text. The block is found
 * by uid in the current document, since others may have edited since the outline was drawn.
 */
export function goToBlock(editor: Editor, uid: string | null, fallbackPos: number): void {
  const blocks = numberingKey.getState(editor.state)?.blocks ?? []
  const found = uid === null ? undefined : blocks.find((block) => block.node.attrs.uid === uid)
  const pos = Math.min(found?.pos ?? fallbackPos, editor.state.doc.content.size)
  const { view } = editor
  const cursor = TextSelection.near(
    view.state.doc.resolve(Math.min(pos + 1, view.state.doc.content.size)),
  )
  view.dispatch(view.state.tr.setSelection(cursor))
  // Focus now, not on the next frame (Tiptap's `focus()`): keys typed right after the click
  // must land in the text.
  view.focus()
  const dom = view.nodeDOM(pos)
  // A jump, not a smooth scroll: across a 50-page text, smooth scrolling takes seconds.
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start' })
}
