import type { Peer } from './Peer.ts'

/** How often, at most, a room tells its clients what it has committed. */
const STORED_ACK_INTERVAL_MS = 100

/**
 * Tells Draftroom clients what the room has committed (the `stored` message: a snapshot of the
 * document's state vector and delete set), so that "saved" is shown only when it is true. The
 * snapshot costs a pass over the document, so it is sent at most every STORED_ACK_INTERVAL_MS,
 * and only to the peers that sent something or synced since the last one.
 */
export class StoredAcks {
  private readonly awaiting = new Set<Peer>()
  private timer: NodeJS.Timeout | null = null
  private isClosed = false

  constructor(
    private readonly room: {
      /** Whether everything accepted is committed ('failing': storage is down, stop asking). */
      commitState: () => 'committed' | 'pending' | 'failing'
      storedMessage: () => Uint8Array
    },
  ) {}

  /** `peer` changed or synced something: it will hear once it is committed. */
  expect(peer: Peer): void {
    this.awaiting.add(peer)
    this.schedule()
  }

  forget(peer: Peer): void {
    this.awaiting.delete(peer)
  }

  schedule(): void {
    if (this.timer || this.isClosed) return
    this.timer = setTimeout(this.send, STORED_ACK_INTERVAL_MS)
  }

  close(): void {
    this.isClosed = true
    if (this.timer) clearTimeout(this.timer)
  }

  private readonly send = () => {
    this.timer = null
    if (this.isClosed) return
    switch (this.room.commitState()) {
      case 'failing':
        return
      case 'pending':
        this.schedule()
        return
      case 'committed':
        break
    }
    const recipients = [...this.awaiting].filter((peer) => peer.isDraftroomClient)
    this.awaiting.clear()
    if (recipients.length === 0) return
    const message = this.room.storedMessage()
    for (const peer of recipients) peer.send(message)
  }
}
