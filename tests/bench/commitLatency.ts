import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MessageType } from '../../shared/collabProtocol.ts'

/**
 * Commit latency as a delegate sees it: from a client sending an update to the server's
 * `stored` message (the snapshot of what the room has committed, which turns "saving" into
 * "saved") that contains it. A client's own updates reach the server over one socket, in
 * order, so they are committed in order: only the oldest pending one needs checking.
 */
export class CommitLatency {
  /** Milliseconds from send to acknowledgement, one per update, in acknowledgement order. */
  readonly latencies: number[] = []
  private readonly pending: { sentAt: number; update: Uint8Array }[] = []

  /** Watches `client`: its local updates, and the `stored` messages it receives. */
  watch(client: { doc: Y.Doc; provider: WebsocketProvider }): void {
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // Updates the provider applies came from the server; every other one is sent to it.
      if (origin !== client.provider) this.pending.push({ sentAt: performance.now(), update })
    })
    client.provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
      this.acknowledge(Y.decodeSnapshot(decoding.readVarUint8Array(decoder)))
    }
  }

  /** How many updates were sent and not yet acknowledged. */
  get unacknowledged(): number {
    return this.pending.length
  }

  private acknowledge(stored: Y.Snapshot): void {
    const now = performance.now()
    while (this.pending.length > 0 && Y.snapshotContainsUpdate(stored, this.pending[0]!.update)) {
      this.latencies.push(now - this.pending.shift()!.sentAt)
    }
  }
}
