import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { COLLAB_PATH, MessageType, draftRoomName } from '../../shared/collabProtocol.ts'

/**
 * One new client's initial sync, measured at the wire: a bare WebSocket that sends sync step 1
 * (an empty state vector) on open and stops at the server's sync step 2, as the stock provider
 * does before it reports `synced`. Times are from the WebSocket's open to step 2 received.
 */
export interface SyncMeasure {
  /** From the WebSocket's open to sync step 2 received (before the client applies it). */
  openToSyncedMs: number
  /** Size of the sync step 2 message (the document), bytes. */
  step2Bytes: number
  /** Everything the server sent until then, bytes. */
  receivedBytes: number
  doc: Y.Doc
}

export function roomUrl(baseUrl: string, negotiationId: string, token: string | null): string {
  const query = token ? `?access_token=${encodeURIComponent(token)}` : ''
  return `${baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}/${draftRoomName(negotiationId)}${query}`
}

export function syncOnce(url: string, timeoutMs = 30_000): Promise<SyncMeasure> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.binaryType = 'nodebuffer'
    const doc = new Y.Doc()
    let openedAt = 0
    let receivedBytes = 0
    const timeout = setTimeout(() => {
      socket.terminate()
      reject(new Error(`no sync step 2 from ${url} in ${timeoutMs} ms`))
    }, timeoutMs)
    socket.on('unexpected-response', (_request, response) => {
      clearTimeout(timeout)
      reject(new Error(`upgrade refused: ${response.statusCode}`))
    })
    socket.on('error', (error) => {
      clearTimeout(timeout)
      reject(error)
    })
    socket.on('open', () => {
      openedAt = performance.now()
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.sync)
      syncProtocol.writeSyncStep1(encoder, doc)
      socket.send(encoding.toUint8Array(encoder))
    })
    socket.on('message', (data: Buffer) => {
      receivedBytes += data.length
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== MessageType.sync) return
      const kind = decoding.readVarUint(decoder)
      if (kind !== syncProtocol.messageYjsSyncStep2) return
      // Received: the client's own apply (the same for every server) is not counted.
      const openToSyncedMs = performance.now() - openedAt
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
      clearTimeout(timeout)
      socket.once('close', () =>
        resolve({ openToSyncedMs, step2Bytes: data.length, receivedBytes, doc }),
      )
      socket.close()
    })
  })
}
