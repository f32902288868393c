import type { ColumnDefinitionBuilder, Kysely } from 'kysely'
import type { StorageKind } from '../StorageKind.ts'

/**
 * What the migrations write differently on SQLite and on PostgreSQL; everything else in them
 * (text, integer, bigint columns, keys, indexes) is the same SQL on both. On SQLite the output
 * is exactly what the migrations wrote before PostgreSQL existed, so existing files match.
 */
export interface Ddl {
  kind: StorageKind
  /** Bytes (Yjs updates and states): SQLite's `blob`, PostgreSQL's `bytea`. */
  bytes: 'blob' | 'bytea'
  /**
   * An `integer` key that the database numbers: SQLite's autoincrement rowid (never reused),
   * PostgreSQL's identity column.
   */
  autoId: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder
  /**
   * Runs `steps` in one transaction. PostgreSQL's migrations already run in one (its DDL is
   * transactional, and Kysely wraps each migration); Kysely runs SQLite's without, so that a
   * migration that moves data opens its own.
   */
  atomically: (db: Kysely<unknown>, steps: (db: Kysely<unknown>) => Promise<void>) => Promise<void>
}

export function ddlFor(kind: StorageKind): Ddl {
  switch (kind) {
    case 'sqlite':
      return {
        kind,
        bytes: 'blob',
        autoId: (column) => column.primaryKey().autoIncrement(),
        atomically: (db, steps) => db.transaction().execute(steps),
      }
    case 'postgres':
      return {
        kind,
        bytes: 'bytea',
        autoId: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
        atomically: (db, steps) => steps(db),
      }
  }
}
