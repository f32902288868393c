import { startServer, type DraftroomServer, type ServerOptions } from '../../../server/app.ts'
import { registerServerCredentials } from '../testCredentials.ts'
import { ListeningServer } from './address.ts'
import {
  createTestStorage,
  removeTestStorage,
  storageOptions,
  type TestStorage,
} from './storage.ts'

/** The server in this process, via `startServer`: fast to restart, for most tests. */
export type InProcessOptions = Pick<
  ServerOptions,
  'roomIdleMs' | 'maxClientBacklogBytes' | 'writerLimits' | 'decorateStore'
>

export class InProcessServer extends ListeningServer {
  #running: DraftroomServer | null = null

  private constructor(
    readonly storage: TestStorage,
    private readonly options: InProcessOptions,
  ) {
    super()
  }

  /** Starts on port 0 (or `port`) on new storage unless `storage` is given. */
  static async start(
    options: InProcessOptions & { storage?: TestStorage; port?: number } = {},
  ): Promise<InProcessServer> {
    const { storage, port, ...serverOptions } = options
    const server = new InProcessServer(
      storage ?? (await createTestStorage('draftroom-collab-')),
      serverOptions,
    )
    await server.#start(port ?? 0)
    return server
  }

  get dataDir(): string {
    return this.storage.dataDir
  }

  /** The running server's services (see `expectStoredAsLive`). */
  get context(): DraftroomServer['context'] {
    if (!this.#running) throw new Error('the server is not running')
    return this.#running.context
  }
  get isRunning(): boolean {
    return this.#running !== null
  }

  async #start(port: number): Promise<void> {
    const running = await startServer({
      port,
      ...storageOptions(this.storage),
      host: '127.0.0.1',
      ...this.options,
    })
    this.#running = running
    this.listeningPort = running.port
    await registerServerCredentials(this)
  }

  /** Closes the server; the storage stays. */
  async close(): Promise<void> {
    const running = this.#running
    this.#running = null
    if (running) await running.close()
  }

  /** Closes and starts again on the same storage and, by default, the same port. */
  async restart(options: { port?: number } = {}): Promise<void> {
    await this.close()
    await this.#start(options.port ?? this.listeningPort)
  }

  /** Closes the server and deletes its storage. */
  async dispose(): Promise<void> {
    await this.close()
    await removeTestStorage(this.storage)
  }
}

/**
 * A server on port 0 on fresh storage (the demo) of the tests' database, removed on close;
 * or on `storage` the test made (to restart on it), which the test removes. The plain
 * `DraftroomServer` of `server/app.ts`, for suites that need no restart.
 */
export async function startTestServer(
  options: Omit<Partial<ServerOptions>, 'dataDir' | 'databaseUrl'> & { storage?: TestStorage } = {},
): Promise<DraftroomServer & { dataDir: string; storage: TestStorage }> {
  const { storage: given, ...serverOptions } = options
  const storage = given ?? (await createTestStorage())
  const server = await startServer({
    port: 0,
    roomIdleMs: 50,
    ...serverOptions,
    ...storageOptions(storage),
  }).catch(async (error: unknown) => {
    if (!given) await removeTestStorage(storage)
    throw error
  })
  return {
    ...server,
    dataDir: storage.dataDir,
    storage,
    close: async () => {
      await server.close()
      if (!given) await removeTestStorage(storage)
    },
  }
}
