import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { MAX_PRESENCES_PER_CONNECTION } from '../../shared/limits.ts'
import type { PresenceUser } from '../../shared/presence.ts'
import type { ClientOwners } from './ClientOwners.ts'
import { awarenessMessage } from './messages.ts'
import type { Peer } from './Peer.ts'
import { encodeAwarenessUpdate, stampPresence, type AwarenessEntry } from './presence.ts'

/**
 * Presence changes (carets moving at every keystroke, arrivals, departures) are sent to the
 * room together, at most this often: with 20 delegates typing, one presence message per peer
 * every 40 ms instead of one per keystroke, which halved what the room sends. A caret a few
 * frames late is not noticed; text is never held back.
 */
const PRESENCE_BATCH_MS = 40

/** Why a presence update was refused. */
export type PresenceRefusal = 'forged' | 'tooMany'

/** Origin of presence changed on another process (several processes). */
const REMOTE_ORIGIN = Symbol('remote presence')

/**
 * Who is in a room and where their caret is (y-protocols awareness), relayed in batches. The
 * server stamps each entry with the signed-in user's identity, and an awareness client id is
 * the Yjs client id of the announcing editor: announcing one claims it for the user in the
 * document (`ClientOwners`), so that nobody else may show a presence, or write, under it.
 */
export class PresenceRelay {
  // The awareness has a document of its own: the live draft's may be rebuilt after a refusal.
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc())
  /** Which peer announced each awareness client id: only it may change or remove it. */
  private readonly announcedBy = new Map<number, Peer>()
  /** Client ids whose presence changed since the last presence message. */
  private readonly changed = new Set<number>()
  private timer: NodeJS.Timeout | null = null
  private isClosed = false

  constructor(
    private readonly room: {
      owners: ClientOwners
      broadcast: (message: Uint8Array, except: Peer | null) => void
      /** Presence changed by this process's clients, for the other processes. */
      onLocalChange?: (update: Uint8Array) => void
    },
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.handleUpdate)
  }

  /**
   * Applies presence entries, stamped with the sender's identity. Refuses the whole update if
   * it changes a client id another user announced or wrote under, or if the connection would
   * hold more than MAX_PRESENCES_PER_CONNECTION presences; a reconnecting client of the same
   * user takes its id over from its stale connection.
   */
  apply(
    entries: readonly AwarenessEntry[],
    origin: Peer,
    user: PresenceUser,
  ): PresenceRefusal | null {
    // y-websocket clients echo every presence they receive, others' included: an entry no newer
    // than what the room knows (or knew, for a client that left) is an echo, dropped silently.
    const fresh = entries.filter(
      ({ clientId, clock }) => clock > (this.awareness.meta.get(clientId)?.clock ?? -1),
    )
    if (fresh.length === 0) return null
    const added = new Set<number>()
    for (const { clientId } of fresh) {
      const announcer = this.announcedBy.get(clientId)
      if (announcer && announcer !== origin && announcer.userId !== origin.userId) return 'forged'
      const owner = this.room.owners.ownerOf(clientId)
      if (owner !== undefined && owner !== origin.userId) return 'forged'
      if (!origin.awarenessIds.has(clientId)) added.add(clientId)
    }
    if (origin.awarenessIds.size + added.size > MAX_PRESENCES_PER_CONNECTION) return 'tooMany'
    for (const { clientId } of fresh) {
      const announcer = this.announcedBy.get(clientId)
      if (announcer && announcer !== origin) announcer.awarenessIds.delete(clientId)
      this.announcedBy.set(clientId, origin)
      this.room.owners.claim(clientId, origin.userId)
    }
    const update = encodeAwarenessUpdate(stampPresence(fresh, user))
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin)
    return null
  }

  /** The room's client-id owners were loaded anew (several processes: a takeover). */
  useOwners(owners: ClientOwners): void {
    this.room.owners = owners
  }

  /**
   * Presence another process's clients changed (it stamped and checked them). Applied as
   * they come: an older clock than the one known is ignored by the awareness itself.
   */
  applyRemote(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
  }

  /** Removes a departed peer's presences. */
  remove(peer: Peer): void {
    if (peer.awarenessIds.size === 0) return
    const ids = [...peer.awarenessIds]
    for (const id of ids) this.announcedBy.delete(id)
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, null)
  }

  /** Every presence of the room, for a peer that arrives or asks. */
  stateMessage(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()]
    if (clients.length === 0) return null
    return awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients))
  }

  close(): void {
    this.isClosed = true
    if (this.timer) clearTimeout(this.timer)
    this.awareness.destroy()
  }

  private readonly handleUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const peer = origin as Partial<Peer> | null
    if (peer?.awarenessIds) {
      for (const id of [...changes.added, ...changes.updated]) peer.awarenessIds.add(id)
      for (const id of changes.removed) {
        peer.awarenessIds.delete(id)
        this.announcedBy.delete(id)
      }
    }
    const ids = [...changes.added, ...changes.updated, ...changes.removed]
    for (const id of ids) this.changed.add(id)
    if (this.room.onLocalChange && origin !== REMOTE_ORIGIN && ids.length > 0) {
      this.room.onLocalChange(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids))
    }
    this.timer ??= setTimeout(this.broadcast, PRESENCE_BATCH_MS)
  }

  private readonly broadcast = () => {
    this.timer = null
    if (this.isClosed || this.changed.size === 0) return
    // Each client's latest state, or its removal: the awareness keeps a departed client's clock.
    const ids = [...this.changed].filter((id) => this.awareness.meta.has(id))
    this.changed.clear()
    if (ids.length === 0) return
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)
    this.room.broadcast(awarenessMessage(update), null)
  }
}
