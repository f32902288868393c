import * as Y from 'yjs'
import type { RoomRegistry } from '../collab/RoomRegistry.ts'
import type { DocumentStore } from '../storage/DocumentStore.ts'

/**
 * The committed state of a document: from its room when it is loaded (waiting for what is
 * being committed), otherwise straight from storage without loading a room.
 */
export async function readDocument(props: {
  name: string
  rooms: RoomRegistry
  store: DocumentStore
}): Promise<Y.Doc> {
  const room = await props.rooms.peek(props.name)
  if (room) {
    await room.whenCurrent()
    await room.whenCommitted()
    return room.doc
  }
  const stored = await props.store.load(props.name)
  const doc = new Y.Doc()
  const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
  if (parts.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(parts))
  return doc
}
