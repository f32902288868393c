import type { Kysely } from 'kysely'
import type { Ddl } from './ddl.ts'

/** Published revisions (immutable) and silence procedures. */
export async function up(db: Kysely<unknown>, ddl: Ddl): Promise<void> {
  await db.schema
    .createTable('revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id'))
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'integer')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('yjs_state', ddl.bytes, (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('revisions_symbol_unique', ['negotiation_id', 'symbol'])
    .execute()
  await db.schema
    .createTable('silence_procedures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id'))
    .addColumn('revision_id', 'text', (c) => c.notNull().references('revisions.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('state_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('silence_procedures').execute()
  await db.schema.dropTable('revisions').execute()
}
