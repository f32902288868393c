import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { COMPACTION_THRESHOLD_UPDATES } from '../../shared/limits.ts'
import type { Logger } from '../logger.ts'
import type { DocumentStore } from '../storage/DocumentStore.ts'
import {
  awarenessMessage,
  noticeMessage,
  storedMessage,
  syncStep2Message,
  syncUpdateMessage,
} from './messages.ts'
import type { Peer } from './Peer.ts'
import { encodeAwarenessUpdate, stampPresence, type AwarenessEntry } from './presence.ts'
import type { PresenceUser } from '../../shared/presence.ts'
import type { DraftChange } from './validation/draftChanges.ts'
import { needsMissingHistory } from './validation/missingHistory.ts'
import { UpdateValidator, type ChangeJudge, type Refusal } from './validation/UpdateValidator.ts'

/** Origin of transactions that load the document from storage: they are not stored again. */
const STORAGE_ORIGIN = Symbol('storage')
/** Origin of the server's own writes (proposal records, decisions). */
export const SERVER_ORIGIN = Symbol('server')

/** What became of a client's update. */
export type UpdateOutcome =
  | { status: 'applied'; changes: DraftChange[] }
  | { status: 'refused'; refusal: Refusal }
  | { status: 'invalid' }
  /** Depends on history the room lacks: neither applied nor refused (see missingHistory.ts). */
  | { status: 'setAside' }

/** How often, at most, a room tells its clients what it has committed. */
const STORED_ACK_INTERVAL_MS = 100
/**
 * Presence changes (carets moving at every keystroke, arrivals, departures) are sent to the
 * room together, at most this often: with 20 delegates typing, one presence message per peer
 * every 40 ms instead of one per keystroke, which halved what the room sends. A caret a few
 * frames late is not noticed; text is never held back.
 */
const PRESENCE_BATCH_MS = 40
/** Retry delay while storage is failing. */
const STORAGE_RETRY_MS = 1_000

interface PendingUpdate {
  update: Uint8Array
  origin: Peer | null
}

/**
 * One live document and the clients editing it.
 *
 * The order that keeps "nothing broadcast that is not stored": an incoming update is applied
 * to the in-memory document, whose `update` event yields exactly what changed (encoded by Yjs
 * itself, never the client's raw bytes); that goes to the outbox; the outbox is committed to
 * storage in one transaction (group commit) and only then broadcast. Sync replies wait for the
 * outbox too, so no client ever receives state the server has not committed.
 */
export class Room {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  readonly peers = new Set<Peer>()
  /** Which peer announced each awareness client id: only it may change or remove it. */
  private readonly presenceOwners = new Map<number, Peer>()
  private outbox: PendingUpdate[] = []
  private flushing: Promise<void> | null = null
  private updatesSinceCompaction: number
  private peersAwaitingAck = new Set<Peer>()
  private ackTimer: NodeJS.Timeout | null = null
  /** Client ids whose presence changed since the last presence message. */
  private readonly presenceChanged = new Set<number>()
  private presenceTimer: NodeJS.Timeout | null = null
  private isStorageFailing = false
  private isClosed = false
  private validator: UpdateValidator | null = null

  private constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    storedUpdateCount: number,
    private readonly validateUpdates: boolean,
  ) {
    this.doc = new Y.Doc()
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // The server has no presence of its own.
    this.awareness.setLocalState(null)
    this.updatesSinceCompaction = storedUpdateCount
    this.doc.on('update', this.handleDocUpdate)
    this.awareness.on('update', this.handleAwarenessUpdate)
  }

  /** Loads a room's document from storage. */
  static async load(
    name: string,
    store: DocumentStore,
    logger: Logger,
    options: { validateUpdates: boolean },
  ): Promise<Room> {
    const stored = await store.load(name)
    const room = new Room(name, store, logger, stored.updates.length, options.validateUpdates)
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
    // One transaction, each part applied as stored: merging them first (Y.mergeUpdates) decodes
    // and re-encodes the whole snapshot, 3-5 times the cost of applying it.
    room.doc.transact(() => {
      for (const part of parts) Y.applyUpdate(room.doc, part, STORAGE_ORIGIN)
    }, STORAGE_ORIGIN)
    return room
  }

  join(peer: Peer): void {
    this.peers.add(peer)
  }

  /** Removes a peer and its presence; returns whether the room is now empty. */
  leave(peer: Peer): boolean {
    this.peers.delete(peer)
    this.peersAwaitingAck.delete(peer)
    if (peer.awarenessIds.size > 0) {
      const ids = [...peer.awarenessIds]
      for (const id of ids) this.presenceOwners.delete(id)
      awarenessProtocol.removeAwarenessStates(this.awareness, ids, null)
    }
    return this.peers.size === 0
  }

  /**
   * Applies a client's update if it is a valid Yjs update and `judge` allows every change it
   * makes (checked on the shadow copy first); otherwise changes nothing.
   */
  receiveUpdate(update: Uint8Array, origin: Peer, judge: ChangeJudge): UpdateOutcome {
    let decoded: ReturnType<typeof Y.decodeUpdate>
    try {
      // Decoding first refuses garbage before it can half-apply to the shadow.
      decoded = Y.decodeUpdate(update)
    } catch {
      return { status: 'invalid' }
    }
    if (needsMissingHistory(decoded, (client) => Y.getState(this.doc.store, client))) {
      return { status: 'setAside' }
    }
    // The shadow is made when the first update comes, not when the room loads: a room that is
    // only read (a new client syncing) never pays for it. Without validation (benchmarks
    // measuring its cost only), updates go straight in.
    if (this.validateUpdates) this.validator ??= new UpdateValidator(this.doc)
    const { refusal, changes } = this.validator?.check(update, judge) ?? {
      refusal: null,
      changes: [],
    }
    if (refusal) {
      switch (refusal.code) {
        case 'invalid_update':
          return { status: 'invalid' }
        case 'incomplete_update':
          return { status: 'setAside' }
        case 'forbidden_change':
        case 'malformed_change':
          return { status: 'refused', refusal }
      }
    }
    Y.applyUpdate(this.doc, update, origin)
    this.peersAwaitingAck.add(origin)
    // An update that only repeats what the room has produces no outbox entry: acknowledge it.
    if (this.outbox.length === 0) this.scheduleStoredAck()
    return { status: 'applied', changes }
  }

  /** Runs the server's own change (records, decisions) as one transaction. */
  transactAsServer<T>(change: () => T): T {
    let result: T | undefined
    this.doc.transact(() => {
      result = change()
    }, SERVER_ORIGIN)
    return result as T
  }

  /** Answers sync step 1 with the committed state the client lacks. */
  async answerSyncStep1(peer: Peer, stateVector: Uint8Array): Promise<void> {
    await this.whenCommitted()
    if (!this.peers.has(peer)) return
    peer.send(syncStep2Message(Y.encodeStateAsUpdate(this.doc, stateVector)))
    this.peersAwaitingAck.add(peer)
    this.scheduleStoredAck()
  }

  /**
   * Applies presence entries, stamped with the sender's identity. Refuses the whole update,
   * returning false, if it changes a client id another user's connection announced; a
   * reconnecting client of the same user takes its id over from its stale connection.
   */
  applyPresence(entries: readonly AwarenessEntry[], origin: Peer, user: PresenceUser): boolean {
    // y-websocket clients echo every presence they receive, others' included: an entry no newer
    // than what the room knows (or knew, for a client that left) is an echo, dropped silently.
    const fresh = entries.filter(
      ({ clientId, clock }) => clock > (this.awareness.meta.get(clientId)?.clock ?? -1),
    )
    for (const { clientId } of fresh) {
      const owner = this.presenceOwners.get(clientId)
      if (owner && owner !== origin && owner.userId !== origin.userId) return false
    }
    if (fresh.length === 0) return true
    for (const { clientId } of fresh) {
      const owner = this.presenceOwners.get(clientId)
      if (owner && owner !== origin) owner.awarenessIds.delete(clientId)
      this.presenceOwners.set(clientId, origin)
    }
    const update = encodeAwarenessUpdate(stampPresence(fresh, user))
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin)
    return true
  }

  awarenessStateMessage(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()]
    if (clients.length === 0) return null
    return awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients))
  }

  /** Resolves once everything applied so far is committed. */
  async whenCommitted(): Promise<void> {
    while (this.flushing) await this.flushing
  }

  /** Commits what is pending and compacts; the room is unusable afterwards. */
  async close(): Promise<void> {
    await this.whenCommitted()
    if (this.updatesSinceCompaction > 0 && !this.isStorageFailing) await this.compact()
    this.isClosed = true
    if (this.ackTimer) clearTimeout(this.ackTimer)
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.awareness.destroy()
    this.validator?.destroy()
    this.doc.destroy()
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === STORAGE_ORIGIN) return
    // A peer's update went through the shadow already; everything else is mirrored into it.
    if (!isPeer(origin, this.peers)) this.validator?.mirror(update)
    this.outbox.push({ update, origin: isPeer(origin, this.peers) ? origin : null })
    this.flushing ??= this.flush()
  }

  private async flush(): Promise<void> {
    try {
      while (this.outbox.length > 0) {
        const batch = this.outbox
        this.outbox = []
        try {
          await this.store.append(
            this.name,
            batch.map((pending) => pending.update),
          )
        } catch (error) {
          // Keep the batch, in order, ahead of what arrived meanwhile, and try again.
          this.outbox = batch.concat(this.outbox)
          await this.handleStorageFailure(error)
          continue
        }
        this.updatesSinceCompaction += batch.length
        if (this.isStorageFailing) this.handleStorageRecovered()
        for (const { update, origin } of batch) this.broadcast(syncUpdateMessage(update), origin)
      }
    } finally {
      this.flushing = null
    }
    this.scheduleStoredAck()
    if (this.updatesSinceCompaction >= COMPACTION_THRESHOLD_UPDATES) this.scheduleCompaction()
  }

  private async handleStorageFailure(error: unknown): Promise<void> {
    if (!this.isStorageFailing) {
      this.isStorageFailing = true
      this.logger.error({ err: error, room: this.name }, 'storage failed; holding updates')
      this.notifyAll({ code: 'not_saving', message: 'The server cannot save right now.' })
    }
    await new Promise((resolve) => setTimeout(resolve, STORAGE_RETRY_MS))
  }

  private handleStorageRecovered(): void {
    this.isStorageFailing = false
    this.logger.info({ room: this.name }, 'storage recovered')
    this.notifyAll({ code: 'saving', message: 'The server is saving again.' })
  }

  private scheduleCompaction(): void {
    setImmediate(() => {
      if (this.isClosed || this.flushing || this.isStorageFailing) return
      this.compact().catch((error: unknown) =>
        this.logger.error({ err: error, room: this.name }, 'compaction failed'),
      )
    })
  }

  // Compaction runs only while nothing is being committed, from the in-memory document, which
  // contains every committed update: the snapshot replaces them without changing the content.
  private async compact(): Promise<void> {
    const state = Y.encodeStateAsUpdate(this.doc)
    const compactedCount = this.updatesSinceCompaction
    this.flushing = this.store.compact(this.name, state)
    try {
      await this.flushing
      this.updatesSinceCompaction -= compactedCount
    } finally {
      this.flushing = null
      // Updates that arrived during the compaction wait in the outbox, whether it failed or not.
      if (this.outbox.length > 0) this.flushing = this.flush()
    }
  }

  // The snapshot of the whole document costs a pass over it, so it is sent at most every
  // STORED_ACK_INTERVAL_MS, and only to the peers that sent something since the last one.
  private scheduleStoredAck(): void {
    if (this.ackTimer || this.isClosed) return
    this.ackTimer = setTimeout(() => {
      this.ackTimer = null
      if (this.isClosed) return
      if (this.flushing || this.outbox.length > 0 || this.isStorageFailing) {
        if (!this.isStorageFailing) this.scheduleStoredAck()
        return
      }
      const recipients = [...this.peersAwaitingAck].filter((peer) => peer.isDraftroomClient)
      this.peersAwaitingAck.clear()
      if (recipients.length === 0) return
      const message = storedMessage(Y.encodeSnapshot(Y.snapshot(this.doc)))
      for (const peer of recipients) peer.send(message)
    }, STORED_ACK_INTERVAL_MS)
  }

  private readonly handleAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed]
    if (isPeer(origin, this.peers)) {
      for (const id of [...changes.added, ...changes.updated]) origin.awarenessIds.add(id)
      for (const id of changes.removed) {
        origin.awarenessIds.delete(id)
        this.presenceOwners.delete(id)
      }
    }
    for (const id of changed) this.presenceChanged.add(id)
    this.presenceTimer ??= setTimeout(this.broadcastPresence, PRESENCE_BATCH_MS)
  }

  private readonly broadcastPresence = () => {
    this.presenceTimer = null
    if (this.isClosed || this.presenceChanged.size === 0) return
    // Each client's latest state, or its removal: the awareness keeps a departed client's clock.
    const ids = [...this.presenceChanged].filter((id) => this.awareness.meta.has(id))
    this.presenceChanged.clear()
    if (ids.length === 0) return
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)
    this.broadcast(awarenessMessage(update), null)
  }

  private notifyAll(notice: { code: string; message: string }): void {
    const message = noticeMessage(notice)
    for (const peer of this.peers) if (peer.isDraftroomClient) peer.send(message)
  }

  private broadcast(message: Uint8Array, except: Peer | null): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message)
  }
}

const isPeer = (origin: unknown, peers: Set<Peer>): origin is Peer =>
  typeof origin === 'object' && origin !== null && peers.has(origin as Peer)
