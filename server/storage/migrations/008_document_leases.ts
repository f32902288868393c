import type { Kysely } from 'kysely'

/**
 * Several processes (REDIS_URL): each live document has one owner process at a time, named by
 * a lease that it renews and that another process takes over once it has expired. `epoch`
 * grows at every takeover: an owner commits only while the epoch it holds is the stored one,
 * so an owner that was paused past its lease commits nothing after losing it (fencing).
 * `expires_at` is in milliseconds of the database's clock, so that processes' clocks never
 * matter. A snapshot records the last update number it contains (`covers_seq`): a compaction
 * deletes only the updates up to it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('epoch', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .alterTable('documents')
    .addColumn('covers_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute()
}
