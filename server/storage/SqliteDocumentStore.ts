import type SQLite from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { ClientClaim } from './DocumentStore.ts'
import type { Database } from './schema.ts'
import { SqlDocumentStore } from './SqlDocumentStore.ts'

/**
 * The document store on SQLite, with the one query that runs at every keystroke, the append
 * of updates, as prepared statements run in one better-sqlite3 transaction: through Kysely's
 * builder, compiling and parameter parsing cost as much as SQLite itself (a third of the
 * server's CPU replaying an editing trace). Everything else is the portable SqlDocumentStore.
 */
export class SqliteDocumentStore extends SqlDocumentStore {
  private readonly appendBatch: (
    name: string,
    updates: readonly Uint8Array[],
    claims: readonly ClientClaim[],
  ) => void

  constructor(db: Kysely<Database>, sqlite: SQLite.Database) {
    super(db)
    const insertUpdate = sqlite.prepare('INSERT INTO document_updates (name, data) VALUES (?, ?)')
    const insertClaim = sqlite.prepare(
      'INSERT INTO document_writers (name, client_id, user_id) VALUES (?, ?, ?) ' +
        'ON CONFLICT (name, client_id) DO NOTHING',
    )
    this.appendBatch = sqlite.transaction(
      (name: string, updates: readonly Uint8Array[], claims: readonly ClientClaim[]) => {
        for (const update of updates) insertUpdate.run(name, update)
        for (const { clientId, owner } of claims) {
          insertClaim.run(name, clientId, owner === 'server' ? null : owner)
        }
      },
    )
  }

  override append(
    name: string,
    updates: readonly Uint8Array[],
    claims: readonly ClientClaim[] = [],
  ): Promise<void> {
    if (updates.length === 0 && claims.length === 0) return Promise.resolve()
    try {
      this.appendBatch(name, updates, claims)
      return Promise.resolve()
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }
}
