import * as Y from 'yjs'
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState } from '@tiptap/pm/state'
import { ySyncPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap'
import { deletionKey } from '../../../../shared/draft/index.ts'
import { DELETION_MARK } from '../../../../shared/draft/index.ts'
import { refOf } from '../../../../shared/draft/index.ts'
import type { TextOp } from './textOps.ts'

/** Yjs formatting attributes of marks, as y-prosemirror writes them. */
function attributesOf(marks: readonly Mark[]): Record<string, unknown> {
  const attributes: Record<string, unknown> = {}
  for (const mark of marks) {
    const ref = mark.type.name === DELETION_MARK ? refOf(mark.attrs) : null
    attributes[ref ? deletionKey(ref) : mark.type.name] = mark.attrs
  }
  return attributes
}

// Y.XmlText's own toString() writes its formatting as XML tags.
const plainText = (text: Y.XmlText): string =>
  (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('')

function elementAt(fragment: Y.XmlFragment, path: readonly number[]): Y.XmlElement | null {
  let node: Y.XmlFragment | Y.XmlElement = fragment
  for (const index of path) {
    const child: unknown = node.get(index)
    if (!(child instanceof Y.XmlElement)) return null
    node = child
  }
  return node instanceof Y.XmlElement ? node : null
}

function nodeAt(doc: ProseMirrorNode, path: readonly number[]): ProseMirrorNode | null {
  let node: ProseMirrorNode | null = doc
  for (const index of path) node = node?.maybeChild(index) ?? null
  return node
}

/**
 * Writes the suggesting mode's character changes to the blocks' Y.XmlTexts, before
 * y-prosemirror syncs the rest of the transaction (marks, blocks).
 *
 * y-prosemirror finds what changed in a block's text by comparing strings, so when a character
 * is inserted or deleted next to the same character, it may record the neighbour as the one
 * inserted or deleted: say "l" typed before "le", or a proposed "s" removed before an agreed
 * "s". Harmless when editing directly, fatal for a proposal: the server would see agreed text
 * deleted, or its formatting changed, and refuse the whole update. Written here first, at the
 * exact offsets, y-prosemirror then finds the strings equal and only applies the marks.
 *
 * Returns false (and writes nothing) when a block's Yjs text is not the plain single text the
 * editor shows, e.g. an empty block: y-prosemirror's own sync, unambiguous there, does it.
 */
export function alignYText(state: EditorState, textOps: readonly TextOp[]): boolean {
  if (textOps.length === 0) return false
  const binding = (ySyncPluginKey.getState(state) as { binding?: ProsemirrorBinding } | undefined)
    ?.binding
  if (!binding) return false
  const texts = new Map<string, Y.XmlText>()
  for (const op of textOps) {
    const key = op.path.join('/')
    if (texts.has(key)) continue
    const element = elementAt(binding.type, op.path)
    const block = nodeAt(state.doc, op.path)
    const [text, ...others] = element?.toArray() ?? []
    if (!block || !(text instanceof Y.XmlText) || others.length > 0) return false
    if (plainText(text) !== block.textContent) return false
    texts.set(key, text)
  }
  // Inside the binding's mutex: y-prosemirror must not redraw the editor from this change.
  binding.mux(() => {
    binding.doc.transact(() => {
      for (const op of textOps) {
        const text = texts.get(op.path.join('/'))
        if (!text) continue
        if (op.type === 'delete') {
          text.delete(op.offset, op.length)
          continue
        }
        let offset = op.offset
        for (const run of op.runs) {
          text.insert(offset, run.text, attributesOf(run.marks))
          offset += run.text.length
        }
      }
    }, ySyncPluginKey)
  })
  return true
}
