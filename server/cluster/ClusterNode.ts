import type { Kysely } from 'kysely'
import { DRAFT_ROOM_PATTERN } from '../../shared/collabProtocol.ts'
import type { Logger } from '../logger.ts'
import { Room } from '../collab/Room.ts'
import type { RoomSource } from '../collab/RoomRegistry.ts'
import type { RelayedOutcome, RelayedWriter } from '../collab/RoomLink.ts'
import type { Database } from '../storage/schema.ts'
import type { ClusterBus } from './ClusterBus.ts'
import { ClusterStore } from './ClusterStore.ts'
import { applyRelayedServerChange, applyRelayedWrite } from './relayedWrites.ts'
import { RoomReplication } from './RoomReplication.ts'
import { fromBase64 } from './wire.ts'

/** How long a relayed update waits for the owner's answer before it counts as unanswered. */
const RELAY_TIMEOUT_MS = 4_000
/** How often the frozen state of loaded drafts is read again (the signal's safety net). */
const SILENCE_POLL_MS = 2_000

/** What the cluster asks of the silence service. */
export interface SilenceLink {
  isFrozen(negotiationId: string): boolean
  /** Reads a negotiation's procedures again: frozen state and deadline timers. */
  refresh(negotiationId: string): Promise<void>
}

/**
 * This process in a cluster: opens rooms through their replication (RoomReplication), answers
 * the updates other processes relay to the rooms it owns, and passes silence procedures on.
 */
export class ClusterNode implements RoomSource {
  private readonly store: ClusterStore
  private readonly rooms = new Map<string, RoomReplication>()
  private readonly waiting = new Map<number, (reply: Record<string, unknown> | null) => void>()
  private nextRequest = 1
  private silence: SilenceLink | null = null
  private readonly silencePoll: NodeJS.Timeout

  constructor(
    db: Kysely<Database>,
    readonly bus: ClusterBus,
    private readonly logger: Logger,
    private readonly options: { validateUpdates: boolean; now: () => Date },
  ) {
    this.store = new ClusterStore(db)
    this.silencePoll = setInterval(() => this.pollSilence(), SILENCE_POLL_MS)
    this.silencePoll.unref()
  }

  /** Subscribes to this process's channel and to silence signals. */
  async start(silence: SilenceLink): Promise<void> {
    this.silence = silence
    await this.bus.subscribe(this.bus.channel('process', this.bus.processId), (message) =>
      this.handleMessage(message),
    )
    await this.bus.subscribe(this.bus.channel('silence'), (message) => {
      if (typeof message.negotiationId === 'string') this.refreshSilence(message.negotiationId)
    })
  }

  /** Tells every process that a negotiation's silence procedures changed. */
  signalSilence(negotiationId: string): void {
    this.bus.publish(this.bus.channel('silence'), { negotiationId })
  }

  async open(name: string): Promise<Room> {
    const replication = await RoomReplication.open(
      name,
      { bus: this.bus, store: this.store, relay: this, logger: this.logger },
      (stored, store, link) =>
        Room.fromStored(name, stored, store, this.logger, {
          validateUpdates: this.options.validateUpdates,
          link,
        }),
    )
    this.rooms.set(name, replication)
    return replication.room
  }

  async roomClosed(room: Room): Promise<void> {
    const replication = this.rooms.get(room.name)
    if (replication?.room !== room) return
    this.rooms.delete(room.name)
    await replication.close()
  }

  /** Sends `message` to process `owner` and waits for its answer (null: none in time). */
  request(
    owner: string,
    message: Record<string, unknown>,
  ): Promise<Record<string, unknown> | null> {
    const id = this.nextRequest++
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        resolve(null)
      }, RELAY_TIMEOUT_MS)
      this.waiting.set(id, (reply) => {
        clearTimeout(timer)
        this.waiting.delete(id)
        resolve(reply)
      })
      this.bus.publish(this.bus.channel('process', owner), {
        ...message,
        from: this.bus.processId,
        id,
      })
    })
  }

  async close(): Promise<void> {
    clearInterval(this.silencePoll)
    for (const resolve of this.waiting.values()) resolve(null)
    await Promise.all([...this.rooms.values()].map((room) => room.close()))
    this.rooms.clear()
  }

  private handleMessage(message: Record<string, unknown>): void {
    if (message.kind === 'reply') {
      if (typeof message.id === 'number') this.waiting.get(message.id)?.(message)
      return
    }
    if (typeof message.from !== 'string' || typeof message.room !== 'string') return
    const from = message.from
    void this.answer(message)
      .catch((error: unknown): RelayedOutcome => {
        this.logger.error({ err: error, room: message.room }, 'relayed change failed')
        return { status: 'unavailable' }
      })
      .then((outcome) =>
        this.bus.publish(this.bus.channel('process', from), {
          kind: 'reply',
          id: message.id,
          outcome,
        }),
      )
  }

  /** The owner's side of a relayed update or server change. */
  private async answer(message: Record<string, unknown>): Promise<RelayedOutcome> {
    const replication = this.rooms.get(message.room as string)
    if (!replication?.isOwner || typeof message.update !== 'string') {
      return { status: 'unavailable' }
    }
    const room = replication.room
    const update = fromBase64(message.update)
    if (message.kind === 'server') {
      applyRelayedServerChange(room, update)
    } else {
      const negotiationId = room.name.match(DRAFT_ROOM_PATTERN)?.[1] ?? ''
      const outcome = applyRelayedWrite(room, update, message.writer as RelayedWriter, {
        isFrozen: this.silence?.isFrozen(negotiationId) ?? false,
        now: this.options.now(),
      })
      if (outcome) return outcome
    }
    await room.whenCommitted()
    if (!replication.isOwner) return { status: 'unavailable' }
    return { status: 'applied', seq: replication.committedSeq }
  }

  private refreshSilence(negotiationId: string): void {
    this.silence
      ?.refresh(negotiationId)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, negotiationId }, 'silence refresh failed'),
      )
  }

  private pollSilence(): void {
    for (const name of this.rooms.keys()) {
      const negotiationId = name.match(DRAFT_ROOM_PATTERN)?.[1]
      if (negotiationId) this.refreshSilence(negotiationId)
    }
  }
}
