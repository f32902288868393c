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

const CATCH_UP_MS = 2_000

async function storedDoc(
  context: AppContext,
  roomName: string,
  room: { whenCommitted: () => Promise<void> },
): Promise<Y.Doc> {
  await room.whenCommitted()
  const stored = await context.store.load(roomName)
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const part of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
      Y.applyUpdate(doc, part)
    }
  })
  return doc
}

function sameStateVector(a: Y.Doc, b: Y.Doc): boolean {
  const left = Y.decodeStateVector(Y.encodeStateVector(a))
  const right = Y.decodeStateVector(Y.encodeStateVector(b))
  return (
    left.size === right.size && [...left].every(([client, clock]) => right.get(client) === clock)
  )
}

/**
 * The validator's invariant (DESIGN.md section 6): the room's live document, which the rules
 * judged, is exactly the document storage holds: the same state vector, the same delete set,
 * the same content. Checked once everything accepted is committed; a room not loaded passes.
 */
export async function expectStoredAsLive(context: AppContext, roomName: string): Promise<void> {
  const room = await context.rooms.peek(roomName)
  if (!room) return
  // A check made right after a hostile message may run before the server has finished with it
  // (its record, its commit): storage must catch up with the room within a bound, never lag.
  let doc = await storedDoc(context, roomName, room)
  for (let waited = 0; waited < CATCH_UP_MS && !sameStateVector(doc, room.doc); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    doc = await storedDoc(context, roomName, room)
  }
  const live = room.doc
  expect(
    Y.decodeStateVector(Y.encodeStateVector(doc)),
    `stored vs live state vectors; the structs that differ:\n${lastStructsApart(doc, live)}`,
  ).toEqual(Y.decodeStateVector(Y.encodeStateVector(live)))
  expect(
    Y.equalDeleteSets(
      Y.createDeleteSetFromStructStore(doc.store),
      Y.createDeleteSetFromStructStore(live.store),
    ),
  ).toBe(true)
  expect(contentOf(doc)).toEqual(contentOf(live))
  doc.destroy()
}

/** For a failure message: the last structs of each client whose clocks differ, on both sides. */
function lastStructsApart(stored: Y.Doc, live: Y.Doc): string {
  const lines: string[] = []
  for (const client of new Set([...stored.store.clients.keys(), ...live.store.clients.keys()])) {
    if (Y.getState(stored.store, client) === Y.getState(live.store, client)) continue
    for (const [side, doc] of [
      ['stored', stored],
      ['live', live],
    ] as const) {
      for (const struct of (doc.store.clients.get(client) ?? []).slice(-4)) {
        const item = struct instanceof Y.Item ? struct : null
        lines.push(
          `${side} ${client}:${struct.id.clock}+${struct.length} ${struct.constructor.name}` +
            (item
              ? ` ${item.content.constructor.name} deleted=${item.deleted} key=${item.parentSub}` +
                ` origin=${JSON.stringify(item.origin)} right=${JSON.stringify(item.rightOrigin)}`
              : ''),
        )
      }
    }
    lines.push(`stored pending: ${JSON.stringify(stored.store.pendingStructs?.missing ?? null)}`)
  }
  return lines.join('\n')
}
