import { sql, type Kysely } from 'kysely'
import type { Ddl } from './ddl.ts'

/**
 * A sequence per document: the updates of a document are numbered 1, 2, 3 ... in the order
 * they were committed, and a number is never given twice (compaction deletes updates, not the
 * count, kept in `document_sequences`). An autoincrement or identity column cannot give that on
 * PostgreSQL: its numbers are taken when a row is inserted, not when it is committed, so two
 * concurrent transactions may become visible in the other order; and a gap in a per-document
 * sequence is how a reader knows it missed an update. Existing updates are renumbered per
 * document in their committed order.
 */
export async function up(db: Kysely<unknown>, ddl: Ddl): Promise<void> {
  await ddl.atomically(db, async (db) => {
    await db.schema
      .createTable('document_sequences')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('last_seq', 'bigint', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('document_updates_in_sequence')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('data', ddl.bytes, (c) => c.notNull())
      .addPrimaryKeyConstraint('document_updates_pk', ['name', 'seq'])
      .execute()
    await sql`
      insert into document_updates_in_sequence (name, seq, data)
      select name, row_number() over (partition by name order by seq), data
      from document_updates`.execute(db)
    await sql`
      insert into document_sequences (name, last_seq)
      select name, max(seq) from document_updates_in_sequence group by name`.execute(db)
    await db.schema.dropTable('document_updates').execute()
    await db.schema
      .alterTable('document_updates_in_sequence')
      .renameTo('document_updates')
      .execute()
  })
}
