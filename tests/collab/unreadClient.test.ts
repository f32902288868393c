import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { COLLAB_PATH, draftRoomName } from '../../shared/collabProtocol.ts'
import type { InProcessServer } from '../helpers/servers/index.ts'
import { startServer } from '../helpers/servers/index.ts'
import { tokenFor } from '../helpers/testCredentials.ts'
import {
  type YClient,
  blockByUid,
  blockText,
  connectClient,
  draftJson,
  insertText,
  pickBlocks,
  uidOf,
  waitFor,
} from '../helpers/yClients.ts'

/**
 * A client that stops reading its socket (a stalled laptop, or a hostile script) must not make
 * the server hold the whole room's traffic for it: past the backlog limit it is dropped, and
 * everyone else carries on.
 */

const ROOM = draftRoomName(DEMO_NEGOTIATION_ID)
/** Lowered for the test: the default (32 MiB) would take 40 MB of traffic to reach. */
const BACKLOG_LIMIT = 256 * 1024
const CHUNK = 400 * 1024
const CHUNKS = 40

let server: InProcessServer
let writer: YClient
let reader: YClient

/** A hand-made WebSocket upgrade whose socket is then never read. */
function connectWithoutReading(): Promise<{
  socket: net.Socket
  /** Resolves with the bytes received once the socket is read again and ends. */
  drain: () => Promise<{ bytes: number; ended: boolean }>
}> {
  const token = tokenFor(server.url) ?? ''
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1')
    let bytes = 0
    let ended = false
    socket.on('data', (data: Buffer) => {
      bytes += data.length
      if (bytes === data.length) {
        if (!data.toString('latin1').startsWith('HTTP/1.1 101')) {
          reject(new Error(`upgrade refused: ${data.toString('latin1').split('\r\n')[0]}`))
          return
        }
        // Upgraded: from now on, read nothing.
        socket.pause()
        resolve({
          socket,
          drain: () =>
            new Promise((done) => {
              const timer = setTimeout(() => done({ bytes, ended }), 10_000)
              socket.once('close', () => {
                clearTimeout(timer)
                done({ bytes, ended })
              })
              socket.resume()
            }),
        })
      }
    })
    socket.on('end', () => {
      ended = true
    })
    socket.on('error', () => {
      ended = true
    })
    socket.write(
      [
        `GET ${COLLAB_PATH}/${ROOM}?access_token=${encodeURIComponent(token)} HTTP/1.1`,
        `Host: 127.0.0.1:${server.port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 13',
        '',
        '',
      ].join('\r\n'),
    )
  })
}

beforeAll(async () => {
  // Sixteen megabytes from one account: more than a minute's budget of a real user.
  server = await startServer({
    inProcess: true,
    maxClientBacklogBytes: BACKLOG_LIMIT,
    writerLimits: { bytes: 64 * 1024 * 1024, items: 1_000_000 },
  })
  writer = await connectClient(server.collabUrl, ROOM, { name: 'writer' })
  reader = await connectClient(server.collabUrl, ROOM, { name: 'reader' })
})

afterAll(async () => {
  writer?.destroy()
  reader?.destroy()
  await server?.dispose()
})

describe('a client that does not read', () => {
  it('is dropped once its backlog passes the limit, while the others keep syncing', async () => {
    const stalled = await connectWithoutReading()
    const uid = uidOf(pickBlocks(writer.doc, 1)[0]!)!
    const before = blockText(blockByUid(writer.doc, uid)).length
    for (let i = 0; i < CHUNKS; i++) {
      const block = blockByUid(writer.doc, uid)
      insertText(block, blockText(block).length, String.fromCharCode(97 + (i % 26)).repeat(CHUNK))
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const expected = before + CHUNKS * CHUNK
    await waitFor(() => blockText(blockByUid(reader.doc, uid)).length === expected, 60_000)

    // Read again: what the operating system buffered arrives, then the end.
    const { bytes, ended } = await stalled.drain()
    expect(ended).toBe(true)
    expect(bytes).toBeLessThan(CHUNKS * CHUNK)

    // The room is whole: a new client syncs the same draft as the reader.
    const latecomer = await connectClient(server.collabUrl, ROOM, { name: 'latecomer' })
    try {
      expect(draftJson(latecomer.doc)).toEqual(draftJson(reader.doc))
      expect(blockText(blockByUid(latecomer.doc, uid)).length).toBe(expected)
    } finally {
      latecomer.destroy()
    }
  }, 120_000)
})
