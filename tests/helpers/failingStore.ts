import type {
  ClientClaim,
  DocumentStore,
  StoredDocument,
} from '../../server/storage/DocumentStore.ts'
import { startServer, type InProcessServer, type ServerAddress } from './servers/index.ts'

/** The writes a failing store can refuse. */
export type StoreWrite = 'append' | 'compact'

/** What SQLite throws when the disk is full (the store fails alike on PostgreSQL). */
export class DiskFullError extends Error {
  readonly code = 'SQLITE_FULL'
  constructor(operation: StoreWrite, name: string) {
    super(`database or disk is full (${operation} ${name})`)
    this.name = 'DiskFullError'
  }
}

interface Failure {
  writes: ReadonlySet<StoreWrite>
  /** Which documents fail (all by default). */
  isAffected: (name: string) => boolean
  /** How long a failing write takes before it throws (a slow, full disk). */
  delayMs: number
}

/**
 * A DocumentStore decorator that fails like a full disk while its switch is on: `append` and
 * `compact` (or only those `fail` names) reject with `DiskFullError` and nothing reaches the
 * inner store; loads and creations pass through. Counts what it refused and what it wrote.
 */
export class FailingStore implements DocumentStore {
  /** Every write asked of the store, when it was asked (before it fails or succeeds). */
  readonly attempted: { write: StoreWrite; name: string; updates: number }[] = []
  /** Writes refused while failing, in order. */
  readonly refused: { write: StoreWrite; name: string; updates: number }[] = []
  /** Writes that reached the inner store, in order. */
  readonly written: { write: StoreWrite; name: string; updates: number }[] = []
  #failure: Failure | null = null

  constructor(private readonly inner: DocumentStore) {}

  get isFailing(): boolean {
    return this.#failure !== null
  }

  /** Turns the failure on (every write of every document, at once, by default). */
  fail(
    options: {
      writes?: readonly StoreWrite[]
      only?: (name: string) => boolean
      delayMs?: number
    } = {},
  ): void {
    this.#failure = {
      writes: new Set(options.writes ?? ['append', 'compact']),
      isAffected: options.only ?? (() => true),
      delayMs: options.delayMs ?? 0,
    }
  }

  /** Turns the failure off: the next write goes through. */
  recover(): void {
    this.#failure = null
  }

  load(name: string): Promise<StoredDocument> {
    return this.inner.load(name)
  }

  async append(
    name: string,
    updates: readonly Uint8Array[],
    claims?: readonly ClientClaim[],
  ): Promise<void> {
    await this.#check('append', name, updates.length)
    await this.inner.append(name, updates, claims)
    this.written.push({ write: 'append', name, updates: updates.length })
  }

  async compact(name: string, state: Uint8Array): Promise<void> {
    await this.#check('compact', name, 1)
    await this.inner.compact(name, state)
    this.written.push({ write: 'compact', name, updates: 1 })
  }

  create(name: string, state: Uint8Array): Promise<void> {
    return this.inner.create(name, state)
  }

  exists(name: string): Promise<boolean> {
    return this.inner.exists(name)
  }

  async #check(write: StoreWrite, name: string, updates: number): Promise<void> {
    this.attempted.push({ write, name, updates })
    const failure = this.#failure
    if (!failure || !failure.writes.has(write) || !failure.isAffected(name)) return
    if (failure.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, failure.delayMs))
    this.refused.push({ write, name, updates })
    throw new DiskFullError(write, name)
  }
}

/**
 * The server in this process (InProcessServer) with a FailingStore around its document store
 * (`startServer`'s `decorateStore`), restartable on the same port and storage; the store is
 * new after each start, and starts healthy.
 */
export class FailingStoreServer implements ServerAddress {
  private constructor(
    private readonly server: InProcessServer,
    /** The store of the current start (each start decorates a new one). */
    private readonly latest: { store: FailingStore | null },
  ) {}

  static async start(options: { roomIdleMs?: number } = {}): Promise<FailingStoreServer> {
    const latest: { store: FailingStore | null } = { store: null }
    const server = await startServer({
      inProcess: true,
      roomIdleMs: options.roomIdleMs ?? 2_000,
      decorateStore: (store) => (latest.store = new FailingStore(store)),
    })
    return new FailingStoreServer(server, latest)
  }

  get store(): FailingStore {
    if (!this.latest.store) throw new Error('server not started')
    return this.latest.store
  }
  get dataDir(): string {
    return this.server.dataDir
  }
  get port(): number {
    return this.server.port
  }
  get url(): string {
    return this.server.url
  }
  get collabUrl(): string {
    return this.server.collabUrl
  }

  /** Closes (committing what the rooms hold, which needs a working store) and starts again. */
  async restart(): Promise<void> {
    await this.server.restart()
  }

  async close(): Promise<void> {
    await this.server.close()
  }

  /** Closes (with a working store: closing commits what the rooms hold) and deletes the data. */
  async dispose(): Promise<void> {
    this.latest.store?.recover()
    await this.server.dispose()
  }
}
