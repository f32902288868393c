import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { syncUpdateMessage } from '../../server/collab/messages.ts'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { CloseReason, draftRoomName } from '../../shared/collabProtocol.ts'
import { MAX_REFUSED_CHANGES_PER_MINUTE } from '../../shared/limits.ts'
import { PROPOSALS_MAP } from '../../shared/draft/index.ts'
import type { InProcessServer } from '../helpers/servers/index.ts'
import { startServer } from '../helpers/servers/index.ts'
import { RawSocket } from '../helpers/rawSocket.ts'
import { authorizationFor } from '../helpers/testCredentials.ts'
import {
  type YClient,
  blockByUid,
  blockText,
  connectClient,
  insertText,
  pickBlocks,
  uidOf,
  waitFor,
  tryUpgrade,
} from '../helpers/yClients.ts'

/**
 * A script that sends forbidden changes in a loop: each refusal costs the server a copy of the
 * draft, so past MAX_REFUSED_CHANGES_PER_MINUTE the user's connection is closed (4429), and
 * reconnecting is refused (HTTP 429) until the budget has refilled. Every change here writes a proposal record, which only
 * the server may do, each from a new Yjs client so that none depends on a refused one.
 */

const ROOM = draftRoomName(DEMO_NEGOTIATION_ID)

let server: InProcessServer
let healthy: YClient

const forgedRecord = (n: number): Uint8Array => {
  const doc = new Y.Doc()
  doc.getMap(PROPOSALS_MAP).set(`forged-${n}`, { id: `forged-${n}`, status: 'accepted' })
  return syncUpdateMessage(Y.encodeStateAsUpdate(doc))
}

beforeAll(async () => {
  server = await startServer({ inProcess: true })
  healthy = await connectClient(server.collabUrl, ROOM, { name: 'healthy' })
})

afterAll(async () => {
  healthy?.destroy()
  await server?.dispose()
})

describe('a user whose changes keep being refused', () => {
  it('is disconnected past the limit, also after reconnecting, while others carry on', async () => {
    const script = new RawSocket(`${server.collabUrl}/${ROOM}`, { timeoutMs: 20_000 })
    await script.opened()
    for (let n = 0; n <= MAX_REFUSED_CHANGES_PER_MINUTE + 5; n++) {
      await script.send(forgedRecord(n)).catch(() => undefined)
    }
    const closed = await script.closed
    expect(closed).toEqual({
      code: CloseReason.tooManyRefusals.code,
      reason: CloseReason.tooManyRefusals.reason,
    })

    // Back at once: refused before any WebSocket exists, until the minute has refilled.
    expect(
      await tryUpgrade(`${server.collabUrl}/${ROOM}`, authorizationFor(server.collabUrl)),
    ).toEqual({
      status: 429,
    })

    // Nothing forged is in the room, and a healthy client's typing still goes through.
    const block = uidOf(pickBlocks(healthy.doc, 1)[0]!)!
    insertText(blockByUid(healthy.doc, block), 0, 'Toujours là. ')
    const latecomer = await connectClient(server.collabUrl, ROOM, { name: 'latecomer' })
    try {
      await waitFor(() => blockText(blockByUid(latecomer.doc, block)).startsWith('Toujours là. '))
      const records = [...latecomer.doc.getMap(PROPOSALS_MAP).keys()]
      expect(records.filter((id) => id.startsWith('forged-'))).toEqual([])
    } finally {
      latecomer.destroy()
    }
  }, 60_000)
})
