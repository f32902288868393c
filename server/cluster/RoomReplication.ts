import type { Logger } from '../logger.ts'
import type { Room } from '../collab/Room.ts'
import type { RelayedOutcome, RelayedWriter, RoomLink } from '../collab/RoomLink.ts'
import type { DocumentStore } from '../storage/DocumentStore.ts'
import type { ClusterBus } from './ClusterBus.ts'
import { FencedDocumentStore } from './FencedDocumentStore.ts'
import type { ClusterStore, LeaseState, NumberedDocument } from './ClusterStore.ts'
import { fromBase64, toBase64 } from './wire.ts'

/** A lease lasts this long unless renewed; it is renewed (or claimed) every LEASE_TICK_MS. */
export const LEASE_TTL_MS = 3_000
const LEASE_TICK_MS = 1_000

/** What one process needs to relay to another and wait for its answer. */
export interface RelayChannel {
  request(owner: string, message: Record<string, unknown>): Promise<Record<string, unknown> | null>
}

/**
 * One room's tie to the other processes. The document has one owner process, named by a lease
 * row in PostgreSQL: the owner judges and commits every update (so the rules always see the
 * real concurrent state), numbered, before anyone broadcasts it, then publishes it on Redis.
 * Any other process holding the room keeps a replica fed by those numbers: a gap (a message
 * lost, Redis restarted, a slow subscriber) or the once-a-second lease check showing a higher
 * number makes it read what it missed from PostgreSQL. It relays its clients' updates and its
 * server changes to the owner and hears back what became of each. When the owner's lease
 * expires (the process died or stalled) another takes the document over from storage.
 */
export class RoomReplication implements RoomLink {
  room!: Room
  private lease: LeaseState
  private lastSeq = 0
  private readonly fenced: FencedDocumentStore
  private serial: Promise<void> = Promise.resolve()
  private readonly timer: NodeJS.Timeout
  private isClosed = false

  private constructor(
    readonly name: string,
    private readonly deps: {
      bus: ClusterBus
      store: ClusterStore
      relay: RelayChannel
      logger: Logger
    },
    lease: LeaseState,
  ) {
    this.lease = lease
    this.fenced = new FencedDocumentStore(name, deps.store, {
      lease: () => ({ owner: deps.bus.processId, epoch: this.lease.epoch }),
      coveredSeq: () => this.lastSeq,
      onCommitted: (updates, lastSeq) => this.publishCommitted(updates, lastSeq),
    })
    this.timer = setInterval(() => void this.enqueue(() => this.checkLease()), LEASE_TICK_MS)
    this.timer.unref()
  }

  /** Claims or learns the lease, loads the document and makes its room. */
  static async open(
    name: string,
    deps: RoomReplication['deps'],
    makeRoom: (stored: NumberedDocument, store: DocumentStore, link: RoomLink) => Room,
  ): Promise<RoomReplication> {
    const lease = await deps.store.claimLease(name, deps.bus.processId, LEASE_TTL_MS)
    const replication = new RoomReplication(name, deps, lease)
    try {
      await deps.bus.subscribe(deps.bus.channel('doc', name), (message) =>
        replication.handlePublished(message),
      )
      await deps.bus.subscribe(deps.bus.channel('presence', name), (message) =>
        replication.handlePresence(message),
      )
      const stored = await deps.store.load(name)
      replication.lastSeq = stored.lastSeq
      replication.room = makeRoom(stored, replication.fenced, replication)
    } catch (error) {
      await replication.close()
      throw error
    }
    deps.logger.debug({ room: name, owner: replication.isOwner }, 'room replication started')
    return replication
  }

  get isOwner(): boolean {
    return this.lease.owner === this.deps.bus.processId
  }

  get committedSeq(): number {
    return this.lastSeq
  }

  async relayUpdate(update: Uint8Array, writer: RelayedWriter): Promise<RelayedOutcome> {
    const reply = await this.deps.relay.request(this.lease.owner, {
      kind: 'write',
      room: this.name,
      update: toBase64(update),
      writer,
    })
    const outcome = (reply?.outcome ?? { status: 'unavailable' }) as RelayedOutcome
    if (outcome.status === 'applied') await this.whenSeen(outcome.seq)
    return outcome
  }

  async relayServerChange(update: Uint8Array): Promise<void> {
    const reply = await this.deps.relay.request(this.lease.owner, {
      kind: 'server',
      room: this.name,
      update: toBase64(update),
    })
    const outcome = reply?.outcome as RelayedOutcome | undefined
    if (outcome?.status !== 'applied') {
      // The change is in this replica only: start again from what is committed.
      void this.enqueue(() => this.reload())
      throw new Error(`the owner of ${this.name} did not commit the change`)
    }
    await this.whenSeen(outcome.seq)
  }

  async whenCurrent(): Promise<void> {
    await this.whenSeen(await this.deps.store.lastSeqOf(this.name))
  }

  async whenSeen(seq: number): Promise<void> {
    if (this.lastSeq >= seq) return
    await this.enqueue(() => this.catchUp(seq))
  }

  publishPresence(update: Uint8Array): void {
    this.deps.bus.publish(this.deps.bus.channel('presence', this.name), {
      from: this.deps.bus.processId,
      update: toBase64(update),
    })
  }

  /** Stops; the owner lets its lease go once the room has committed and compacted. */
  async close(): Promise<void> {
    if (this.isClosed) return
    this.isClosed = true
    clearInterval(this.timer)
    await this.serial
    const { bus, store } = this.deps
    await bus.unsubscribe(bus.channel('doc', this.name)).catch(() => undefined)
    await bus.unsubscribe(bus.channel('presence', this.name)).catch(() => undefined)
    if (this.isOwner) await store.releaseLease(this.name, bus.processId, this.lease.epoch)
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.serial.then(() => (this.isClosed ? undefined : step()))
    this.serial = run.catch((error: unknown) =>
      this.deps.logger.warn({ err: error, room: this.name }, 'replication step failed'),
    )
    return run
  }

  private async checkLease(): Promise<void> {
    const wasOwner = this.isOwner
    const previous = this.lease
    this.lease = await this.deps.store.claimLease(this.name, this.deps.bus.processId, LEASE_TTL_MS)
    if (this.isOwner !== wasOwner || (this.isOwner && this.lease.epoch !== previous.epoch)) {
      this.deps.logger.info(
        { room: this.name, owner: this.isOwner, epoch: this.lease.epoch },
        this.isOwner ? 'took the document over' : 'lost the document to another process',
      )
      await this.reload()
      return
    }
    if (this.lease.owner !== previous.owner) {
      // Updates relayed to the old owner may be lost: the clients send again what is missing.
      this.room.requestSync()
    }
    if (!this.isOwner && this.lease.lastSeq > this.lastSeq) await this.catchUp(this.lease.lastSeq)
  }

  private async reload(): Promise<void> {
    const stored = await this.deps.store.load(this.name)
    this.lastSeq = stored.lastSeq
    this.room.reload(stored, this.fenced)
  }

  private handlePublished(message: Record<string, unknown>): void {
    if (this.isOwner || typeof message.seq !== 'number' || typeof message.update !== 'string') {
      return
    }
    const seq = message.seq
    const update = fromBase64(message.update)
    void this.enqueue(async () => {
      if (this.isOwner || seq <= this.lastSeq) return
      if (seq === this.lastSeq + 1) {
        this.room.applyReplicated(update)
        this.lastSeq = seq
        return
      }
      await this.catchUp(seq)
    })
  }

  private handlePresence(message: Record<string, unknown>): void {
    if (message.from === this.deps.bus.processId || typeof message.update !== 'string') return
    this.room.applyRemotePresence(fromBase64(message.update))
  }

  /** Reads from PostgreSQL what was committed after `lastSeq`, up to at least `target`. */
  private async catchUp(target: number): Promise<void> {
    if (this.isOwner || this.lastSeq >= target) return
    const rows = await this.deps.store.updatesAfter(this.name, this.lastSeq)
    if (rows[0]?.seq === this.lastSeq + 1) {
      for (const row of rows) {
        if (row.seq !== this.lastSeq + 1) break
        this.room.applyReplicated(row.data)
        this.lastSeq = row.seq
      }
    }
    if (this.lastSeq >= target) return
    // Compacted meanwhile: the snapshot and what follows contain what is missing.
    const stored = await this.deps.store.load(this.name)
    for (const part of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
      this.room.applyReplicated(part)
    }
    this.lastSeq = stored.lastSeq
  }

  private publishCommitted(updates: readonly Uint8Array[], lastSeq: number): void {
    this.lastSeq = lastSeq
    const first = lastSeq - updates.length + 1
    const channel = this.deps.bus.channel('doc', this.name)
    updates.forEach((update, i) =>
      this.deps.bus.publish(channel, { seq: first + i, update: toBase64(update) }),
    )
  }
}
