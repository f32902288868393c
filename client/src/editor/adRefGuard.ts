import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { AD_REF_ATTR } from '../../../shared/draft/index.ts'

/** Whether a range of the document touches a block agreed ad referendum (or lies inside one). */
export function touchesAdRef(doc: ProseMirrorNode, from: number, to: number): boolean {
  let isTouched = false
  doc.nodesBetween(from, to, (node) => {
    if (node.attrs[AD_REF_ATTR] === true) isTouched = true
    return !isTouched && !node.isTextblock
  })
  return isTouched
}

/** Whether a local transaction would change text agreed ad referendum. */
export function changesAdRef(tr: Transaction): boolean {
  return tr.steps.some((step, i) => {
    const doc = tr.docs[i]
    if (!doc) return false
    let isTouched = false
    step.getMap().forEach((oldStart, oldEnd) => {
      isTouched ||= touchesAdRef(doc, oldStart, oldEnd)
    })
    return isTouched
  })
}

/**
 * Keeps typing out of paragraphs agreed ad referendum: the server refuses any change to them
 * (`server/policies/adReferendum.ts`), and a refused change reloads the editor, so the editor
 * does not make one. Changes arriving from the shared document are the server's own.
 */
export const AdRefGuard = Extension.create({
  name: 'adRefGuard',
  addProseMirrorPlugins: () => [
    new Plugin({
      key: new PluginKey('adRefGuard'),
      filterTransaction: (tr) =>
        !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined || !changesAdRef(tr),
    }),
  ],
})
