import { DRAFT_FRAGMENT } from '../../shared/draft/index.ts'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/**
 * Yjs updates made to cost the server: small to send, big or slow to decode, apply or check.
 * Those built from a document start from `base` (the room's state as a client holds it), so
 * that they are valid updates a client could send.
 */

/** Bytes written by hand: `varUint`s, strings and raw arrays in sequence. */
export function bytes(...parts: (number | Uint8Array | string)[]): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part)
    else if (typeof part === 'string') encoding.writeVarString(encoder, part)
    else encoding.writeUint8Array(encoder, part)
  }
  return encoding.toUint8Array(encoder)
}

// The server's own encoders: a test frames its hostile payloads as any client would.
export { awarenessMessage, syncUpdateMessage } from '../../server/collab/messages.ts'

/** An awareness update (count, then client id, clock and JSON state each). */
export function awarenessUpdate(
  entries: readonly { clientId: number; clock: number; state: unknown }[],
): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, JSON.stringify(state))
  }
  return encoding.toUint8Array(encoder)
}

/** A string item whose header claims 2^31 characters, followed by two. */
export const hugeStringClaim = (): Uint8Array =>
  bytes(1, 1, 77, 0, 4, 1, DRAFT_FRAGMENT, 2 ** 31, new Uint8Array([0x61, 0x62]))

/** One client announcing 2^32 - 1 structs, and none given. */
export const manyStructsClaim = (): Uint8Array => bytes(1, 2 ** 32 - 1, 77, 0)

/** 2^31 clients announced. */
export const manyClientsClaim = (): Uint8Array => bytes(2 ** 31, 1, 77, 0)

/** A delete set claiming 2^31 deleted ranges. */
export const manyDeleteRangesClaim = (): Uint8Array => bytes(0, 1, 77, 2 ** 31, 0, 1)

/** A fresh document's copy of `base`, and its state vector before the change `make` makes. */
function changeOf(base: Y.Doc, make: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  make(doc)
  const update = Y.encodeStateAsUpdate(doc, before)
  doc.destroy()
  return update
}

/**
 * `count` separate items in a root type outside the draft, each inserted in front of the last
 * so that none merges with another: about 12 bytes each to send, one struct each to apply.
 */
export const manyItemsOutsideDraft = (count: number): Uint8Array => {
  const doc = new Y.Doc()
  const array = doc.getArray<number>('evil')
  doc.transact(() => {
    for (let i = 0; i < count; i++) array.insert(0, [i % 100])
  })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** Sections nested `depth` deep at the top of the draft (the schema allows none in another). */
export const deepNesting = (base: Y.Doc, depth: number): Uint8Array =>
  changeOf(base, (doc) => {
    doc.transact(() => {
      // Inserted one level at a time: Yjs integrates a prepared tree recursively.
      let parent = new Y.XmlElement('section')
      doc.getXmlFragment(DRAFT_FRAGMENT).insert(0, [parent])
      for (let i = 0; i < depth; i++) {
        const child = new Y.XmlElement('section')
        parent.insert(0, [child])
        parent = child
      }
    })
  })

/**
 * `count` one-character texts at the top of the draft, where only sections may stand: a
 * structurally invalid update, about 20 bytes per item.
 */
export const manyTextsInDraft = (base: Y.Doc, count: number): Uint8Array =>
  changeOf(base, (doc) => {
    const fragment = doc.getXmlFragment(DRAFT_FRAGMENT)
    doc.transact(() => {
      for (let i = 0; i < count; i++) fragment.insert(0, [new Y.XmlText('x')])
    })
  })

/**
 * An update that cannot be integrated: `size` characters typed by a new client after a first
 * change it never sends, so that every struct waits for a clock that will not come.
 */
export const gappedUpdate = (clientId: number, size: number): Uint8Array => {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const text = doc.getText('gap')
  text.insert(0, 'a')
  const afterFirst = Y.encodeStateVector(doc)
  text.insert(1, 'z'.repeat(size))
  const update = Y.encodeStateAsUpdate(doc, afterFirst)
  doc.destroy()
  return update
}

/** Whether Yjs can decode `update` at all. */
export function isDecodable(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update)
    return true
  } catch {
    return false
  }
}

/**
 * Two structs of two clients, each placed after the other: neither can ever be integrated
 * (Yjs would keep both pending for good). About 30 bytes.
 */
export function cyclicUpdate(clientA: number, clientB: number): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, 2)
  for (const [client, after] of [
    [clientA, clientB],
    [clientB, clientA],
  ] as const) {
    encoding.writeVarUint(encoder.restEncoder, 1)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, 0)
    const origin = Y.createID(after, 0)
    new Y.Item(
      Y.createID(client, 0),
      null,
      origin,
      null,
      null,
      null,
      null,
      new Y.ContentString('x'),
    ).write(encoder, 0)
  }
  // An empty delete set.
  encoding.writeVarUint(encoder.restEncoder, 0)
  return encoder.toUint8Array()
}

/** The position of `text` before its `index`-th character, as the items left and right of it. */
function positionIn(
  tr: Y.Transaction,
  text: Y.XmlText,
  index: number,
): { left: Y.Item | null; right: Y.Item | null } {
  let left: Y.Item | null = null
  let right = text._start
  let remaining = index
  while (right !== null && remaining > 0) {
    if (!right.deleted && right.countable) {
      if (right.length > remaining) {
        right = Y.getItemCleanStart(tr, Y.createID(right.id.client, right.id.clock + remaining))
        left = right.left
        break
      }
      remaining -= right.length
    }
    left = right
    right = right.right
  }
  return { left, right }
}

/**
 * Inserts one bare format item (`key: value`) before the `index`-th character of `text`, as no
 * Yjs API would: a client crafting redundant or overlapping formatting markers.
 */
export function insertFormatMarker(
  text: Y.XmlText,
  index: number,
  key: string,
  value: unknown,
): void {
  const doc = text.doc!
  doc.transact((tr) => {
    const { left, right } = positionIn(tr, text, index)
    const id = Y.createID(doc.clientID, Y.getState(doc.store, doc.clientID))
    const content = new Y.ContentFormat(key, value as object)
    new Y.Item(
      id,
      left,
      left?.lastId ?? null,
      right,
      right?.id ?? null,
      text,
      null,
      content,
    ).integrate(tr, 0)
  })
}

/** Deletes, in one transaction, every item of `text` that `shouldDelete` picks (formats too). */
export function deleteItems(text: Y.XmlText, shouldDelete: (item: Y.Item) => boolean): void {
  text.doc!.transact((tr) => {
    for (let item = text._start; item !== null; item = item.right) {
      if (!item.deleted && shouldDelete(item)) item.delete(tr)
    }
  })
}
