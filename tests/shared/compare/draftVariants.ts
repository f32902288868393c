import { buildDemoDraft } from '../../../server/demo/demoDraft.ts'
import type { DraftJSON } from '../../../shared/numbering.ts'

/** Realistic variants of the demo draft for comparison tests: each helper edits a copy in place. */

/** A fresh copy of the demo draft. */
export const demoDraft = (): DraftJSON => buildDemoDraft()

/** The parent of the block with `uid`, and the block's position in it. */
function locate(root: DraftJSON, uid: string): { parent: DraftJSON; index: number } {
  const visit = (node: DraftJSON): { parent: DraftJSON; index: number } | null => {
    const content = node.content ?? []
    const index = content.findIndex((child) => child.attrs?.uid === uid)
    if (index >= 0) return { parent: node, index }
    for (const child of content) {
      const found = visit(child)
      if (found) return found
    }
    return null
  }
  const found = visit(root)
  if (!found) throw new Error(`no block ${uid}`)
  return found
}

/** The block with `uid`. */
export function blockOf(root: DraftJSON, uid: string): DraftJSON {
  const { parent, index } = locate(root, uid)
  const block = parent.content?.[index]
  if (!block) throw new Error(`no block ${uid}`)
  return block
}

/** The plain text of a block, marks ignored. */
export const textOf = (node: DraftJSON): string =>
  node.text ?? (node.content ?? []).map(textOf).join('')

/** Replaces the text of a text block by one unmarked text node. */
export function setText(root: DraftJSON, uid: string, text: string): void {
  blockOf(root, uid).content = [{ type: 'text', text }]
}

/** Replaces the first occurrence of `word` (a whole word) in a block's text. */
export function replaceWord(root: DraftJSON, uid: string, word: string, by: string): void {
  const text = textOf(blockOf(root, uid))
  const changed = text.replace(new RegExp(`(?<![\\p{L}’])${word}(?![\\p{L}])`, 'u'), by)
  if (changed === text) throw new Error(`no word ${word} in ${uid}`)
  setText(root, uid, changed)
}

/** Takes the block with `uid` out of the draft and returns it. */
export function removeBlock(root: DraftJSON, uid: string): DraftJSON {
  const { parent, index } = locate(root, uid)
  const [removed] = parent.content?.splice(index, 1) ?? []
  if (!removed) throw new Error(`no block ${uid}`)
  return removed
}

/** Puts `block` right after the block with `uid`, in the same parent. */
export function insertAfter(root: DraftJSON, uid: string, block: DraftJSON): void {
  const { parent, index } = locate(root, uid)
  parent.content?.splice(index + 1, 0, block)
}

/** Gives every block a new uid, as an imported revision has. */
export function renewUids(node: DraftJSON, prefix = 'imported'): DraftJSON {
  let counter = 0
  const visit = (current: DraftJSON): DraftJSON => ({
    ...current,
    ...(current.attrs
      ? { attrs: { ...current.attrs, uid: `${prefix}-${String((counter += 1))}` } }
      : {}),
    ...(current.content ? { content: current.content.map(visit) } : {}),
  })
  return visit(node)
}

/** A text block as ProseMirror JSON. */
export const textBlock = (type: string, uid: string, text: string): DraftJSON => ({
  type,
  attrs: { uid },
  content: [{ type: 'text', text }],
})
