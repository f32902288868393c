import http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/**
 * The reference the benchmarks compare Draftroom with: the plain y-websocket server loop, as
 * the classic `y-websocket/bin/utils.js` (y-websocket 1.x) wrote it before it moved to
 * `@y/websocket-server` (which needs yjs 14). One document per URL path, every document update
 * broadcast to every connection (the sender included), no authentication, no validation, no
 * storage. `seed`, applied when a document is created, plays the part of the classic
 * persistence's `bindState`, so that the reference serves the same draft as Draftroom.
 */

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const WS_READY_STATE_CONNECTING = 0
const WS_READY_STATE_OPEN = 1
const PING_TIMEOUT_MS = 30_000

class WSSharedDoc extends Y.Doc {
  /** Each connection and the awareness client ids it controls. */
  readonly conns = new Map<WebSocket, Set<number>>()
  readonly awareness: awarenessProtocol.Awareness

  constructor(readonly name: string) {
    super({ gc: true })
    this.awareness = new awarenessProtocol.Awareness(this)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.handleAwarenessChange)
    this.on('update', this.handleUpdate)
  }

  private readonly handleAwarenessChange = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    conn: unknown,
  ) => {
    const changedClients = changes.added.concat(changes.updated, changes.removed)
    const controlledIds = isSocket(conn) ? this.conns.get(conn) : undefined
    if (controlledIds) {
      for (const clientId of changes.added) controlledIds.add(clientId)
      for (const clientId of changes.removed) controlledIds.delete(clientId)
    }
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, changedClients),
    )
    const message = encoding.toUint8Array(encoder)
    for (const c of this.conns.keys()) send(this, c, message)
  }

  private readonly handleUpdate = (update: Uint8Array) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeUpdate(encoder, update)
    const message = encoding.toUint8Array(encoder)
    for (const conn of this.conns.keys()) send(this, conn, message)
  }
}

const isSocket = (value: unknown): value is WebSocket =>
  typeof value === 'object' && value !== null && 'send' in value

function messageListener(conn: WebSocket, doc: WSSharedDoc, message: Uint8Array): void {
  try {
    const encoder = encoding.createEncoder()
    const decoder = decoding.createDecoder(message)
    const messageType = decoding.readVarUint(decoder)
    switch (messageType) {
      case MESSAGE_SYNC:
        encoding.writeVarUint(encoder, MESSAGE_SYNC)
        syncProtocol.readSyncMessage(decoder, encoder, doc, conn)
        // Only the message type: nothing to answer.
        if (encoding.length(encoder) > 1) send(doc, conn, encoding.toUint8Array(encoder))
        break
      case MESSAGE_AWARENESS:
        awarenessProtocol.applyAwarenessUpdate(
          doc.awareness,
          decoding.readVarUint8Array(decoder),
          conn,
        )
        break
    }
  } catch (error) {
    // The classic also emitted 'error' on the document, an event Yjs's types do not declare
    // and nothing here listens to.
    console.error(error)
  }
}

function closeConn(doc: WSSharedDoc, conn: WebSocket): void {
  const controlledIds = doc.conns.get(conn)
  if (controlledIds) {
    doc.conns.delete(conn)
    awarenessProtocol.removeAwarenessStates(doc.awareness, [...controlledIds], null)
  }
  conn.close()
}

function send(doc: WSSharedDoc, conn: WebSocket, message: Uint8Array): void {
  if (conn.readyState !== WS_READY_STATE_CONNECTING && conn.readyState !== WS_READY_STATE_OPEN) {
    closeConn(doc, conn)
  }
  try {
    conn.send(message, (error) => {
      if (error) closeConn(doc, conn)
    })
  } catch {
    closeConn(doc, conn)
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return new Uint8Array(data)
}

/** A reference server on `port` (0: any free port). */
export async function startReferenceServer(options: { port?: number; seed?: Uint8Array } = {}) {
  const docs = new Map<string, WSSharedDoc>()
  const getYDoc = (name: string): WSSharedDoc => {
    let doc = docs.get(name)
    if (!doc) {
      doc = new WSSharedDoc(name)
      if (options.seed) Y.applyUpdate(doc, options.seed)
      docs.set(name, doc)
    }
    return doc
  }

  const setupWSConnection = (conn: WebSocket, request: http.IncomingMessage) => {
    conn.binaryType = 'arraybuffer'
    const doc = getYDoc((request.url ?? '').slice(1).split('?')[0] ?? '')
    doc.conns.set(conn, new Set())
    conn.on('message', (data: RawData) => messageListener(conn, doc, toBytes(data)))
    let isPongReceived = true
    const pingInterval = setInterval(() => {
      if (!isPongReceived) {
        if (doc.conns.has(conn)) closeConn(doc, conn)
        clearInterval(pingInterval)
      } else if (doc.conns.has(conn)) {
        isPongReceived = false
        try {
          conn.ping()
        } catch {
          closeConn(doc, conn)
          clearInterval(pingInterval)
        }
      }
    }, PING_TIMEOUT_MS)
    conn.on('close', () => {
      closeConn(doc, conn)
      clearInterval(pingInterval)
    })
    conn.on('pong', () => {
      isPongReceived = true
    })
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, doc)
    send(doc, conn, encoding.toUint8Array(encoder))
    const awarenessStates = doc.awareness.getStates()
    if (awarenessStates.size > 0) {
      const awarenessEncoder = encoding.createEncoder()
      encoding.writeVarUint(awarenessEncoder, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(
        awarenessEncoder,
        awarenessProtocol.encodeAwarenessUpdate(doc.awareness, [...awarenessStates.keys()]),
      )
      send(doc, conn, encoding.toUint8Array(awarenessEncoder))
    }
  }

  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' })
    response.end('okay')
  })
  const wss = new WebSocketServer({ noServer: true })
  wss.on('connection', setupWSConnection)
  server.on('upgrade', (request: http.IncomingMessage, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    url: `http://localhost:${port}`,
    close: async () => {
      for (const ws of wss.clients) ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve) => server.close(() => resolve()))
      for (const doc of docs.values()) doc.destroy()
    },
  }
}
