import { randomBytes } from 'node:crypto'
import pg from 'pg'
import * as Y from 'yjs'
import { startLoadBalancer, type LoadBalancer } from '../../../server/cluster/loadBalancer.ts'
import { registerServerCredentials } from '../testCredentials.ts'
import { collabUrl, httpUrl } from './address.ts'
import { ServerProcess } from './ServerProcess.ts'
import { createTestStorage, removeTestStorage, type TestStorage } from './storage.ts'

/** The machine's Redis, or TEST_REDIS_URL. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** How a cluster starts (see `startServer`). */
export interface ClusterOptions {
  /** Extra environment of every process (LOG_LEVEL is info unless it says). */
  env?: Record<string, string>
  /** A Redis of the test's own (one it may kill), instead of the machine's. */
  redisUrl?: string
  /** A load balancer in front of the processes, as `npm run start:cluster` runs them. */
  balancer?: boolean
}

/**
 * Several server processes on one PostgreSQL database (created for the test, dropped after)
 * and one Redis, under a prefix of their own, so that test runs sharing the machine's Redis
 * never hear each other. The first process creates the demo; the others join it. With
 * `balancer`, a load balancer in front of them (`url`, `collabUrl`), whose address has the
 * test actor's credentials as every process's has.
 */
export class ClusterProcesses {
  #balancer: LoadBalancer | null = null

  private constructor(
    readonly storage: TestStorage,
    readonly redisPrefix: string,
    readonly processes: ServerProcess[],
    private readonly env: Record<string, string>,
  ) {}

  static async start(count = 3, options: ClusterOptions = {}): Promise<ClusterProcesses> {
    const storage = await createTestStorage('draftroom-cluster-', 'postgres')
    const redisPrefix = `draftroom_test_${randomBytes(6).toString('hex')}`
    const env = {
      REDIS_URL: options.redisUrl ?? TEST_REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      LOG_LEVEL: 'info',
      ...options.env,
    }
    const cluster = new ClusterProcesses(storage, redisPrefix, [], env)
    try {
      // The first creates the demo on the new database; the others join it together.
      await cluster.add()
      await Promise.all(Array.from({ length: count - 1 }, () => cluster.add()))
      if (options.balancer) await cluster.#startBalancer()
    } catch (error) {
      await cluster.dispose()
      throw error
    }
    return cluster
  }

  async #startBalancer(): Promise<void> {
    this.#balancer = await startLoadBalancer({
      port: 0,
      backends: () => this.processes.map((server) => ({ host: '127.0.0.1', port: server.port })),
    })
    await registerServerCredentials({ url: this.url, port: this.port, dataDir: this.dataDir })
  }

  /** The load balancer's port (the first process's without one). */
  get port(): number {
    return this.#balancer?.port ?? this.at(0).port
  }
  get url(): string {
    return httpUrl(this.port)
  }
  get collabUrl(): string {
    return collabUrl(this.port)
  }
  get dataDir(): string {
    return this.storage.dataDir
  }

  /** Starts one more process on the same database and Redis. */
  async add(): Promise<ServerProcess> {
    const server = await ServerProcess.start({ storage: this.storage, env: this.env })
    this.processes.push(server)
    return server
  }

  at(index: number): ServerProcess {
    const server = this.processes[index]
    if (!server) throw new Error(`no process ${index}`)
    return server
  }

  /**
   * Kills every process (teardown need not be graceful; a suspended one is resumed first, or
   * SIGKILL would wait for it), closes the balancer and drops the database.
   */
  async dispose(): Promise<void> {
    await this.#balancer?.close()
    for (const server of this.processes) server.resume()
    await Promise.all(this.processes.filter((server) => server.isRunning).map((s) => s.kill()))
    await removeTestStorage(this.storage)
  }
}

/**
 * The document as PostgreSQL holds it (snapshot, then updates in sequence), read straight from
 * the database: what a process loading it would find, whatever the processes hold in memory.
 */
export async function storedDocument(databaseUrl: string, room: string): Promise<Y.Doc> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const snapshot = await client.query<{ snapshot: Buffer }>(
      'select snapshot from documents where name = $1',
      [room],
    )
    const updates = await client.query<{ data: Buffer }>(
      'select data from document_updates where name = $1 order by seq',
      [room],
    )
    const doc = new Y.Doc()
    doc.transact(() => {
      for (const row of snapshot.rows) Y.applyUpdate(doc, new Uint8Array(row.snapshot))
      for (const row of updates.rows) Y.applyUpdate(doc, new Uint8Array(row.data))
    })
    return doc
  } finally {
    await client.end()
  }
}

/** Runs SQL on the test's database (to move a deadline, or count rows). */
export async function onDatabase<T>(
  databaseUrl: string,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}
