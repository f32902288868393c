import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb'
import { COLLAB_PATH, DRAFTROOM_CLIENT_PARAM, MessageType } from '../../../shared/collabProtocol.ts'
import { parseNotice, type Notice } from './notice.ts'
import {
  INITIAL_CONNECTION_STATUS,
  nextConnectionStatus,
  type ConnectionEvent,
  type ConnectionStatus,
} from './connectionStatus.ts'
import { closeReasonName, isTerminalCloseCode } from './closeReasons.ts'
import { ServerState } from './ServerState.ts'

type Listener<T> = (value: T) => void

/** A tiny typed event source; the session's consumers are a few React hooks. */
class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>()
  on(listener: Listener<T>): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  emit(value: T): void {
    for (const listener of this.listeners) listener(value)
  }
}

const DISCARD_TIMEOUT_MS = 3_000

const collabUrl = (): string =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`

/**
 * One open draft: the Yjs document, its WebSocket provider (with Draftroom's own `stored` and
 * `notice` messages) and its offline copy in IndexedDB, keyed by room name so that edits made
 * offline survive a reload and are sent on reconnect.
 */
export class CollabSession {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly persistence: IndexeddbPersistence
  readonly stored = new Emitter<Y.Snapshot>()
  readonly notices = new Emitter<Notice>()
  readonly statusChanges = new Emitter<ConnectionStatus>()
  private readonly server: ServerState
  private connectionStatus = INITIAL_CONNECTION_STATUS

  constructor(readonly roomName: string) {
    this.persistence = new IndexeddbPersistence(roomName, this.doc)
    this.server = new ServerState(this.persistence)
    // Created unconnected so that our handlers are in place before the first message arrives.
    this.provider = new WebsocketProvider(collabUrl(), roomName, this.doc, {
      connect: false,
      // Other tabs' updates would arrive with the provider as origin and look stored.
      disableBc: true,
      params: { [DRAFTROOM_CLIENT_PARAM]: '1' },
    })
    this.provider.messageHandlers[MessageType.stored] = (
      _encoder,
      decoder,
      _provider,
      _emitSynced,
      _messageType,
    ) => {
      const snapshot = Y.decodeSnapshot(decoding.readVarUint8Array(decoder))
      this.server.handleStored(snapshot)
      this.stored.emit(snapshot)
    }
    this.provider.messageHandlers[MessageType.notice] = (
      _encoder,
      decoder,
      _provider,
      _emitSynced,
      _messageType,
    ) => {
      this.notices.emit(parseNotice(decoding.readVarString(decoder)))
    }
    this.provider.on('status', ({ status }) => {
      if (status === 'connecting') this.update({ type: 'connecting' })
      if (status === 'connected') this.update({ type: 'connected' })
    })
    this.provider.on('connection-close', (event) => {
      const closedBy =
        event && closeReasonName(event.code) !== null
          ? { code: event.code, reason: event.reason, isTerminal: isTerminalCloseCode(event.code) }
          : null
      this.update({ type: 'closed', closedBy })
    })
    this.doc.on('update', this.handleUpdate)
    window.addEventListener('offline', this.handleOffline)
    window.addEventListener('online', this.handleOnline)
    void this.server.restore().then((isRestored) => {
      if (isRestored && this.server.snapshot) this.stored.emit(this.server.snapshot)
    })
    this.provider.connect()
  }

  private readonly handleUpdate = (update: Uint8Array, origin: unknown) => {
    // Other tabs' updates would also have the provider as origin: BroadcastChannel is off.
    if (origin === this.provider) this.server.handleServerUpdate(update)
  }

  // The browser knows before the socket does (a half-open socket can take 30 s to time out).
  private readonly handleOffline = () => {
    this.provider.disconnect()
    this.update({ type: 'wentOffline' })
  }

  private readonly handleOnline = () => {
    if (!this.connectionStatus.closedBy?.isTerminal) this.provider.connect()
  }

  private update(event: ConnectionEvent): void {
    const next = nextConnectionStatus(this.connectionStatus, event)
    if (next === this.connectionStatus) return
    this.connectionStatus = next
    this.statusChanges.emit(next)
  }

  /** The connection state and the last close code the server gave. */
  get status(): ConnectionStatus {
    return this.connectionStatus
  }

  /** Tries again after the server refused the connection. */
  retry(): void {
    this.provider.connect()
  }

  /** What the server is known to hold (see ServerState), or null before anything came. */
  get serverState(): Y.Snapshot | null {
    return this.server.snapshot
  }

  /**
   * Closes the session and deletes this device's copy of the draft, so that the next session
   * starts from the server's text alone (after the server refused a change of this copy).
   */
  async discardLocalCopy(): Promise<void> {
    this.destroy()
    await this.persistence.destroy().catch(() => undefined)
    // Another tab still holding the database would block the deletion: do not wait forever.
    await Promise.race([
      clearDocument(this.roomName).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, DISCARD_TIMEOUT_MS)),
    ])
  }

  destroy(): void {
    this.server.close()
    this.doc.off('update', this.handleUpdate)
    window.removeEventListener('offline', this.handleOffline)
    window.removeEventListener('online', this.handleOnline)
    this.provider.destroy()
    void this.persistence.destroy()
    this.doc.destroy()
  }
}
