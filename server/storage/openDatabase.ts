import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Logger } from '../logger.ts'
import { migrateToLatest } from './migrations/index.ts'
import type { Database } from './schema.ts'
import type { StorageConfig, StorageKind } from './StorageKind.ts'
import { withStatementCache } from './statementCache.ts'

export interface OpenedDatabase {
  db: Kysely<Database>
  kind: StorageKind
  /** True when the database was empty (no migration had run): the demo is created then. */
  isNew: boolean
  /** On SQLite, the connection itself, for the document store's hot path. */
  sqlite?: SQLite.Database
}

/** Opens the storage `config` names and brings its schema up to date. */
export async function openDatabase(config: StorageConfig, logger: Logger): Promise<OpenedDatabase> {
  const { db, sqlite } =
    config.kind === 'sqlite'
      ? openSqlite(config.dataDir)
      : { db: openPostgres(config.url, logger), sqlite: undefined }
  try {
    const isNew = await migrateToLatest(db, config.kind)
    return { db, kind: config.kind, isNew, ...(sqlite ? { sqlite } : {}) }
  } catch (error) {
    await db.destroy()
    throw error
  }
}

/** Connects to the storage as it is, without migrating it. */
export function connectDatabase(config: StorageConfig, logger: Logger): Kysely<Database> {
  return config.kind === 'sqlite' ? openSqlite(config.dataDir).db : openPostgres(config.url, logger)
}

/**
 * The SQLite database in `dataDir`, created if needed. WAL with synchronous=NORMAL: a commit
 * survives the process being killed (the WAL is in the OS cache), which is the crash the server
 * must survive; only a power loss may lose the last transactions.
 */
function openSqlite(dataDir: string): { db: Kysely<Database>; sqlite: SQLite.Database } {
  fs.mkdirSync(dataDir, { recursive: true })
  const sqlite = new SQLite(path.join(dataDir, 'draftroom.sqlite'))
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Fewer, larger checkpoints: each one stops a commit to copy pages and sync the file.
  sqlite.pragma('wal_autocheckpoint = 10000')
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  })
  return { db, sqlite }
}

/** How long a query waits for a connection before it fails (and the room retries). */
const CONNECT_TIMEOUT_MS = 10_000

/**
 * PostgreSQL through a pg pool. A commit there is durable (fsync) before it returns. The pool
 * reads int8 (bigint columns: Yjs client ids, sequences; counts) as numbers, as better-sqlite3
 * does, so that the same code reads both databases; every int8 the schema holds fits in a double,
 * and one that does not is an error, not a rounded number.
 */
function openPostgres(url: string, logger: Logger): Kysely<Database> {
  // This pool's connections only: pg's global parsers stay as they are.
  const types = new pg.TypeOverrides()
  types.setTypeParser(pg.types.builtins.INT8, parseInt8)
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types,
  })
  // An idle connection that the server drops (a restart, a failover) is reported here; without
  // a listener the pool's 'error' event would end the process. The next query reconnects.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle PostgreSQL connection lost'))
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

function parseInt8(text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) throw new Error(`int8 ${text} does not fit in a number`)
  return value
}
