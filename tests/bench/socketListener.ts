import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { COLLAB_PATH, MessageType, draftRoomName } from '../../shared/collabProtocol.ts'

/**
 * A delegate's connection as the server sees it (it opens the y-websocket protocol, syncs, then
 * receives every update and presence) without a document behind it: for each update it notes
 * the clock each Yjs client reached and when the message arrived.
 *
 * Why not a stock client with a Y.Doc: in the fan-out benchmark 280 of them applying every
 * keystroke to a copy of the whole draft cost the two cores the server also runs on more than
 * the server does, so the latency measured was the clients' own queueing. A delegate's browser
 * applies updates on its own machine; what the server answers for is the arrival.
 */

const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2
/** An empty document's state vector and update: what a new client has. */
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc())
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc())

const now = () => performance.timeOrigin + performance.now()

export class SocketListener {
  /** Per Yjs client: [clock after the update, arrival time (epoch ms)], in order of arrival. */
  readonly arrivals = new Map<number, number[]>()
  /** Per Yjs client: the highest clock received. */
  readonly clocks = new Map<number, number>()
  /** Presence (awareness) messages received: others' carets and arrivals. */
  presenceMessages = 0
  readonly synced: Promise<void>
  private readonly socket: WebSocket

  constructor(props: { baseUrl: string; negotiationId: string; token: string }) {
    const url =
      `${props.baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}/` +
      `${draftRoomName(props.negotiationId)}?access_token=${encodeURIComponent(props.token)}`
    this.socket = new WebSocket(url)
    this.socket.binaryType = 'nodebuffer'
    this.synced = new Promise<void>((resolve, reject) => {
      this.socket.once('error', reject)
      this.socket.once('open', () => this.socket.send(syncMessage(SYNC_STEP_1, EMPTY_STATE_VECTOR)))
      this.socket.on('message', (data: Buffer) => {
        if (this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))) resolve()
      })
    })
  }

  close(): void {
    this.socket.terminate()
  }

  /** Returns whether the message was the server's sync step 2 (the draft). */
  private receive(message: Uint8Array): boolean {
    const at = now()
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.awareness) this.presenceMessages++
    if (type !== MessageType.sync) return false
    const syncType = decoding.readVarUint(decoder)
    if (syncType === SYNC_STEP_1) {
      // The server asks for what this client has: nothing.
      this.socket.send(syncMessage(SYNC_STEP_2, EMPTY_UPDATE))
      return false
    }
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return false
    const { to } = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder))
    for (const [client, clock] of to) {
      if (clock <= (this.clocks.get(client) ?? 0)) continue
      this.clocks.set(client, clock)
      let list = this.arrivals.get(client)
      if (!list) this.arrivals.set(client, (list = []))
      list.push(clock, at)
    }
    return syncType === SYNC_STEP_2
  }
}

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}
