import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely'
import type { Database } from './schema.ts'
import { withStatementCache } from './statementCache.ts'
import * as initial from './migrations/001_initial.ts'
import * as accounts from './migrations/002_accounts.ts'
import * as revisions from './migrations/003_revisions.ts'
import * as documentWriters from './migrations/004_document_writers.ts'

const MIGRATIONS: Record<string, Migration> = {
  '001_initial': initial,
  '002_accounts': accounts,
  '003_revisions': revisions,
  '004_document_writers': documentWriters,
}

export interface OpenedDatabase {
  db: Kysely<Database>
  /** True when the database file did not exist before: the demo is created then. */
  isNew: boolean
  /** The SQLite connection itself, for the document store's hot path. */
  sqlite: SQLite.Database
}

/**
 * Opens (creating if needed) the SQLite database in `dataDir` and brings its schema up to date.
 * WAL with synchronous=NORMAL: a commit survives the process being killed (the WAL is in the
 * OS cache), which is the crash the server must survive; only a power loss may lose the last
 * transactions.
 */
export async function openDatabase(dataDir: string): Promise<OpenedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'draftroom.sqlite')
  const isNew = !fs.existsSync(file)
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('wal_autocheckpoint = 10000')
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  })
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
  })
  const { error } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error('migration failed')
  return { db, isNew, sqlite }
}
