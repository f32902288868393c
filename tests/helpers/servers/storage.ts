import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { StorageKind } from '../../../server/storage/StorageKind.ts'

/**
 * The database the tests run on: PostgreSQL when `TEST_DATABASE=postgres` (the vitest project
 * `postgres` sets it), SQLite otherwise. Only the helpers that start servers read it.
 */
export const TEST_DATABASE: StorageKind =
  process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite'

/** Where the tests' PostgreSQL databases are created (a database to connect to for that). */
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/**
 * Every database a test run creates is named `draftroom_test_<run>_<random>`, so that the run's
 * teardown can drop what a killed test left behind, and nothing of another run or anyone else.
 */
export const testDatabasePrefix = (run: string): string => `draftroom_test_${run}_`

/** This run's id (the vitest config draws it); `local` when a helper runs outside vitest. */
const RUN = process.env.DRAFTROOM_TEST_RUN ?? 'local'

/**
 * What one test server keeps: a data directory (the SQLite file, and the key under which the
 * helpers remember a server's credentials), and on PostgreSQL a database of its own. A server
 * restarted on the same storage finds the same data.
 */
export interface TestStorage {
  readonly dataDir: string
  /** `postgres://.../draftroom_test_...` on PostgreSQL, undefined on SQLite. */
  readonly databaseUrl: string | undefined
}

let adminPool: pg.Pool | null = null
const admin = (): pg.Pool =>
  (adminPool ??= new pg.Pool({ connectionString: ADMIN_URL, max: 2, allowExitOnIdle: true }))

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return url.toString()
}

/**
 * A new, empty storage for one server (which creates the demo in it), on the tests' database
 * unless `kind` says (several processes always share PostgreSQL). `isDurable` keeps
 * PostgreSQL's production default (every commit flushed), for benchmarks that measure commits.
 */
export async function createTestStorage(
  prefix = 'draftroom-',
  kind: StorageKind = TEST_DATABASE,
  { isDurable = false }: { isDurable?: boolean } = {},
): Promise<TestStorage> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  if (kind === 'sqlite') return { dataDir, databaseUrl: undefined }
  const name = `${testDatabasePrefix(RUN)}${randomBytes(6).toString('hex')}`
  await admin().query(`CREATE DATABASE ${name}`)
  // The tests kill the server, never PostgreSQL, so a commit in PostgreSQL's WAL buffers is as
  // safe for them as a flushed one (SQLite's synchronous=NORMAL is the same bargain), and the
  // 2-core machine is spared an fsync per keystroke batch. Production keeps the default.
  if (!isDurable) await admin().query(`ALTER DATABASE ${name} SET synchronous_commit = off`)
  return { dataDir, databaseUrl: databaseUrl(name) }
}

/**
 * Deletes the storage: the data directory, and the database even if a killed server left
 * connections to it (FORCE ends them; they are this test's only).
 */
export async function removeTestStorage(storage: TestStorage): Promise<void> {
  fs.rmSync(storage.dataDir, { recursive: true, force: true })
  if (storage.databaseUrl === undefined) return
  const name = new URL(storage.databaseUrl).pathname.slice(1)
  await admin().query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
}

/** `startServer`'s options for the storage. */
export function storageOptions(storage: TestStorage): { dataDir: string; databaseUrl?: string } {
  return storage.databaseUrl === undefined
    ? { dataDir: storage.dataDir }
    : { dataDir: storage.dataDir, databaseUrl: storage.databaseUrl }
}

/**
 * The environment of a server process on the storage: over `base` (the test's own), with
 * DATABASE_URL set or removed so that a developer's own setting never leaks into a test.
 */
export function storageEnv(
  storage: TestStorage,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, DATA_DIR: storage.dataDir }
  if (storage.databaseUrl === undefined) delete env.DATABASE_URL
  else env.DATABASE_URL = storage.databaseUrl
  return env
}

/** Whether the tests' PostgreSQL answers; the error says how to start it when it does not. */
export async function checkTestPostgres(): Promise<void> {
  try {
    await admin().query('SELECT 1')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(
      `The PostgreSQL tests need a server at ${new URL(ADMIN_URL).host} (TEST_POSTGRES_URL): ${reason}. ` +
        'Start it (see .ci/run), or run only the SQLite projects: vitest run --project unit --project integration',
      { cause: error },
    )
  }
}

/** Drops the databases run `run` created and left (a test killed half-way); for teardown. */
export async function dropLeftoverTestDatabases(run: string): Promise<string[]> {
  const pool = admin()
  const { rows } = await pool.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
    [testDatabasePrefix(run)],
  )
  for (const { datname } of rows) {
    await pool.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
  }
  await pool.end()
  adminPool = null
  return rows.map((row) => row.datname)
}
