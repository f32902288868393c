import { DRAFT_FRAGMENT } from '../../shared/draft/index.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import {
  COLLAB_PATH,
  CloseReason,
  MessageType,
  draftRoomName,
} from '../../shared/collabProtocol.ts'
import { MAX_COLLAB_MESSAGE_BYTES } from '../../shared/limits.ts'
import type { InProcessServer } from '../helpers/servers/index.ts'
import { startServer } from '../helpers/servers/index.ts'
import { fetchDraftDocument } from '../helpers/fetchDraft.ts'
import { type RawClose, connectAndAwaitClose, sendAndAwaitClose } from '../helpers/rawSocket.ts'
import {
  type YClient,
  blockByUid,
  blockText,
  connectClient,
  draftJson,
  insertText,
  pickBlocks,
  stateVector,
  uidOf,
  waitFor,
  waitForConvergence,
} from '../helpers/yClients.ts'
import { Random } from './random.ts'

/**
 * Hostile input on the collaboration socket: each bad message closes its own connection with
 * the right code and reason, while a healthy client in the same room keeps typing and syncing,
 * and nothing of the bad input reaches the stored draft.
 */

const ROOM = draftRoomName(DEMO_NEGOTIATION_ID)

let server: InProcessServer
/** Types throughout the file, except while the stored draft is compared with its own. */
let healthy: YClient
/** Only watches: what it receives is what the server broadcast. */
let observer: YClient
let healthyBlock: string
/** The Yjs clients the stored draft may hold structs from: the demo's and the healthy one's. */
let allowedClients: Set<number>
let typing: NodeJS.Timeout | null = null
let keystrokes = 0

const roomUrl = (): string => `${server.collabUrl}/${ROOM}`

function startTyping(): void {
  typing ??= setInterval(() => {
    keystrokes++
    const block = blockByUid(healthy.doc, healthyBlock)
    insertText(block, blockText(block).length, String.fromCharCode(97 + (keystrokes % 26)))
  }, 20)
}

function stopTyping(): void {
  if (typing) clearInterval(typing)
  typing = null
}

beforeAll(async () => {
  // Dozens of hostile connections from one account within a minute.
  server = await startServer({ inProcess: true, writerLimits: { connections: 1_000 } })
  healthy = await connectClient(server.collabUrl, ROOM, { name: 'healthy' })
  observer = await connectClient(server.collabUrl, ROOM, { name: 'observer' })
  healthyBlock = uidOf(pickBlocks(healthy.doc, 1)[0]!)!
  allowedClients = new Set([
    ...stateVector(healthy.doc).map(([client]) => client),
    healthy.doc.clientID,
  ])
  startTyping()
})

afterAll(async () => {
  stopTyping()
  healthy?.destroy()
  observer?.destroy()
  await server?.dispose()
})

/**
 * The healthy client was never disconnected, its typing reached the observer through the
 * server, and the stored draft is exactly the healthy client's: nothing else got in.
 */
async function expectRoomUnharmed(): Promise<void> {
  const typedBefore = keystrokes
  await waitFor(
    () => keystrokes >= typedBefore + 2,
    5_000,
    () => 'the healthy client typing',
  )
  stopTyping()
  try {
    expect(healthy.serverCloses).toEqual([])
    expect(healthy.isSynced).toBe(true)
    await waitForConvergence([healthy, observer], 5_000)
    expect(await fetchDraftDocument(server, DEMO_NEGOTIATION_ID)).toEqual(draftJson(healthy.doc))
    const foreign = stateVector(observer.doc).filter(([client]) => !allowedClients.has(client))
    expect(foreign).toEqual([])
  } finally {
    startTyping()
  }
}

function expectClosedWith(close: RawClose, reason: keyof typeof CloseReason): void {
  expect(close).toEqual({ code: CloseReason[reason].code, reason: CloseReason[reason].reason })
}

/** A y-websocket message: a varUint type, then what `write` adds. */
function message(type: number, write: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** A well-formed sync update message around any bytes. */
const syncUpdate = (update: Uint8Array): Uint8Array =>
  message(MessageType.sync, (encoder) => syncProtocol.writeUpdate(encoder, update))

/** Bytes written by hand: `varUint`s and raw arrays in sequence. */
function bytes(...parts: (number | Uint8Array | string)[]): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part)
    else if (typeof part === 'string') encoding.writeVarString(encoder, part)
    else encoding.writeUint8Array(encoder, part)
  }
  return encoding.toUint8Array(encoder)
}

const isDecodableUpdate = (update: Uint8Array): boolean => {
  try {
    Y.decodeUpdate(update)
    return true
  } catch {
    return false
  }
}

describe('bad input on the collaboration socket', () => {
  it('closes a connection that sends a truncated message with 1007', async () => {
    const truncated = [
      bytes(MessageType.sync),
      bytes(MessageType.sync, syncProtocol.messageYjsUpdate),
      // An update that announces 100 bytes and brings 10.
      bytes(MessageType.sync, syncProtocol.messageYjsUpdate, 100, new Uint8Array(10)),
      // An update that announces 2^31 bytes.
      bytes(MessageType.sync, syncProtocol.messageYjsUpdate, 2 ** 31, new Uint8Array(10)),
      bytes(MessageType.sync, syncProtocol.messageYjsSyncStep1, 5, 1),
      bytes(MessageType.awareness, 40, new Uint8Array(3)),
      // A varUint whose continuation bit never ends.
      new Uint8Array([0xff, 0xff, 0xff]),
    ]
    for (const bad of truncated) {
      expectClosedWith(await sendAndAwaitClose(roomUrl(), [bad]), 'malformed')
    }
    await expectRoomUnharmed()
  })

  it('closes connections that send random bytes, with a protocol error code', async () => {
    const random = new Random(20_181_210)
    const protocolErrors = [
      CloseReason.malformed.code,
      CloseReason.unknownMessageType.code,
      CloseReason.invalidUpdate.code,
    ]
    // Pure noise, and noise behind the two message types a client may send.
    const prefixes = [[], [MessageType.sync], [MessageType.awareness]]
    for (let i = 0; i < 18; i++) {
      const bad = new Uint8Array([...prefixes[i % 3]!, ...random.bytes(2 + random.int(200))])
      const close = await sendAndAwaitClose(roomUrl(), [bad])
      expect(protocolErrors, `random bytes ${Buffer.from(bad).toString('hex')}`).toContain(
        close.code,
      )
      expect(close.reason).not.toBe('')
    }
    await expectRoomUnharmed()
  })

  it('closes a connection that sends an unknown message type with 4400', async () => {
    const unknown = [
      bytes(42),
      bytes(300, new Uint8Array([1, 2, 3])),
      // Draftroom's own types go from server to client only.
      bytes(MessageType.stored, 0),
      // A sync message of a kind the sync protocol does not have.
      bytes(MessageType.sync, 7, 0),
    ]
    for (const bad of unknown) {
      expectClosedWith(await sendAndAwaitClose(roomUrl(), [bad]), 'unknownMessageType')
    }
    await expectRoomUnharmed()
  })

  it('closes a connection that sends a message over the size limit with 1009', async () => {
    const huge = syncUpdate(new Uint8Array(MAX_COLLAB_MESSAGE_BYTES))
    expect(huge.length).toBeGreaterThan(MAX_COLLAB_MESSAGE_BYTES)
    expectClosedWith(await sendAndAwaitClose(roomUrl(), [huge], { timeoutMs: 10_000 }), 'tooBig')
    await expectRoomUnharmed()
  })

  it('closes a connection that sends an invalid Yjs update in a well-formed message with 4422', async () => {
    const random = new Random(71_280)
    const garbage: Uint8Array[] = []
    while (garbage.length < 6) {
      const candidate = random.bytes(8 + random.int(120))
      if (!isDecodableUpdate(candidate)) garbage.push(candidate)
    }
    const invalidUpdates = [
      ...garbage,
      // 2^32 - 1 structs announced, none given.
      bytes(1, 2 ** 32 - 1, 77, 0),
      // 2^31 clients announced.
      bytes(2 ** 31, 1, 77, 0),
      // A string item announcing a string of 1 GiB.
      bytes(1, 1, 77, 0, 4, 1, DRAFT_FRAGMENT, 2 ** 30, new Uint8Array([0x61, 0x62])),
      // A content type the update format does not have.
      bytes(1, 1, 77, 0, 31, 1, DRAFT_FRAGMENT, 1),
    ]
    for (const update of invalidUpdates) {
      expect(isDecodableUpdate(update)).toBe(false)
      const close = await sendAndAwaitClose(roomUrl(), [syncUpdate(update)])
      expect(close, `update ${Buffer.from(update).toString('hex')}`).toEqual({
        code: CloseReason.invalidUpdate.code,
        reason: CloseReason.invalidUpdate.reason,
      })
    }
    // The same through sync step 2, which y-websocket clients send on every connection.
    const step2 = message(MessageType.sync, (encoder) => {
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
      encoding.writeVarUint8Array(encoder, garbage[0]!)
    })
    expectClosedWith(await sendAndAwaitClose(roomUrl(), [step2]), 'invalidUpdate')
    await expectRoomUnharmed()
  })

  it('closes a connection that sends an awareness update that is not one with 1007', async () => {
    const notJson = bytes(1, 4242, 1, 'not json {')
    const bad = message(MessageType.awareness, (encoder) =>
      encoding.writeVarUint8Array(encoder, notJson),
    )
    expectClosedWith(await sendAndAwaitClose(roomUrl(), [bad]), 'malformed')
    await expectRoomUnharmed()
  })

  it('refuses a room of a negotiation that does not exist with 4404', async () => {
    for (const room of [
      draftRoomName('does-not-exist'),
      draftRoomName(`${DEMO_NEGOTIATION_ID}-2`),
    ]) {
      expectClosedWith(await connectAndAwaitClose(`${server.collabUrl}/${room}`), 'unknownRoom')
    }
    await expectRoomUnharmed()
  })

  it('refuses a malformed room path with 4404', async () => {
    const paths = [
      `${COLLAB_PATH}/../../etc`,
      `${COLLAB_PATH}/../../etc/passwd`,
      `${COLLAB_PATH}/`,
      `${COLLAB_PATH}/negotiations/${DEMO_NEGOTIATION_ID}`,
      `${COLLAB_PATH}/negotiations/${DEMO_NEGOTIATION_ID}/draft/extra`,
      `${COLLAB_PATH}/negotiations/${DEMO_NEGOTIATION_ID.toUpperCase()}/draft`,
      `${COLLAB_PATH}/negotiations/%2e%2e/draft`,
      `${COLLAB_PATH}/negotiations/${DEMO_NEGOTIATION_ID}/draft%00`,
      `${COLLAB_PATH}/negotiations/${DEMO_NEGOTIATION_ID}%2Fdraft%2F..%2F..`,
      `${COLLAB_PATH}/%E0%A4%A`,
    ]
    for (const literalPath of paths) {
      const close = await connectAndAwaitClose(`ws://127.0.0.1:${server.port}/`, { literalPath })
      expect(close, literalPath).toEqual({
        code: CloseReason.unknownRoom.code,
        reason: CloseReason.unknownRoom.reason,
      })
    }
    await expectRoomUnharmed()
  })

  it('stores none of it: after a restart the draft is the healthy client’s', async () => {
    stopTyping()
    await waitForConvergence([healthy, observer], 5_000)
    const expected = draftJson(healthy.doc)
    healthy.disconnect()
    observer.disconnect()
    await server.restart()
    const fresh = await connectClient(server.collabUrl, ROOM, { name: 'fresh' })
    try {
      expect(draftJson(fresh.doc)).toEqual(expected)
      expect(stateVector(fresh.doc).filter(([client]) => !allowedClients.has(client))).toEqual([])
      const health = await fetch(`${server.url}/healthz`)
      expect(await health.json()).toMatchObject({ status: 'ok' })
    } finally {
      fresh.destroy()
    }
  })
})

describe('well-formed Yjs updates that break the draft', () => {
  let ownServer: InProcessServer
  let editor: YClient

  beforeAll(async () => {
    ownServer = await startServer({ inProcess: true, writerLimits: { connections: 1_000 } })
    editor = await connectClient(ownServer.collabUrl, ROOM, { name: 'editor' })
  })

  afterAll(async () => {
    editor?.destroy()
    await ownServer?.dispose()
  })

  it('keeps a value that is not an XML node out of the draft fragment', async () => {
    // Valid Yjs, invalid draft: a plain value among the sections, which no editor can render
    // (y-prosemirror, and the API's conversion, throw on it).
    const attacker = new Y.Doc()
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(editor.doc))
    const before = Y.encodeStateVector(attacker)
    attacker.get(DRAFT_FRAGMENT, Y.Array).insert(0, ['<script>'])
    const update = Y.encodeStateAsUpdate(attacker, before)
    expect(isDecodableUpdate(update)).toBe(true)
    const expected = draftJson(editor.doc)

    // Refused either way the protocol allows: the connection closed (4422), or kept open and
    // told (a notice) while the update goes nowhere.
    const close = await sendAndAwaitClose(`${ownServer.collabUrl}/${ROOM}`, [syncUpdate(update)], {
      timeoutMs: 1_000,
    })
    expect([CloseReason.invalidUpdate.code, null]).toContain(close.code)

    const probe = await connectClient(ownServer.collabUrl, ROOM, { name: 'probe' })
    try {
      expect(Y.snapshotContainsUpdate(Y.snapshot(probe.doc), update)).toBe(false)
      expect(draftJson(editor.doc)).toEqual(expected)
      expect(await fetchDraftDocument(ownServer, DEMO_NEGOTIATION_ID)).toEqual(expected)
    } finally {
      probe.destroy()
    }
  })
})
