import * as Y from 'yjs'
import { AD_REF_ATTR } from '../../shared/draft/index.ts'
import { isAdRefAttrs } from '../../shared/adReferendum.ts'
import { isXmlElement, type DraftChange } from '../collab/validation/draftChanges.ts'

const CLOSED = 'This paragraph is agreed ad referendum: it takes no changes until it is reopened.'

/**
 * Whether a change leaves paragraphs agreed ad referendum as they are: null when it does,
 * otherwise why not. Asked of every writer, co-facilitators included (UN practice: ad ref text
 * is closed to everyone; the co-facilitators reopen it first). Only the server's command sets
 * or clears the status, so a client may not write the attribute at all, not on a new block
 * either; it may not change the text of an ad ref block, its other attributes, nor delete it or
 * a block around it (that would delete it too, or re-create it without its status).
 */
export function judgeAdRefChange(change: DraftChange): string | null {
  switch (change.kind) {
    case 'textInserted':
    case 'textDeleted':
    case 'textFormatted':
      return change.block && isInsideAdRef(change.block) ? CLOSED : null
    case 'blockInserted':
      if (change.parent && isInsideAdRef(change.parent)) return CLOSED
      return carriesStatus(change.block)
        ? 'Only the co-facilitators’ ad referendum command marks a paragraph agreed.'
        : null
    case 'blockDeleted':
      return isAdRefAttrs(change.attributes) || change.contents().blocks.some(isAdRefAttrs)
        ? CLOSED
        : null
    case 'blockAttributeChanged':
      if (change.key === AD_REF_ATTR) {
        return 'Only the co-facilitators’ ad referendum command marks a paragraph agreed or reopens it.'
      }
      return isInsideAdRef(change.block) || holdsAdRef(change.block) ? CLOSED : null
    case 'outsideDraft':
      return null
  }
}

const isAdRef = (element: Y.XmlElement): boolean => isAdRefAttrs(element.getAttributes())

/** The element or one of its ancestors is agreed ad referendum. */
function isInsideAdRef(element: Y.XmlElement): boolean {
  for (let at: unknown = element; isXmlElement(at); at = at.parent) {
    if (isAdRef(at)) return true
  }
  return false
}

/** A block inside the element is agreed ad referendum (an objective holding an ad ref action). */
function holdsAdRef(element: Y.XmlElement): boolean {
  return element
    .toArray()
    .some((child) => child instanceof Y.XmlElement && (isAdRef(child) || holdsAdRef(child)))
}

/** The block, or one inside it, has the status attribute (any value). */
function carriesStatus(element: Y.XmlElement): boolean {
  if ((element.getAttributes() as Record<string, unknown>)[AD_REF_ATTR] !== undefined) return true
  return element.toArray().some((child) => child instanceof Y.XmlElement && carriesStatus(child))
}
