import type { Kysely } from 'kysely'
import type { ClientClaim, DocumentStore, StoredDocument } from './DocumentStore.ts'
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
    const writers = await this.db
      .selectFrom('document_writers')
      .select(['client_id', 'user_id'])
      .where('name', '=', name)
      .execute()
    return {
      snapshot: document ? new Uint8Array(document.snapshot) : null,
      updates: updates.map((row) => new Uint8Array(row.data)),
      claims: writers.map((row) => ({
        clientId: Number(row.client_id),
        owner: row.user_id === null ? 'server' : Number(row.user_id),
      })),
    }
  }

  async append(
    name: string,
    updates: readonly Uint8Array[],
    claims: readonly ClientClaim[] = [],
  ): Promise<void> {
    if (updates.length === 0 && claims.length === 0) return
    const insertUpdates = (db: Kysely<Database>) =>
      db
        .insertInto('document_updates')
        .values(updates.map((data) => ({ name, data: Buffer.from(data) })))
        .execute()
    // One statement needs no transaction of its own: most batches carry no new claim.
    if (claims.length === 0) {
      await insertUpdates(this.db)
      return
    }
    await this.db.transaction().execute(async (trx) => {
      if (updates.length > 0) await insertUpdates(trx)
      await trx
        .insertInto('document_writers')
        .values(
          claims.map(({ clientId, owner }) => ({
            name,
            client_id: clientId,
            user_id: owner === 'server' ? null : owner,
          })),
        )
        .onConflict((oc) => oc.columns(['name', 'client_id']).doNothing())
        .execute()
    })
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
