import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Mapping } from '@tiptap/pm/transform'

export interface UniqueUidsOptions {
  attributeName: string
  generateID: () => string
}

/**
 * Keeps block uids unique across the whole draft. UniqueID only compares the blocks inside the
 * changed ranges, so content inserted with the uid of a block elsewhere (`pasteHTML`,
 * `insertContent` of copied HTML) kept it. The block that was there before keeps its uid; the
 * copy gets a new one. Remote (Yjs) transactions are left alone, as UniqueID does, so that two
 * clients never race to rename the same block.
 */
export const UniqueUids = Extension.create<UniqueUidsOptions>({
  name: 'uniqueUids',
  addOptions: () => ({ attributeName: 'uid', generateID: () => crypto.randomUUID() }),
  addProseMirrorPlugins() {
    const { attributeName, generateID } = this.options
    const uidOf = (node: PMNode): string | null => {
      const uid: unknown = node.attrs[attributeName]
      return typeof uid === 'string' ? uid : null
    }
    return [
      new Plugin({
        key: new PluginKey('uniqueUids'),
        appendTransaction: (transactions, oldState, newState) => {
          if (!transactions.some((tr) => tr.docChanged)) return null
          if (transactions.some((tr) => tr.getMeta('y-sync$'))) return null
          const duplicates = new Map<string, number[]>()
          for (const [uid, positions] of uidPositions(newState.doc, uidOf)) {
            if (positions.length > 1) duplicates.set(uid, positions)
          }
          if (duplicates.size === 0) return null

          const mapping = new Mapping(transactions.flatMap((tr) => tr.mapping.maps))
          const tr = newState.tr
          for (const [uid, positions] of uidPositions(oldState.doc, uidOf)) {
            const copies = duplicates.get(uid)
            if (!copies) continue
            const before = positions[0] === undefined ? null : mapping.mapResult(positions[0], 1)
            const original =
              before && !before.deleted && copies.includes(before.pos) ? before.pos : copies[0]
            for (const pos of copies) {
              if (pos !== original) tr.setNodeAttribute(pos, attributeName, generateID())
            }
            duplicates.delete(uid)
          }
          // Duplicates of uids that did not exist before: the first keeps it.
          for (const copies of duplicates.values()) {
            for (const pos of copies.slice(1)) tr.setNodeAttribute(pos, attributeName, generateID())
          }
          return tr.setMeta('addToHistory', false)
        },
      }),
    ]
  },
})

/** The positions of the blocks carrying each uid, in document order. */
function uidPositions(doc: PMNode, uidOf: (node: PMNode) => string | null): Map<string, number[]> {
  const positions = new Map<string, number[]>()
  doc.descendants((node, pos) => {
    const uid = uidOf(node)
    if (uid !== null) {
      const list = positions.get(uid)
      if (list) list.push(pos)
      else positions.set(uid, [pos])
    }
    return !node.isTextblock
  })
  return positions
}
