import type { Kysely } from 'kysely'
import type { DocumentStore, StoredDocument } from './DocumentStore.ts'
import type { Database } from './schema.ts'

/** The document store on the relational database (SQLite now; the queries are portable). */
export class SqlDocumentStore implements DocumentStore {
  constructor(private readonly db: Kysely<Database>) {}

  async load(name: string): Promise<StoredDocument> {
    const document = await this.db
      .selectFrom('documents')
      .select('snapshot')
      .where('name', '=', name)
      .executeTakeFirst()
    const updates = await this.db
      .selectFrom('document_updates')
      .select('data')
      .where('name', '=', name)
      .orderBy('seq')
      .execute()
    return {
      snapshot: document ? new Uint8Array(document.snapshot) : null,
      updates: updates.map((row) => new Uint8Array(row.data)),
    }
  }

  async append(name: string, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return
    await this.db
      .insertInto('document_updates')
      .values(updates.map((data) => ({ name, data: Buffer.from(data) })))
      .execute()
  }

  async compact(name: string, state: Uint8Array): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('documents')
        .values({ name, snapshot: Buffer.from(state), compacted_at: new Date().toISOString() })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet((eb) => ({
            snapshot: eb.ref('excluded.snapshot'),
            compacted_at: eb.ref('excluded.compacted_at'),
          })),
        )
        .execute()
      await trx.deleteFrom('document_updates').where('name', '=', name).execute()
    })
  }

  async create(name: string, state: Uint8Array): Promise<void> {
    await this.db
      .insertInto('documents')
      .values({ name, snapshot: Buffer.from(state), compacted_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute()
  }

  async exists(name: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('documents')
      .select('name')
      .where('name', '=', name)
      .executeTakeFirst()
    return row !== undefined
  }
}
