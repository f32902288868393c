import type SQLite from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

/** Distinct queries kept prepared; the server has a few dozen (a batch insert per batch size). */
const MAX_STATEMENTS = 256

/**
 * The database as Kysely's SQLite dialect sees it, with its statements prepared once per SQL
 * text. Kysely asks for a statement at every query, and preparing one was a tenth of the
 * server's time replaying an editing trace (every keystroke is an insert). better-sqlite3 runs
 * each statement to completion synchronously, so one statement object serves every caller;
 * none of the server's queries streams rows (`iterate`), which would hold a statement busy.
 */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>()
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql)
      if (statement) return statement
      statement = sqlite.prepare(sql)
      if (statements.size >= MAX_STATEMENTS) {
        const oldest = statements.keys().next().value
        if (oldest !== undefined) statements.delete(oldest)
      }
      statements.set(sql, statement)
      return statement
    },
  }
}
