import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { TextSelection } from '@tiptap/pm/state'
import { action, block, compact, text } from '../../../shared/draftFixtures.ts'
import type { RoomClient } from './proposalRoom.ts'

// A small deterministic generator (mulberry32), so that a failing seed can be replayed.
export function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Objective 7 with repeated letters and words, where string diffs are ambiguous. */
export const draft = () => ({
  ...compact([
    block('objective', 'o7', [
      block('objectiveTitle', 'o7-title', text('Réduire la vulnérabilité')),
      block('commitment', 'o7-commitment', text('Nous nous engageons à coopérer.')),
      action('o7-a', 'Renforcer la coopération entre les pays et les communautés.'),
      action('o7-b', 'Appeler les parties à coopérer, s’il y a lieu.'),
    ]),
  ]),
})

const WORDS = ['l', 'a', ' ', 'les ', 'ss', 'e', 'coopération', '.', ' et', 'ee']

/** The content range of the block whose uid is `uid`, or the whole document. */
function rangeOf(doc: ProseMirrorNode, uid: string | null): { from: number; to: number } {
  let range = { from: 1, to: doc.content.size - 1 }
  if (uid === null) return range
  doc.descendants((node, pos) => {
    if (node.attrs.uid === uid) range = { from: pos + 1, to: pos + node.nodeSize - 1 }
    return true
  })
  return range
}

/**
 * One random thing a delegate does: move, select, type, delete, Enter, propose a block's
 * deletion, undo, redo; anywhere, or only in the block `within` (a uid).
 */
export function act(
  client: RoomClient,
  next: () => number,
  options: { within?: string; log?: (what: string) => void } = {},
): void {
  const { doc, selection } = client.state
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const range = rangeOf(doc, options.within ?? null)
  const pos = range.from + Math.floor(next() * (range.to - range.from + 1))
  const choice = next()
  options.log?.(
    `${client.delegation} ${choice.toFixed(2)} at ${pos}, ${selection.from}-${selection.to}`,
  )
  const { view } = client.editor
  if (choice < 0.2) {
    view.dispatch(client.state.tr.setSelection(TextSelection.near(doc.resolve(pos))))
  } else if (choice < 0.3) {
    const $pos = doc.resolve(pos)
    if (!$pos.parent.isTextblock) return
    const end = Math.min($pos.end(), pos + Math.floor(next() * 12))
    view.dispatch(client.state.tr.setSelection(TextSelection.create(doc, pos, end)))
  } else if (choice < 0.6) {
    if (selection.$from.parent.isTextblock) client.type(pick(WORDS))
  } else if (choice < 0.72) {
    if (selection.from > 2) client.backspace(1 + Math.floor(next() * 3))
  } else if (choice < 0.8) {
    if (selection.to < doc.content.size - 2) client.deleteForward()
  } else if (choice < 0.85) {
    client.press('Enter')
  } else if (choice < 0.9) {
    client.editor.commands.toggleBlockDeletion()
  } else if (choice < 0.95) {
    client.editor.commands.undo()
  } else {
    client.editor.commands.redo()
  }
}
