import { randomBytes } from 'node:crypto'
import pg from 'pg'
import * as Y from 'yjs'
import { ServerProcess } from './collabServer.ts'
import { createTestStorage, removeTestStorage, type TestStorage } from './testStorage.ts'

/** The machine's Redis, or TEST_REDIS_URL. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/**
 * Several server processes on one PostgreSQL database (created for the test, dropped after)
 * and one Redis, under a prefix of their own, so that test runs sharing the machine's Redis
 * never hear each other. The first process creates the demo; the others join it.
 */
export class ClusterProcesses {
  private constructor(
    readonly storage: TestStorage,
    readonly redisPrefix: string,
    readonly processes: ServerProcess[],
    private readonly env: Record<string, string>,
  ) {}

  static async start(
    count = 3,
    options: { env?: Record<string, string>; redisUrl?: string } = {},
  ): Promise<ClusterProcesses> {
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
    } catch (error) {
      await cluster.dispose()
      throw error
    }
    return cluster
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

  /** Kills every process (teardown need not be graceful) and drops the database. */
  async dispose(): Promise<void> {
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
