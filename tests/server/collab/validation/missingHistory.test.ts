import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { needsMissingHistory } from '../../../../server/collab/validation/missingHistory.ts'

/** A document with a paragraph of text, as the server's room would hold it. */
function roomWithText(): { room: Y.Doc; text: Y.Text } {
  const room = new Y.Doc()
  const text = room.getText('t')
  text.insert(0, 'Nous nous engageons')
  return { room, text }
}

/** A client that has the room's state, then makes `change`: its update alone. */
function clientUpdate(room: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room))
  const before = Y.encodeStateVector(doc)
  change(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

const check = (room: Y.Doc, update: Uint8Array) =>
  needsMissingHistory(Y.decodeUpdate(update), (client) => Y.getState(room.store, client))

/** What Yjs itself says: whether applying the update leaves something pending. */
function yjsKeepsPending(room: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room))
  Y.applyUpdate(copy, update)
  return copy.store.pendingStructs !== null || copy.store.pendingDs !== null
}

describe('an update that needs history the room lacks', () => {
  it('is not one when it builds on what the room has', () => {
    const { room } = roomWithText()
    for (const change of [
      (doc: Y.Doc) => doc.getText('t').insert(5, 'tous '),
      (doc: Y.Doc) => doc.getText('t').delete(0, 5),
      (doc: Y.Doc) => doc.getMap('m').set('k', 1),
    ]) {
      const update = clientUpdate(room, change)
      expect(check(room, update)).toBe(false)
      expect(yjsKeepsPending(room, update)).toBe(false)
    }
  })

  it('is one when a client skips clocks: its refused update is not in the room', () => {
    const { room } = roomWithText()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room))
    const refusedBase = Y.encodeStateVector(doc)
    doc.getText('t').insert(0, 'refusé ')
    const afterRefused = Y.encodeStateVector(doc)
    doc.getText('t').insert(0, 'suite ')
    const next = Y.encodeStateAsUpdate(doc, afterRefused)
    expect(check(room, next)).toBe(true)
    expect(yjsKeepsPending(room, next)).toBe(true)
    // With the missing part, the two together are whole.
    const both = Y.encodeStateAsUpdate(doc, refusedBase)
    expect(check(room, both)).toBe(false)
  })

  it('is one when it builds on text, or deletes text, nobody sent the room', () => {
    for (const change of [
      (doc: Y.Doc) => doc.getText('t').insert(4, 'x'),
      (doc: Y.Doc) => doc.getText('t').delete(0, 3),
    ]) {
      const { room } = roomWithText()
      // Another client's words, which reached this client but not the room.
      const unseen = new Y.Doc()
      Y.applyUpdate(unseen, Y.encodeStateAsUpdate(room))
      unseen.getText('t').insert(0, 'inconnu ')
      const update = clientUpdate(unseen, change)
      expect(check(room, update)).toBe(true)
      expect(yjsKeepsPending(room, update)).toBe(true)
    }
  })

  it('is not one when the update carries what its own items depend on', () => {
    const { room } = roomWithText()
    const a = new Y.Doc()
    Y.applyUpdate(a, Y.encodeStateAsUpdate(room))
    const before = Y.encodeStateVector(a)
    a.getText('t').insert(0, 'premier ')
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    b.getText('t').insert(3, 'second ')
    // A merged update of two clients, the second building on the first.
    const merged = Y.mergeUpdates([
      Y.encodeStateAsUpdate(a, before),
      Y.encodeStateAsUpdate(b, before),
    ])
    expect(check(room, merged)).toBe(false)
    expect(yjsKeepsPending(room, merged)).toBe(false)
  })
})
