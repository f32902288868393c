import * as Y from 'yjs'
import { AD_REF_ATTR, DRAFT_FRAGMENT, UID_ATTRIBUTE } from '../../shared/draft/index.ts'

/** Whether a block of the live draft is agreed ad referendum. */
export const isAdRefElement = (element: Y.XmlElement): boolean =>
  (element.getAttributes() as Record<string, unknown>)[AD_REF_ATTR] === true

/** The block of the live draft with this uid, or null. */
export function findBlock(doc: Y.Doc, uid: string): Y.XmlElement | null {
  const visit = (node: Y.XmlElement | Y.XmlFragment): Y.XmlElement | null => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      if (child.getAttribute(UID_ATTRIBUTE) === uid) return child
      const found = visit(child)
      if (found) return found
    }
    return null
  }
  return visit(doc.getXmlFragment(DRAFT_FRAGMENT))
}
