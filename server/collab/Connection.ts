import type { WebSocket } from 'ws'
import { CloseReason, type CloseReasonName } from '../../shared/collabProtocol.ts'
import type { Logger } from '../logger.ts'
import {
  MalformedMessageError,
  UnknownMessageTypeError,
  parseIncomingMessage,
} from './incomingMessage.ts'
import { syncStep1Message } from './messages.ts'
import type { Peer } from './Peer.ts'
import type { Room } from './Room.ts'

let nextConnectionId = 1

/**
 * One client's WebSocket in a room. Every message is parsed whole before it is acted upon; a
 * message that cannot be, closes this connection only (with a code and a reason, logged) and
 * the room carries on.
 */
export class Connection implements Peer {
  readonly id = nextConnectionId++
  readonly awarenessIds = new Set<number>()

  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    readonly isDraftroomClient: boolean,
    private readonly logger: Logger,
  ) {}

  /** Joins the room and starts the y-websocket handshake (server sync step 1, presence). */
  start(): void {
    this.room.join(this)
    this.send(syncStep1Message(this.room.doc))
    const presence = this.room.awarenessStateMessage()
    if (presence) this.send(presence)
  }

  handleMessage(data: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    let message
    try {
      message = parseIncomingMessage(data)
    } catch (error) {
      if (error instanceof UnknownMessageTypeError) this.close('unknownMessageType', error.message)
      else if (error instanceof MalformedMessageError) this.close('malformed', error.message)
      else throw error
      return
    }
    switch (message.type) {
      case 'syncStep1':
        this.room.answerSyncStep1(this, message.stateVector).catch((error: unknown) => {
          this.logger.error({ err: error, room: this.room.name }, 'sync step 1 failed')
          this.close('internal')
        })
        return
      case 'update':
        if (!this.room.receiveUpdate(message.update, this)) this.close('invalidUpdate')
        return
      case 'awareness':
        try {
          this.room.applyAwareness(message.update, this)
        } catch (error) {
          this.close('malformed', error instanceof Error ? error.message : undefined)
        }
        return
      case 'queryAwareness': {
        const presence = this.room.awarenessStateMessage()
        if (presence) this.send(presence)
        return
      }
    }
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(message, (error) => {
      if (error) this.socket.terminate()
    })
  }

  close(reasonName: CloseReasonName, detail?: string): void {
    const { code, reason } = CloseReason[reasonName]
    this.logger.warn(
      { room: this.room.name, connection: this.id, code, reason, detail },
      'closing collaboration connection',
    )
    this.socket.close(code, reason)
  }
}
