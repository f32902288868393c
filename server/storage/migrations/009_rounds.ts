import type { Kysely } from 'kysely'
import type { Ddl } from './ddl.ts'

/**
 * Rounds of a negotiation (first reading, informal consultations ... with their dates), and
 * the round each revision was published in. Revisions published before rounds existed belong
 * to none.
 */
export async function up(db: Kysely<unknown>, ddl: Ddl): Promise<void> {
  await ddl.atomically(db, async (db) => {
    await db.schema
      .createTable('rounds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('rounds_by_negotiation')
      .on('rounds')
      .columns(['negotiation_id', 'starts_on'])
      .execute()
    await db.schema
      .alterTable('revisions')
      .addColumn('round_id', 'text', (c) => c.references('rounds.id'))
      .execute()
  })
}
