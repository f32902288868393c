import type { Node as ProseMirrorNode, ResolvedPos } from '@tiptap/pm/model'
import { TextSelection, type Transaction } from '@tiptap/pm/state'

/**
 * Structural insertions for the toolbar, as checks-then-changes on a transaction: each returns
 * whether it applies at the selection and changes `tr` only when `dispatch` is true. New blocks
 * carry no uid: UniqueID gives them one in the same dispatch.
 */

/** The depth of the innermost ancestor of `$pos` that satisfies `test` (given its parent). */
function findDepth(
  $pos: ResolvedPos,
  test: (node: ProseMirrorNode, parent: ProseMirrorNode) => boolean,
): number | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    if (test($pos.node(depth), $pos.node(depth - 1))) return depth
  }
  return null
}

// Inserts `node` right after the ancestor at `depth`, if the parent's content allows it there,
// and puts the cursor at `cursorOffset` inside the new node.
function insertAfter(
  tr: Transaction,
  depth: number,
  node: ProseMirrorNode,
  cursorOffset: number,
  dispatch: boolean,
): boolean {
  const { $from } = tr.selection
  const parent = $from.node(depth - 1)
  const index = $from.index(depth - 1) + 1
  // Checks the whole parent stays valid, e.g. no action before a commitment.
  if (!parent.canReplaceWith(index, index, node.type)) return false
  if (dispatch) {
    const pos = $from.after(depth)
    tr.insert(pos, node)
    tr.setSelection(TextSelection.create(tr.doc, pos + cursorOffset))
    tr.scrollIntoView()
  }
  return true
}

/** A new numbered paragraph after the section-level block that holds the cursor. */
export function insertParagraph(tr: Transaction, dispatch: boolean): boolean {
  const depth = findDepth(tr.selection.$from, (_node, parent) => parent.type.name === 'section')
  if (depth === null) return false
  const paragraph = tr.doc.type.schema.nodes.paragraph?.create()
  return paragraph ? insertAfter(tr, depth, paragraph, 1, dispatch) : false
}

/** A new action after the action or commitment that holds the cursor (from a title: first). */
export function insertAction(tr: Transaction, dispatch: boolean): boolean {
  const { $from } = tr.selection
  const depth = findDepth($from, (node, parent) => parent.type.name === 'objective')
  if (depth === null) return false
  const action = tr.doc.type.schema.nodes.action?.create()
  if (!action) return false
  if ($from.node(depth).type.name === 'objectiveTitle') {
    // From the title, the first action goes after the commitment.
    const objective = $from.node(depth - 1)
    const commitment = objective.maybeChild(1)
    if (commitment?.type.name !== 'commitment') return false
    if (dispatch) {
      const pos = $from.start(depth - 1) + objective.child(0).nodeSize + commitment.nodeSize
      tr.insert(pos, action)
      tr.setSelection(TextSelection.create(tr.doc, pos + 1))
      tr.scrollIntoView()
    }
    return true
  }
  return insertAfter(tr, depth, action, 1, dispatch)
}

/**
 * A new objective (empty title, commitment and one action) after the objective that holds the
 * cursor, or after the current block of the objectives section.
 */
export function insertObjective(tr: Transaction, dispatch: boolean): boolean {
  const { $from } = tr.selection
  const { nodes } = tr.doc.type.schema
  const inObjective = findDepth($from, (node) => node.type.name === 'objective')
  const depth =
    inObjective ??
    findDepth(
      $from,
      (_node, parent) => parent.type.name === 'section' && parent.attrs.kind === 'objectives',
    )
  if (depth === null || !nodes.objective || !nodes.objectiveTitle) return false
  if (!nodes.commitment || !nodes.action) return false
  const objective = nodes.objective.create(null, [
    nodes.objectiveTitle.create(),
    nodes.commitment.create(),
    nodes.action.create(),
  ])
  // The cursor goes into the new title: objective start + title start.
  return insertAfter(tr, depth, objective, 2, dispatch)
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    draftBlocks: {
      /** Inserts a numbered paragraph after the current block. */
      insertParagraphAfter: () => ReturnType
      /** Inserts an action after the current action or commitment. */
      insertActionAfter: () => ReturnType
      /** Inserts an objective after the current objective. */
      insertObjectiveAfter: () => ReturnType
    }
  }
}
