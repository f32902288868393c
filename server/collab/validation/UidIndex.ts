import * as Y from 'yjs'
import { UID_ATTRIBUTE } from '../../../shared/draft/index.ts'
import {
  attributesBefore,
  isXmlElement,
  wasPresentBefore,
  type DraftChange,
} from './draftChanges.ts'

/**
 * How many live blocks carry each uid in a draft. Block uids are the blocks' identity for
 * numbering, proposals, exports and comparisons; a copy of an agreed block's uid in a proposed
 * one (or a uid that is not a string) made every editor rename it at each keystroke and the
 * server refuse all of them. Kept current from the changes of every transaction, so that a
 * uid's uniqueness is checked without walking the draft.
 */
export class UidIndex {
  private readonly counts = new Map<string, number>()

  /** The index of a draft as it was before the transaction `tr` (being judged). */
  static before(tr: Y.Transaction, fragment: Y.XmlFragment): UidIndex {
    const index = new UidIndex()
    const visit = (parent: Y.XmlFragment) => {
      for (let item = parent._start; item !== null; item = item.right) {
        if (!wasPresentBefore(tr, item)) continue
        const child: unknown = item.content instanceof Y.ContentType ? item.content.type : null
        if (!isXmlElement(child)) continue
        index.add(attributesBefore(tr, child)[UID_ATTRIBUTE], 1)
        visit(child)
      }
    }
    visit(fragment)
    return index
  }

  /**
   * What a transaction's changes do to the counts: uids added (with their new count) and
   * removed. Computed without changing the index; `apply` makes it so.
   */
  deltaOf(tr: Y.Transaction, changes: readonly DraftChange[]): Map<string, number> {
    const delta = new Map<string, number>()
    const count = (uid: unknown, by: number) => {
      if (typeof uid === 'string') delta.set(uid, (delta.get(uid) ?? 0) + by)
    }
    for (const change of changes) {
      switch (change.kind) {
        case 'blockInserted':
          forEachBlock(change.block, (block) => count(block.getAttribute(UID_ATTRIBUTE), 1))
          break
        case 'blockDeleted':
          count(change.attributes[UID_ATTRIBUTE], -1)
          break
        case 'blockAttributeChanged':
          if (change.key === UID_ATTRIBUTE) {
            count(change.before, -1)
            count(change.after, 1)
          }
          break
        default:
          break
      }
    }
    // The blocks inside a deleted block go with it.
    for (const [type, keys] of tr.changed) {
      if (!keys.has(null) || !(type instanceof Y.XmlFragment)) continue
      for (let item = type._start; item !== null; item = item.right) {
        if (!item.deleted || !wasPresentBefore(tr, item)) continue
        const child: unknown = item.content instanceof Y.ContentType ? item.content.type : null
        if (isXmlElement(child)) forEachDeletedBlockInside(tr, child, (uid) => count(uid, -1))
      }
    }
    return delta
  }

  /** A uid the delta gives to more than one live block, if any. */
  duplicateIn(delta: Map<string, number>): string | null {
    for (const [uid, by] of delta) {
      if (by > 0 && (this.counts.get(uid) ?? 0) + by > 1) return uid
    }
    return null
  }

  apply(delta: Map<string, number>): void {
    for (const [uid, by] of delta) this.add(uid, by)
  }

  private add(uid: unknown, by: number): void {
    if (typeof uid !== 'string') return
    const next = (this.counts.get(uid) ?? 0) + by
    if (next > 0) this.counts.set(uid, next)
    else this.counts.delete(uid)
  }
}

function forEachBlock(block: Y.XmlElement, visit: (block: Y.XmlElement) => void): void {
  visit(block)
  for (const child of block.toArray()) if (isXmlElement(child)) forEachBlock(child, visit)
}

/** The uids of the blocks that were inside a block the transaction deleted. */
function forEachDeletedBlockInside(
  tr: Y.Transaction,
  block: Y.XmlElement,
  visit: (uid: unknown) => void,
): void {
  for (let item = block._start; item !== null; item = item.right) {
    if (!wasPresentBefore(tr, item)) continue
    const child: unknown = item.content instanceof Y.ContentType ? item.content.type : null
    if (!isXmlElement(child)) continue
    visit(attributesBefore(tr, child)[UID_ATTRIBUTE])
    forEachDeletedBlockInside(tr, child, visit)
  }
}
