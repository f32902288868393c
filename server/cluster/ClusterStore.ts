import { sql, type Kysely } from 'kysely'
import type { ClientClaim, StoredDocument } from '../storage/DocumentStore.ts'
import type { Database } from '../storage/schema.ts'
import { appendInTransaction, takeSequence } from '../storage/SqlDocumentStore.ts'

/** The owner of a document as the lease row says, and how far its updates are numbered. */
export interface LeaseState {
  owner: string
  epoch: number
  /** The last update number committed for the document (0: none yet). */
  lastSeq: number
}

/** A stored document with the number of the last update it contains. */
export interface NumberedDocument extends StoredDocument {
  lastSeq: number
}

/** An owner's commit was refused: another process took the document over (fencing). */
export class LeaseLostError extends Error {
  constructor(name: string) {
    super(`the lease of ${name} was taken over`)
  }
}

/** The database's clock in milliseconds: every process reads the same one. */
const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`

/**
 * What the cluster keeps in PostgreSQL besides the single-process document store: the owner
 * leases, the owner's fenced commits and compactions, and the reads by update number that let
 * a process catch up on what it missed.
 */
export class ClusterStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Takes the lease if it is free or expired, renews it if `me` holds it; answers who holds
   * it after that. The epoch grows only when the owner changes.
   */
  async claimLease(name: string, me: string, ttlMs: number): Promise<LeaseState> {
    const result = await sql<{ owner: string; epoch: number; last_seq: number | null }>`
      with taken as (
        insert into document_leases (name, owner, epoch, expires_at)
        values (${name}, ${me}, 1, ${NOW_MS} + ${ttlMs})
        on conflict (name) do update set
          epoch = case when document_leases.owner = excluded.owner
            then document_leases.epoch else document_leases.epoch + 1 end,
          owner = excluded.owner,
          expires_at = excluded.expires_at
        where document_leases.owner = excluded.owner or document_leases.expires_at < ${NOW_MS}
        returning owner, epoch
      ), current as (
        select owner, epoch from taken
        union all
        select owner, epoch from document_leases
        where name = ${name} and not exists (select 1 from taken)
      )
      select owner, epoch::int as epoch,
        (select last_seq from document_sequences where name = ${name})::int as last_seq
      from current`.execute(this.db)
    const row = result.rows[0]
    if (!row) throw new Error(`no lease row for ${name}`)
    return { owner: row.owner, epoch: Number(row.epoch), lastSeq: Number(row.last_seq ?? 0) }
  }

  /** Lets the lease go at once (the owner unloads the room), so that another takes over. */
  async releaseLease(name: string, me: string, epoch: number): Promise<void> {
    await this.db
      .updateTable('document_leases')
      .set({ expires_at: 0 })
      .where('name', '=', name)
      .where('owner', '=', me)
      .where('epoch', '=', epoch)
      .execute()
  }

  /** The whole document and the number of its last update, read in one snapshot. */
  async load(name: string): Promise<NumberedDocument> {
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
        const sequence = await trx
          .selectFrom('document_sequences')
          .select('last_seq')
          .where('name', '=', name)
          .executeTakeFirst()
        return {
          snapshot: document ? new Uint8Array(document.snapshot) : null,
          updates: updates.map((row) => new Uint8Array(row.data)),
          claims: writers.map((row) => ({
            clientId: row.client_id,
            owner: row.user_id === null ? 'server' : row.user_id,
          })),
          lastSeq: Number(sequence?.last_seq ?? 0),
        }
      })
  }

  /** The number of the last update committed for the document (0: none yet). */
  async lastSeqOf(name: string): Promise<number> {
    const row = await this.db
      .selectFrom('document_sequences')
      .select('last_seq')
      .where('name', '=', name)
      .executeTakeFirst()
    return Number(row?.last_seq ?? 0)
  }

  /** The updates numbered after `after`, in order (fewer if compaction took some). */
  async updatesAfter(name: string, after: number): Promise<{ seq: number; data: Uint8Array }[]> {
    const rows = await this.db
      .selectFrom('document_updates')
      .select(['seq', 'data'])
      .where('name', '=', name)
      .where('seq', '>', after)
      .orderBy('seq')
      .execute()
    return rows.map((row) => ({ seq: Number(row.seq), data: new Uint8Array(row.data) }))
  }

  /**
   * The owner's commit: in one transaction, checks that `epoch` is still the lease's (holding
   * the row, so that a takeover waits for this commit), numbers the updates and stores them
   * with the client ids first claimed. Returns the last number given.
   */
  async appendFenced(
    name: string,
    lease: { owner: string; epoch: number },
    updates: readonly Uint8Array[],
    claims: readonly ClientClaim[],
  ): Promise<number | null> {
    if (updates.length === 0 && claims.length === 0) return null
    return this.db.transaction().execute(async (trx) => {
      await holdLease(trx, name, lease)
      return appendInTransaction(trx, name, updates, claims)
    })
  }

  /**
   * The owner's compaction: `state` contains every update up to `coversSeq`; the snapshot
   * records it and only those updates are deleted, so an update committed meanwhile (which
   * fencing should make impossible) would stay.
   */
  async compactFenced(
    name: string,
    lease: { owner: string; epoch: number },
    state: Uint8Array,
    coversSeq: number,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await holdLease(trx, name, lease)
      await takeSequence(trx, name, 0)
      await trx
        .insertInto('documents')
        .values({
          name,
          snapshot: Buffer.from(state),
          compacted_at: new Date().toISOString(),
          covers_seq: coversSeq,
        })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet((eb) => ({
            snapshot: eb.ref('excluded.snapshot'),
            compacted_at: eb.ref('excluded.compacted_at'),
            covers_seq: eb.ref('excluded.covers_seq'),
          })),
        )
        .execute()
      await trx
        .deleteFrom('document_updates')
        .where('name', '=', name)
        .where('seq', '<=', coversSeq)
        .execute()
    })
  }
}

async function holdLease(
  trx: Kysely<Database>,
  name: string,
  lease: { owner: string; epoch: number },
): Promise<void> {
  const held = await sql`
    select 1 from document_leases
    where name = ${name} and owner = ${lease.owner} and epoch = ${lease.epoch}
    for share`.execute(trx)
  if (held.rows.length === 0) throw new LeaseLostError(name)
}
