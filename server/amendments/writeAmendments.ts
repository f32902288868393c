import * as Y from 'yjs'
import {
  DELETED_BY_ATTR,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  deletionKey,
  type ProposalRef,
} from '../../shared/draft/index.ts'
import { newUid } from '../../shared/schema/uid.ts'
import type { PlannedChange } from './amendmentPlan.ts'
import { liveBlocksOf } from './liveBlocks.ts'

/** A planned change with the proposal it becomes. */
export interface ChangeToWrite {
  change: PlannedChange
  ref: ProposalRef
}

/** The formatting in force where text is inserted, every key ended: the insertion carries only its mark. */
function endedAttributes(text: Y.XmlText, at: number): Record<string, null> {
  const ended: Record<string, null> = {}
  let position = 0
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1
    if (position <= at && at <= position + length) {
      for (const key of Object.keys(op.attributes ?? {})) ended[key] = null
    }
    position += length
  }
  return ended
}

/**
 * Writes the changes into `doc` (a copy of the live draft) as a delegation's proposals are
 * written in the editor: insertion marks, deletion marks under their hashed keys, whole blocks
 * with `insertedBy` or `deletedBy`. Edits of a block are made from its end backwards, so the
 * planned positions stay right; at one position the deletion is marked before text is inserted.
 */
export function writeAmendments(doc: Y.Doc, changes: readonly ChangeToWrite[]): void {
  const blocks = new Map(liveBlocksOf(doc).map((b) => [b.uid, b]))
  const edits = changes.flatMap(({ change, ref }) =>
    change.kind === 'newBlock'
      ? []
      : change.edits.map((edit) => ({ ...edit, ref, blockUid: change.blockUid ?? '' })),
  )
  edits.sort((a, b) => b.at - a.at || b.deleteLength - a.deleteLength)
  doc.transact(() => {
    for (const edit of edits) {
      const text = blocks.get(edit.blockUid)?.text
      if (!text) continue
      if (edit.deleteLength > 0) {
        text.format(edit.at, edit.deleteLength, { [deletionKey(edit.ref)]: edit.ref })
      }
      if (edit.insert) {
        text.insert(edit.at, edit.insert, {
          ...endedAttributes(text, edit.at),
          [INSERTION_MARK]: edit.ref,
        })
      }
    }
    const addedAfter = new Map<string, number>()
    for (const { change, ref } of changes) {
      const block = change.blockUid ? blocks.get(change.blockUid) : undefined
      if (!block) continue
      if (change.kind === 'blockDeletion') {
        // y-prosemirror stores object attributes; Yjs's typings only know strings.
        block.element.setAttribute(DELETED_BY_ATTR, ref as unknown as string)
      } else if (change.kind === 'newBlock' && change.blockType) {
        const parent = block.element.parent
        if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) continue
        const count = addedAfter.get(block.uid) ?? 0
        addedAfter.set(block.uid, count + 1)
        const element = new Y.XmlElement(change.blockType)
        element.setAttribute('uid', newUid())
        element.setAttribute(INSERTED_BY_ATTR, ref as unknown as string)
        const text = new Y.XmlText()
        text.insert(0, change.inserted, { [INSERTION_MARK]: ref })
        element.insert(0, [text])
        parent.insert(parent.toArray().indexOf(block.element) + 1 + count, [element])
      }
    }
  })
}
