import { Fragment, type Mark, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { BRACKETED_MARK } from '../../../../shared/draft/index.ts'
import { keptMarks } from './ownership.ts'
import { textblockPath, textOffset, type TextOp } from './textOps.ts'

/**
 * How a text change is tracked: the marks new and struck-out text carry, and which text is
 * the writer's own new text (really deleted, not struck out) or already struck out by them.
 * A delegation's proposal and the co-facilitators' own edits are tracked the same way, each
 * with its marks.
 */
export interface TextTracking {
  insertion: Mark
  deletion: Mark
  isOwnNewText: (node: ProseMirrorNode) => boolean
  isStruckOut: (node: ProseMirrorNode) => boolean
}

interface TextSegment {
  from: number
  to: number
  node: ProseMirrorNode
}

/** The text nodes between `from` and `to`, cut to that range. */
export function textSegments(doc: ProseMirrorNode, from: number, to: number): TextSegment[] {
  const segments: TextSegment[] = []
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isText) {
      segments.push({ from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to), node })
    }
    return true
  })
  return segments
}

/**
 * The bracket mark new text at `at` takes: those of the text on both sides, when it goes strictly
 * inside a bracketed run (so that a proposal there does not cut the run in two); none at a
 * run's edge, where typing is outside the brackets, as after a closing bracket on paper.
 */
function bracketAround(doc: ProseMirrorNode, at: number): Mark | null {
  const $at = doc.resolve(at)
  const before = $at.nodeBefore?.marks.find((mark) => mark.type.name === BRACKETED_MARK)
  const after = $at.nodeAfter?.marks.find((mark) => mark.type.name === BRACKETED_MARK)
  return before && after ? before : null
}

/**
 * Replaces `from`-`to` with `inserted` the way a word processor tracks changes: the writer's
 * own new text is deleted, any other text is struck out and stays; new text carries the
 * insertion mark (and italics, no other mark) after the text it replaces. Returns the
 * transaction and the character changes to align the Yjs text with (alignYText.ts).
 */
export function trackText(
  state: EditorState,
  from: number,
  to: number,
  inserted: Fragment,
  tracking: TextTracking,
  original: Transaction,
): { tr: Transaction; textOps: TextOp[] } {
  const tr = state.tr
  const textOps: TextOp[] = []
  // From the end backwards, so that the positions of the segments still to do stay valid.
  for (const segment of textSegments(state.doc, from, to).reverse()) {
    if (tracking.isOwnNewText(segment.node)) {
      textOps.push({
        type: 'delete',
        path: textblockPath(tr.doc, segment.from),
        offset: textOffset(tr.doc, segment.from),
        length: segment.to - segment.from,
      })
      tr.delete(segment.from, segment.to)
    } else if (!tracking.isStruckOut(segment.node)) {
      tr.addMark(segment.from, segment.to, tracking.deletion)
    }
  }

  let cursor: number
  if (inserted.size > 0) {
    // New text goes after the text it replaces, as in a word processor.
    const at = tr.mapping.map(to)
    const bracket = bracketAround(tr.doc, at)
    const nodes: ProseMirrorNode[] = []
    inserted.forEach((node) => {
      if (!node.isText) return
      const marks = tracking.insertion.addToSet(keptMarks(node.marks))
      nodes.push(node.mark(bracket ? bracket.addToSet(marks) : marks))
    })
    const fragment = Fragment.fromArray(nodes)
    textOps.push({
      type: 'insert',
      path: textblockPath(tr.doc, at),
      offset: textOffset(tr.doc, at),
      runs: nodes.map((node) => ({ text: node.text ?? '', marks: node.marks })),
    })
    tr.insert(at, fragment)
    cursor = at + fragment.size
  } else {
    const { selection } = state
    const isBackward = selection.empty && selection.head !== from
    // Backspace moves before what it marked, Delete and a selection after it.
    cursor = isBackward ? tr.mapping.map(from, -1) : tr.mapping.map(to)
  }
  tr.setSelection(TextSelection.create(tr.doc, cursor))
  if (original.scrolledIntoView) tr.scrollIntoView()
  return { tr, textOps }
}
