import { expect } from 'vitest'
import * as Y from 'yjs'
import type { AppContext } from '../../server/context.ts'
import { DRAFT_FRAGMENT, PROPOSALS_MAP, SILENCE_MAP } from '../../shared/draft/index.ts'

/** The parts of a document that clients read: the draft, the records, the silence mirror. */
function contentOf(doc: Y.Doc): unknown {
  return {
    draft: doc.getXmlFragment(DRAFT_FRAGMENT).toJSON(),
    proposals: doc.getMap(PROPOSALS_MAP).toJSON(),
    silence: doc.getMap(SILENCE_MAP).toJSON(),
  }
}

/**
 * The validator's invariant (DESIGN.md section 6): the room's live document, which the rules
 * judged, is exactly the document storage holds: the same state vector, the same delete set,
 * the same content. Checked once everything accepted is committed; a room not loaded passes.
 */
export async function expectStoredAsLive(context: AppContext, roomName: string): Promise<void> {
  const room = await context.rooms.peek(roomName)
  if (!room) return
  await room.whenCommitted()
  const stored = await context.store.load(roomName)
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const part of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
      Y.applyUpdate(doc, part)
    }
  })
  const live = room.doc
  expect(Y.decodeStateVector(Y.encodeStateVector(doc))).toEqual(
    Y.decodeStateVector(Y.encodeStateVector(live)),
  )
  expect(
    Y.equalDeleteSets(
      Y.createDeleteSetFromStructStore(doc.store),
      Y.createDeleteSetFromStructStore(live.store),
    ),
  ).toBe(true)
  expect(contentOf(doc)).toEqual(contentOf(live))
  doc.destroy()
}
