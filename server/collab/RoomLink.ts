import type { Role } from '../../shared/permissions.ts'

/** Who sent an update that a process relays to the document's owner. */
export interface RelayedWriter {
  userId: number
  displayName: string
  delegation: string | null
  role: Role | null
}

/** What the owner made of a relayed update (`unavailable`: no owner answered). */
export type RelayedOutcome =
  | { status: 'applied'; seq: number }
  | { status: 'refused'; code: string; message: string }
  | { status: 'invalid'; message: string }
  | { status: 'setAside' }
  | { status: 'unavailable' }

/**
 * A room's tie to the other processes (several processes: server/cluster). Unset on one
 * process, where the room owns its document alone. When the process is not the document's
 * owner, clients' updates and the server's own changes are relayed to the owner, and the room
 * learns what the owner committed in the order of its numbers.
 */
export interface RoomLink {
  /** Whether this process commits the document's updates (holds its lease). */
  readonly isOwner: boolean
  relayUpdate(update: Uint8Array, writer: RelayedWriter): Promise<RelayedOutcome>
  /** Relays a server change made here; resolves once the owner has committed it. */
  relayServerChange(update: Uint8Array): Promise<void>
  /** Resolves once the room holds everything committed when it was called. */
  whenCurrent(): Promise<void>
  /** Resolves once the room holds the update numbered `seq`. */
  whenSeen(seq: number): Promise<void>
  /** Tells the other processes' rooms about presence changed here. */
  publishPresence(update: Uint8Array): void
}
