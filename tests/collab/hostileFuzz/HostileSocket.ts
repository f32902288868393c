import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import { syncUpdateMessage } from '../../../server/collab/messages.ts'
import { MessageType } from '../../../shared/collabProtocol.ts'

/** y-protocols' sync message types. */
const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1

/**
 * A hand-made collaboration client that sends whatever update it is given, and knows when the
 * server has handled it: each update is followed by a sync request, which the server answers
 * after everything before it on the socket (messages of one socket are handled in order). A
 * connection the server closed is opened again for the next update.
 */
export class HostileSocket {
  private socket: WebSocket | null = null
  private opening: Promise<WebSocket> | null = null
  private waiting: ((outcome: 'handled' | 'closed') => void) | null = null
  /** How many times the server closed this client's connection. */
  closedCount = 0

  constructor(private readonly url: string) {}

  /**
   * Sends `update`, then asks for what it lacks of `stateVector` (the room's, so that the
   * answer is small); resolves once answered, or with 'closed' if the server closed instead.
   */
  async send(update: Uint8Array, stateVector: Uint8Array): Promise<'handled' | 'closed'> {
    const socket = await this.open()
    const outcome = new Promise<'handled' | 'closed'>((resolve) => (this.waiting = resolve))
    socket.send(syncUpdateMessage(update))
    socket.send(syncRequest(stateVector))
    return outcome
  }

  close(): void {
    this.socket?.close()
  }

  private open(): Promise<WebSocket> {
    if (this.socket?.readyState === WebSocket.OPEN) return Promise.resolve(this.socket)
    this.opening ??= new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(this.url)
      socket.binaryType = 'nodebuffer'
      socket.on('open', () => {
        this.socket = socket
        this.opening = null
        resolve(socket)
      })
      socket.on('error', (error) => {
        this.opening = null
        reject(error)
      })
      socket.on('message', (data: Buffer) => {
        if (data[0] === MessageType.sync && data[1] === SYNC_STEP_2) this.settle('handled')
      })
      socket.on('close', () => {
        if (this.socket === socket) this.socket = null
        this.closedCount++
        this.settle('closed')
      })
    })
    return this.opening
  }

  private settle(outcome: 'handled' | 'closed'): void {
    const waiting = this.waiting
    this.waiting = null
    waiting?.(outcome)
  }
}

function syncRequest(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, SYNC_STEP_1)
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}
