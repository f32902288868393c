import * as Y from 'yjs'
import {
  DELETED_BY_ATTR,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  isDeletionKey,
} from '../../shared/draft/index.ts'
import { isXmlElement } from '../collab/validation/draftChanges.ts'

/**
 * Whether the block, or the objective around it, is or holds a proposal in the text (marks or
 * a whole block proposed): what must be decided before the paragraph takes one text (agreed ad
 * referendum, or replaced by an accepted alternative).
 */
export function holdsProposal(block: Y.XmlElement): boolean {
  if (isInsideProposedBlock(block)) return true
  for (let at: unknown = block; isXmlElement(at); at = at.parent) {
    if ((at.getAttributes() as Record<string, unknown>)[DELETED_BY_ATTR]) return true
  }
  return block
    .toArray()
    .some(
      (child) =>
        child instanceof Y.XmlText &&
        (child.toDelta() as { attributes?: Record<string, unknown> }[]).some((op) =>
          Object.keys(op.attributes ?? {}).some(
            (key) => key === INSERTION_MARK || isDeletionKey(key),
          ),
        ),
    )
}

/** Whether the block, or a block around it, is itself a proposed new block. */
export function isInsideProposedBlock(block: Y.XmlElement): boolean {
  for (let at: unknown = block; isXmlElement(at); at = at.parent) {
    if ((at.getAttributes() as Record<string, unknown>)[INSERTED_BY_ATTR]) return true
  }
  return false
}

/** The uid of the objective around a block, or null outside the objectives. */
export function objectiveUidOf(block: Y.XmlElement): string | null {
  for (let at: unknown = block.parent; isXmlElement(at); at = at.parent) {
    if (at.nodeName === 'objective') {
      const uid = at.getAttribute('uid')
      return typeof uid === 'string' ? uid : null
    }
  }
  return null
}
