import { COMPACTION_THRESHOLD_UPDATES } from '../../shared/limits.ts'
import { NoticeCode } from '../../shared/draft/index.ts'
import type { Logger } from '../logger.ts'
import type { DocumentStore } from '../storage/DocumentStore.ts'
import type { ClientOwners } from './ClientOwners.ts'

/** Retry delay while storage is failing. */
const STORAGE_RETRY_MS = 1_000

interface PendingUpdate<Origin> {
  update: Uint8Array
  origin: Origin
}

/**
 * The room's way to storage: "nothing broadcast that is not stored". Accepted updates wait in
 * an outbox; the outbox is committed in one transaction (group commit) with the client ids
 * first claimed meanwhile, and only then handed on (`onCommitted`: the broadcast). A commit
 * starts a microtask after the first update that wants it, so that what one message causes
 * (a delegation's text and the record of its new proposal) is committed in one transaction.
 * While storage fails, updates are held, in order, and retried; the room is told, so that
 * everyone is told. Past COMPACTION_THRESHOLD_UPDATES, the stored updates are replaced by one
 * snapshot of the in-memory document.
 */
export class DraftPersistence<Origin> {
  private outbox: PendingUpdate<Origin>[] = []
  private flushing: Promise<void> | null = null
  private isFailing = false
  private isClosed = false
  /** Several processes: this process lost the document; nothing more is stored from here. */
  private isAbandoned = false

  constructor(
    private readonly name: string,
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    private updatesSinceCompaction: number,
    private readonly room: {
      owners: ClientOwners
      /** The whole document as one update: the snapshot a compaction stores. */
      state: () => Uint8Array
      onCommitted: (update: Uint8Array, origin: Origin) => void
      onIdle: () => void
      notifyAll: (notice: { code: string; message: string }) => void
    },
  ) {}

  /** Whether everything accepted so far is stored. */
  get isCommitted(): boolean {
    return this.flushing === null && this.outbox.length === 0
  }

  get isStorageFailing(): boolean {
    return this.isFailing
  }

  /**
   * Several processes: the room starts again elsewhere or from storage; what waits here is
   * dropped (never acknowledged: its clients send it again when asked to sync).
   */
  abandon(): void {
    this.isAbandoned = true
    this.isClosed = true
    this.outbox = []
  }

  /** A room that does not own its document never compacts what it loaded. */
  forgetStoredCount(): void {
    this.updatesSinceCompaction = 0
  }

  enqueue(update: Uint8Array, origin: Origin): void {
    this.outbox.push({ update, origin })
    this.flushing ??= this.flush()
  }

  /** Resolves once everything accepted so far is committed. */
  async whenCommitted(): Promise<void> {
    while (this.flushing) await this.flushing
  }

  /** Commits what is pending and compacts; nothing is stored afterwards. */
  async close(): Promise<void> {
    await this.whenCommitted()
    if (this.isAbandoned) return
    const claims = this.room.owners.takeUnsaved()
    if (claims.length > 0 && !this.isFailing) await this.store.append(this.name, [], claims)
    if (this.updatesSinceCompaction > 0 && !this.isFailing) await this.compact()
    this.isClosed = true
  }

  private async flush(): Promise<void> {
    // Let the rest of this turn of the event loop join the commit: what one message causes (a
    // proposal's text and its record), and the messages of other sockets read in the same turn.
    await new Promise((resolve) => setImmediate(resolve))
    try {
      while (this.outbox.length > 0) {
        const batch = this.outbox
        this.outbox = []
        const claims = this.room.owners.takeUnsaved()
        try {
          await this.store.append(
            this.name,
            batch.map((pending) => pending.update),
            claims,
          )
        } catch (error) {
          if (this.isAbandoned) return
          // Keep the batch, in order, ahead of what arrived meanwhile, and try again.
          this.outbox = batch.concat(this.outbox)
          this.room.owners.returnUnsaved(claims)
          await this.handleStorageFailure(error)
          continue
        }
        this.updatesSinceCompaction += batch.length
        if (this.isFailing) this.handleStorageRecovered()
        for (const { update, origin } of batch) this.room.onCommitted(update, origin)
      }
    } finally {
      this.flushing = null
    }
    this.room.onIdle()
    if (this.updatesSinceCompaction >= COMPACTION_THRESHOLD_UPDATES) this.scheduleCompaction()
  }

  private async handleStorageFailure(error: unknown): Promise<void> {
    if (!this.isFailing) {
      this.isFailing = true
      this.logger.error({ err: error, room: this.name }, 'storage failed; holding updates')
      this.room.notifyAll({
        code: NoticeCode.notSaving,
        message: 'The server cannot save right now.',
      })
    }
    await new Promise((resolve) => setTimeout(resolve, STORAGE_RETRY_MS))
  }

  private handleStorageRecovered(): void {
    this.isFailing = false
    this.logger.info({ room: this.name }, 'storage recovered')
    this.room.notifyAll({ code: NoticeCode.saving, message: 'The server is saving again.' })
  }

  private scheduleCompaction(): void {
    setImmediate(() => {
      if (this.isClosed || this.flushing || this.isFailing) return
      this.compact().catch((error: unknown) =>
        this.logger.error({ err: error, room: this.name }, 'compaction failed'),
      )
    })
  }

  // Compaction runs only while nothing is being committed, from the in-memory document, which
  // contains every committed update: the snapshot replaces them without changing the content.
  private async compact(): Promise<void> {
    const state = this.room.state()
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
}
