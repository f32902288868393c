import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { ReplaceStep } from '@tiptap/pm/transform'
import {
  CO_FACILITATORS_DELETION_MARK,
  CO_FACILITATORS_INSERTION_MARK,
  INSERTION_MARK,
} from '../../../../shared/draft/index.ts'
import { replacementOf } from './suggestTransaction.ts'
import type { TextOp } from './textOps.ts'
import { trackText, type TextTracking } from './trackText.ts'

const hasMark = (node: ProseMirrorNode, name: string) =>
  node.marks.some((mark) => mark.type.name === name)

/**
 * A co-facilitator editing directly: words typed, pasted or deleted inside one block are
 * tracked as the co-facilitators' edits (DESIGN.md section 3: "edit the text directly"), so
 * that everyone sees them as theirs until the next revision. Their own new text and proposed
 * text are really deleted, as before. Null for anything else (splitting or joining blocks,
 * whole blocks, formatting): that stays a direct, untracked edit.
 */
export function trackCoFacilitatorsEdit(
  state: EditorState,
  original: Transaction,
): { tr: Transaction; textOps: TextOp[] } | null {
  if (!original.steps.every((step) => step instanceof ReplaceStep)) return null
  if (original.steps.length > 1 && original.getMeta('uiEvent') === 'drop') return null
  const replacement = replacementOf(original)
  if (!replacement) return null
  const { from, to, slice } = replacement
  const $from = state.doc.resolve(from)
  if (!$from.parent.isTextblock || !$from.sameParent(state.doc.resolve(to))) return null
  let isInline = true
  slice.content.forEach((node) => {
    if (!node.isInline) isInline = false
  })
  if (!isInline || (from === to && slice.size === 0)) return null
  const insertion = state.schema.marks[CO_FACILITATORS_INSERTION_MARK]?.create()
  const deletion = state.schema.marks[CO_FACILITATORS_DELETION_MARK]?.create()
  if (!insertion || !deletion) return null
  const tracking: TextTracking = {
    insertion,
    deletion,
    isOwnNewText: (node) =>
      hasMark(node, CO_FACILITATORS_INSERTION_MARK) || hasMark(node, INSERTION_MARK),
    isStruckOut: (node) => hasMark(node, CO_FACILITATORS_DELETION_MARK),
  }
  return trackText(state, from, to, slice.content, tracking, original)
}
