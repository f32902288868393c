import { EditorState, TextSelection, type Plugin } from '@tiptap/pm/state'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { draftSchema } from '../../../shared/schema/index.ts'
import type { DraftJSON } from '../../../shared/numbering.ts'

/** An editor state of `json` with the cursor inside the block whose uid is `uid`. */
export function stateAt(json: DraftJSON, uid: string | null, plugins: Plugin[] = []): EditorState {
  const doc = draftSchema.nodeFromJSON(json)
  const state = EditorState.create({ doc, plugins })
  if (uid === null) return state
  const pos = posOf(doc, uid)
  return state.apply(state.tr.setSelection(TextSelection.near(doc.resolve(pos + 1))))
}

/** The position of the block whose uid is `uid`. */
export function posOf(doc: ProseMirrorNode, uid: string): number {
  let found = -1
  doc.descendants((node, pos) => {
    if (found < 0 && node.attrs.uid === uid) found = pos
    return found < 0
  })
  if (found < 0) throw new Error(`no block ${uid}`)
  return found
}

/** The node types of a node's children, e.g. ['objectiveTitle', 'commitment', 'action']. */
export const childTypes = (node: ProseMirrorNode): string[] => {
  const types: string[] = []
  node.forEach((child) => types.push(child.type.name))
  return types
}
