import * as Y from 'yjs'
import type { IndexeddbPersistence } from 'y-indexeddb'
import { acknowledgeUpdate } from './savedState.ts'

const KEY = 'draftroom:serverState'
const KEEP_MS = 1_000

/**
 * What the server is known to hold: its last `stored` snapshot plus every update it sent since
 * (the server commits before it broadcasts). Kept with the offline copy, so that a reload
 * without network can still tell "nothing unsaved" from "changes waiting": a server never
 * forgets a commit, so an old snapshot is still a safe lower bound.
 */
export class ServerState {
  private acknowledged: Y.Snapshot | null = null
  private pendingUpdates: Uint8Array[] = []
  private keepTimer: ReturnType<typeof setTimeout> | null = null
  private isClosed = false

  constructor(private readonly persistence: IndexeddbPersistence) {}

  /** The server's `stored` message: whatever it sent before is included (messages are ordered). */
  handleStored(snapshot: Y.Snapshot): void {
    this.acknowledged = snapshot
    this.pendingUpdates = []
    this.keepTimer ??= setTimeout(() => this.keep(), KEEP_MS)
  }

  /** An update that came from the server. */
  handleServerUpdate(update: Uint8Array): void {
    this.pendingUpdates.push(update)
  }

  /** The snapshot, or null before anything came from the server (or the offline copy). */
  get snapshot(): Y.Snapshot | null {
    // Merged lazily: the saved indicator asks at most every 150 ms, updates come per keystroke.
    if (this.pendingUpdates.length > 0) {
      const updates = this.pendingUpdates
      this.pendingUpdates = []
      const merged = updates.length === 1 && updates[0] ? updates[0] : Y.mergeUpdates(updates)
      this.acknowledged = acknowledgeUpdate(this.acknowledged, merged)
    }
    return this.acknowledged
  }

  /** Reads the snapshot kept by the last visit; true if it was used. */
  async restore(): Promise<boolean> {
    try {
      await this.persistence.whenSynced
      const kept: unknown = await this.persistence.get(KEY)
      if (this.acknowledged !== null || this.isClosed || !(kept instanceof ArrayBuffer))
        return false
      this.acknowledged = Y.decodeSnapshot(new Uint8Array(kept))
      return true
    } catch {
      return false
    }
  }

  close(): void {
    this.isClosed = true
    if (this.keepTimer) clearTimeout(this.keepTimer)
  }

  private keep(): void {
    this.keepTimer = null
    if (this.isClosed || !this.acknowledged) return
    const encoded = Y.encodeSnapshot(this.acknowledged)
    this.persistence.set(KEY, encoded.slice().buffer).catch(() => undefined)
  }
}
