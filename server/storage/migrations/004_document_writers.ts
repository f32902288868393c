import type { Kysely } from 'kysely'

/**
 * Who owns each Yjs client id of a document (DESIGN.md section 6): the first user to write
 * under it, or the server (`user_id` null). Kept through compactions: the ids stay in the
 * snapshot, and so must their owners.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_writers')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('client_id', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addPrimaryKeyConstraint('document_writers_pk', ['name', 'client_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_writers').execute()
}
