import type { Kysely, Transaction } from 'kysely'
import type { ClientClaim, DocumentStore, StoredDocument } from './DocumentStore.ts'
import type { Database } from './schema.ts'

/**
 * The document store on the relational database, SQLite or PostgreSQL (the same queries).
 * Updates are numbered per document (`seq`: 1, 2, 3 ... in commit order, see migration 005).
 */
export class SqlDocumentStore implements DocumentStore {
  constructor(private readonly db: Kysely<Database>) {}

  // One repeatable-read transaction, so that a compaction committed between the reads cannot
  // leave an old snapshot beside the updates it deleted (SQLite's transactions always are).
  async load(name: string): Promise<StoredDocument> {
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const document = await trx
          .selectFrom('documents')
          .select('snapshot')
          .where('name', '=', name)
          .executeTakeFirst()
        const updates = await trx
          .selectFrom('document_updates')
          .select('data')
          .where('name', '=', name)
          .orderBy('seq')
          .execute()
        const writers = await trx
          .selectFrom('document_writers')
          .select(['client_id', 'user_id'])
          .where('name', '=', name)
          .execute()
        return {
          snapshot: document ? new Uint8Array(document.snapshot) : null,
          updates: updates.map((row) => new Uint8Array(row.data)),
          claims: writers.map((row) => ({
            clientId: row.client_id,
            owner: row.user_id === null ? 'server' : row.user_id,
          })),
        }
      })
  }

  async append(
    name: string,
    updates: readonly Uint8Array[],
    claims: readonly ClientClaim[] = [],
  ): Promise<void> {
    if (updates.length === 0 && claims.length === 0) return
    await this.db.transaction().execute((trx) => appendInTransaction(trx, name, updates, claims))
  }

  async compact(name: string, state: Uint8Array): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // Waits for an append in progress and holds the next one back until the snapshot and
      // the deletion are committed together.
      await takeSequence(trx, name, 0)
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

/**
 * Stores `updates` under the next numbers of the document's sequence, and the client ids first
 * claimed, inside `trx`: the one append both the single-process store and the cluster owner's
 * fenced commit (ClusterStore.appendFenced) run. Returns the last number given, or null.
 */
export async function appendInTransaction(
  trx: Transaction<Database>,
  name: string,
  updates: readonly Uint8Array[],
  claims: readonly ClientClaim[],
): Promise<number | null> {
  let lastSeq: number | null = null
  if (updates.length > 0) {
    // Taking the numbers locks the document's sequence row until commit: appends to one
    // document commit one after the other, so the numbers follow the commit order.
    lastSeq = Number((await takeSequence(trx, name, updates.length)).last_seq)
    const firstSeq = lastSeq - updates.length + 1
    await trx
      .insertInto('document_updates')
      .values(updates.map((data, i) => ({ name, seq: firstSeq + i, data: Buffer.from(data) })))
      .execute()
  }
  if (claims.length > 0) {
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
  }
  return lastSeq
}

/**
 * Adds `count` to the document's sequence and returns the last number now taken (`count` 0
 * takes none and only locks the row). The upsert locks the row on PostgreSQL until the
 * transaction ends; SQLite has one writer at a time anyway.
 */
export function takeSequence(trx: Transaction<Database>, name: string, count: number) {
  return trx
    .insertInto('document_sequences')
    .values({ name, last_seq: count })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({
        last_seq: eb(eb.ref('document_sequences.last_seq'), '+', eb.ref('excluded.last_seq')),
      })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow()
}
