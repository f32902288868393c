import type { Logger } from '../logger.ts'
import type { DocumentStore } from '../storage/DocumentStore.ts'
import { Room } from './Room.ts'

/** Where rooms come from when several processes share documents (server/cluster). */
export interface RoomSource {
  open(name: string): Promise<Room>
  /** Called once a room has closed (committed and compacted). */
  roomClosed(room: Room): Promise<void>
}

/**
 * The rooms in memory. A room is loaded from storage when its first client arrives and
 * unloaded (committed and compacted) a short while after its last client has gone; a client
 * arriving while it unloads waits for the unload and gets a freshly loaded room.
 */
export class RoomRegistry {
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly unloading = new Map<string, Promise<void>>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    private readonly idleMs: number,
    private readonly validateUpdates = true,
    private readonly source: RoomSource | null = null,
  ) {}

  /** The loaded room, or a promise of it. */
  async open(name: string): Promise<Room> {
    this.cancelIdle(name)
    const pendingUnload = this.unloading.get(name)
    if (pendingUnload) await pendingUnload
    let room = this.loading.get(name)
    if (!room) {
      room = this.source
        ? this.source.open(name)
        : Room.load(name, this.store, this.logger, { validateUpdates: this.validateUpdates })
      this.loading.set(name, room)
      room.then(
        () => this.logger.debug({ room: name }, 'room loaded'),
        () => this.loading.delete(name),
      )
    }
    return room
  }

  /** The room if it is in memory, without loading it. */
  async peek(name: string): Promise<Room | undefined> {
    return this.loading.get(name)
  }

  /** Called when a room's last client has gone. */
  scheduleUnload(room: Room): void {
    this.cancelIdle(room.name)
    this.idleTimers.set(
      room.name,
      setTimeout(() => this.unload(room), this.idleMs),
    )
  }

  get loadedCount(): number {
    return this.loading.size
  }

  /** Commits and closes every room (clean shutdown). */
  async closeAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer)
    this.idleTimers.clear()
    const rooms = await Promise.allSettled([...this.loading.values()])
    this.loading.clear()
    await Promise.all(
      rooms.flatMap((result) =>
        result.status === 'fulfilled' ? [this.closeRoom(result.value)] : [],
      ),
    )
    await Promise.all([...this.unloading.values()])
  }

  private unload(room: Room): void {
    this.idleTimers.delete(room.name)
    if (room.peers.size > 0) return
    this.loading.delete(room.name)
    const done = this.closeRoom(room)
      .then(() => this.logger.debug({ room: room.name }, 'room unloaded'))
      .catch((error: unknown) =>
        this.logger.error({ err: error, room: room.name }, 'room unload failed'),
      )
      .finally(() => this.unloading.delete(room.name))
    this.unloading.set(room.name, done)
  }

  private async closeRoom(room: Room): Promise<void> {
    try {
      await room.close()
    } finally {
      await this.source?.roomClosed(room)
    }
  }

  private cancelIdle(name: string): void {
    const timer = this.idleTimers.get(name)
    if (timer) clearTimeout(timer)
    this.idleTimers.delete(name)
  }
}
