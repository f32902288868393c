import type { Kysely } from 'kysely'
import type { Ddl } from './ddl.ts'

/** Negotiations, delegations, and the storage of live Yjs documents. */
export async function up(db: Kysely<unknown>, ddl: Ddl): Promise<void> {
  await db.schema
    .createTable('negotiations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('delegations')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('negotiation_delegations')
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id'))
    .addColumn('delegation_code', 'text', (c) => c.notNull().references('delegations.code'))
    .addColumn('standing', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('negotiation_delegations_pk', ['negotiation_id', 'delegation_code'])
    .execute()
  await db.schema
    .createTable('documents')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('snapshot', ddl.bytes, (c) => c.notNull())
    .addColumn('compacted_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('document_updates')
    .addColumn('seq', 'integer', ddl.autoId)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', ddl.bytes, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('document_updates_name_seq')
    .on('document_updates')
    .columns(['name', 'seq'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'document_updates',
    'documents',
    'negotiation_delegations',
    'delegations',
    'negotiations',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
