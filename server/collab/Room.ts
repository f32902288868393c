import { randomInt } from 'node:crypto'
import * as Y from 'yjs'
import type { Logger } from '../logger.ts'
import type { DocumentStore, StoredDocument } from '../storage/DocumentStore.ts'
import type { PresenceUser } from '../../shared/presence.ts'
import { ClientOwners } from './ClientOwners.ts'
import { DraftPersistence } from './DraftPersistence.ts'
import { LiveDraft, SERVER_ORIGIN, type ChangeJudge, type UpdateOutcome } from './LiveDraft.ts'
import {
  noticeMessage,
  storedMessage,
  syncStep1Message,
  syncStep2Message,
  syncUpdateMessage,
} from './messages.ts'
import type { Peer } from './Peer.ts'
import { PresenceRelay, type PresenceRefusal } from './PresenceRelay.ts'
import type { AwarenessEntry } from './presence.ts'
import type { RoomLink } from './RoomLink.ts'
import { StoredAcks } from './StoredAcks.ts'

export { SERVER_ORIGIN, type UpdateOutcome }

/** Origin of updates built from an uploaded file (not a connected peer's). */
const IMPORT_ORIGIN = Symbol('import')

/** Origin of the updates another process committed (several processes): not stored again. */
const REPLICATED_ORIGIN = Symbol('replicated')

/**
 * One live document and the clients editing it: the collaboration path in one straight line.
 * A client's update goes to the live draft, which judges it in place (`LiveDraft`); what it
 * accepted goes to storage (`DraftPersistence`), and only once committed to the other clients;
 * the writer hears that it is saved (`StoredAcks`). Presence travels apart (`PresenceRelay`).
 * Client ids are owned per document (`ClientOwners`), by writers and presences alike.
 */
export class Room {
  readonly peers = new Set<Peer>()
  private owners!: ClientOwners
  private draft!: LiveDraft
  private persistence!: DraftPersistence<Peer | null>
  private readonly acks: StoredAcks
  private readonly presence: PresenceRelay
  /** Server changes made here and relayed to the owner, not yet committed by it. */
  private readonly relaying = new Set<Promise<void>>()
  private link: RoomLink | null = null

  private constructor(
    readonly name: string,
    stored: StoredDocument,
    store: DocumentStore,
    private readonly logger: Logger,
    private readonly isValidating: boolean,
  ) {
    this.install(stored, store, true)
    this.acks = new StoredAcks({
      commitState: () =>
        this.persistence.isStorageFailing
          ? 'failing'
          : this.persistence.isCommitted && this.relaying.size === 0
            ? 'committed'
            : 'pending',
      storedMessage: () => storedMessage(Y.encodeSnapshot(Y.snapshot(this.draft.doc))),
    })
    this.presence = new PresenceRelay({
      owners: this.owners,
      broadcast: (message, except) => this.broadcast(message, except),
      onLocalChange: (update) => this.link?.publishPresence(update),
    })
  }

  /** A room on a stored document; `link` ties it to the other processes (server/cluster). */
  static fromStored(
    name: string,
    stored: StoredDocument,
    store: DocumentStore,
    logger: Logger,
    options: { validateUpdates: boolean; link: RoomLink },
  ): Room {
    const room = new Room(name, stored, store, logger, options.validateUpdates)
    room.link = options.link
    if (!options.link.isOwner) room.persistence.forgetStoredCount()
    return room
  }

  /**
   * Several processes: starts again from `stored`, as the document's owner or not, when this
   * process takes the document over or loses it. What was accepted and not committed is
   * dropped (it was never acknowledged); the clients are sent what they lack and asked to
   * sync, and send it again.
   */
  reload(stored: StoredDocument, store: DocumentStore): void {
    this.persistence.abandon()
    this.draft.destroy()
    this.install(stored, store, this.link?.isOwner ?? true)
    this.presence.useOwners(this.owners)
    // The clients lack what other processes committed while this one did not hear them (it was
    // stopped), and what the old document held but never sent (accepted, then not committed):
    // neither is known by state vector, so they get the whole document, which they merge. The
    // stock client asks for the server's state only when it connects; without this, what is
    // broadcast later waits in its pending structs forever. Reloads are rare (a takeover).
    this.broadcast(syncUpdateMessage(Y.encodeStateAsUpdate(this.draft.doc)), null)
    this.requestSync()
  }

  /** Asks every client for what it has and the room lacks (server sync step 1). */
  requestSync(peers: Iterable<Peer> = this.peers): void {
    const message = syncStep1Message(this.draft.doc)
    for (const peer of peers) peer.send(message)
  }

  private install(stored: StoredDocument, store: DocumentStore, isOwner: boolean): void {
    this.owners = new ClientOwners(stored.claims)
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
    this.draft = LiveDraft.load(parts, {
      isJudging: this.isValidating,
      onAccepted: (update, origin) => this.handleAccepted(update, origin),
    })
    const persistence = new DraftPersistence<Peer | null>(
      this.name,
      store,
      this.logger,
      isOwner ? stored.updates.length : 0,
      {
        owners: this.owners,
        state: () => Y.encodeStateAsUpdate(this.draft.doc),
        onCommitted: (update, origin) => this.broadcast(syncUpdateMessage(update), origin),
        onIdle: () => this.acks.schedule(),
        notifyAll: (notice) => this.notifyAll(notice),
      },
    )
    this.persistence = persistence
  }

  private handleAccepted(update: Uint8Array, origin: unknown): void {
    if (origin === REPLICATED_ORIGIN) {
      // Committed by the owner already: only this process's clients still need it.
      this.broadcast(syncUpdateMessage(update), null)
      this.acks.schedule()
      return
    }
    if (this.link && !this.link.isOwner) {
      this.relayServerChange(this.link, update)
      return
    }
    this.persistence.enqueue(update, this.isPeer(origin) ? origin : null)
  }

  private relayServerChange(link: RoomLink, update: Uint8Array): void {
    const relayed = link.relayServerChange(update).then(
      () => this.broadcast(syncUpdateMessage(update), null),
      (error: unknown) => {
        this.logger.error({ err: error, room: this.name }, 'relaying a server change failed')
        throw error
      },
    )
    this.relaying.add(relayed)
    relayed
      .catch(() => undefined)
      .finally(() => {
        this.relaying.delete(relayed)
        this.acks.schedule()
      })
  }

  /** Several processes: client ids of a server change relayed by another process. */
  claimServerClients(clientIds: Iterable<number>): void {
    for (const clientId of clientIds) this.owners.claim(clientId, 'server')
  }

  /** Applies an update the owner committed (several processes). */
  applyReplicated(update: Uint8Array): void {
    Y.applyUpdate(this.draft.doc, update, REPLICATED_ORIGIN)
  }

  /** Applies presence changed on another process. */
  applyRemotePresence(update: Uint8Array): void {
    this.presence.applyRemote(update)
  }

  /** Whether clients' updates go to another process (several processes, not the owner). */
  get isRelaying(): boolean {
    return this.link !== null && !this.link.isOwner
  }

  /** The tie to the other processes, when there are (see `isRelaying`). */
  get remote(): RoomLink | null {
    return this.link
  }

  /** Resolves once the room holds everything committed so far, on any process. */
  async whenCurrent(): Promise<void> {
    if (this.link && !this.link.isOwner) await this.link.whenCurrent()
  }

  /** `peer` sent something the owner committed: it will hear it is saved (see StoredAcks). */
  expectAck(peer: Peer): void {
    this.acks.expect(peer)
  }

  /** Loads a room's document from storage. */
  static async load(
    name: string,
    store: DocumentStore,
    logger: Logger,
    options: { validateUpdates: boolean },
  ): Promise<Room> {
    return new Room(name, await store.load(name), store, logger, options.validateUpdates)
  }

  /** The live document (a refused update may replace it: read it anew each time). */
  get doc(): Y.Doc {
    return this.draft.doc
  }

  get awareness(): PresenceRelay['awareness'] {
    return this.presence.awareness
  }

  join(peer: Peer): void {
    this.peers.add(peer)
  }

  /** Removes a peer and its presence; returns whether the room is now empty. */
  leave(peer: Peer): boolean {
    this.peers.delete(peer)
    this.acks.forget(peer)
    this.presence.remove(peer)
    return this.peers.size === 0
  }

  /**
   * Applies a client's update if it is a valid Yjs update under the writer's own client ids
   * and `judge` allows every change it makes; otherwise changes nothing.
   */
  receiveUpdate(
    update: Uint8Array,
    origin: Peer,
    props: { judge: ChangeJudge; chargeItems: (count: number) => boolean },
  ): UpdateOutcome {
    const outcome = this.draft.receive(update, {
      ...props,
      origin,
      writer: origin.userId,
      owners: this.owners,
    })
    if (outcome.status === 'applied') this.acks.expect(origin)
    return outcome
  }

  /**
   * Applies an update the server built for a user from a file they uploaded (a delegation's
   * Word amendments), judged exactly as that user's live edits are: the same preflight, the same
   * judge, under the user's own client ids. Stored, then broadcast to every client.
   */
  receiveImported(
    update: Uint8Array,
    props: { writer: number; judge: ChangeJudge },
  ): UpdateOutcome {
    return this.draft.receive(update, {
      judge: props.judge,
      // An import is bounded by its file's size, not by the live budget of a connection.
      chargeItems: () => true,
      origin: IMPORT_ORIGIN,
      writer: props.writer,
      owners: this.owners,
    })
  }

  /** Runs the server's own change (records, decisions) as one transaction. */
  transactAsServer<T>(change: () => T): T {
    // A client that claimed the server's id first (it is random, but shown once the server
    // writes) only makes the server write under another.
    while (!this.owners.claim(this.draft.doc.clientID, 'server')) {
      this.draft.doc.clientID = randomInt(2 ** 31)
    }
    return this.draft.transactAsServer(change)
  }

  /** Answers sync step 1 with the committed state the client lacks. */
  async answerSyncStep1(peer: Peer, stateVector: Uint8Array): Promise<void> {
    await this.persistence.whenCommitted()
    if (!this.peers.has(peer)) return
    peer.send(syncStep2Message(Y.encodeStateAsUpdate(this.draft.doc, stateVector)))
    this.acks.expect(peer)
  }

  /** Applies presence entries, stamped with the sender's identity (see PresenceRelay). */
  applyPresence(
    entries: readonly AwarenessEntry[],
    origin: Peer,
    user: PresenceUser,
  ): PresenceRefusal | null {
    return this.presence.apply(entries, origin, user)
  }

  awarenessStateMessage(): Uint8Array | null {
    return this.presence.stateMessage()
  }

  /** Resolves once everything applied so far is committed (rejects if the owner refused it). */
  async whenCommitted(): Promise<void> {
    await this.persistence.whenCommitted()
    while (this.relaying.size > 0) await Promise.all(this.relaying)
  }

  /** How many refused updates were undone by rebuilding the document, since the room loaded. */
  get restoredCount(): number {
    return this.draft.restoredCount
  }

  /** Commits what is pending and compacts; the room is unusable afterwards. */
  async close(): Promise<void> {
    // A replica (several processes, not the owner) has nothing of its own to commit: its
    // clients' updates went to the owner, and the client ids it saw claimed are the owner's to
    // store. Its commit would fail the lease check, and with it the process's clean shutdown.
    if (this.link && !this.link.isOwner) this.persistence.abandon()
    else await this.persistence.close()
    this.acks.close()
    this.presence.close()
    this.draft.destroy()
  }

  private notifyAll(notice: { code: string; message: string }): void {
    const message = noticeMessage(notice)
    for (const peer of this.peers) if (peer.isDraftroomClient) peer.send(message)
  }

  private broadcast(message: Uint8Array, except: Peer | null): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message)
  }

  private isPeer(origin: unknown): origin is Peer {
    return typeof origin === 'object' && origin !== null && this.peers.has(origin as Peer)
  }
}
