import type { Kysely } from 'kysely'

/**
 * The activity of a negotiation is read from the audit log (issue 14). Two columns say whom an
 * event concerns, so that the feed filters and pages in SQL: the delegation whose proposal it
 * is, and the objective it is in. `activity_reads` keeps, per user and negotiation, the last
 * event the user has seen: what is newer is "since your last visit".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite adds one column per statement.
  await db.schema.alterTable('audit_events').addColumn('subject_delegation', 'text').execute()
  await db.schema.alterTable('audit_events').addColumn('objective_uid', 'text').execute()
  await db.schema
    .createIndex('audit_events_by_negotiation')
    .on('audit_events')
    .columns(['negotiation_id', 'id'])
    .execute()
  await db.schema
    .createTable('activity_reads')
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('negotiation_id', 'text', (c) => c.notNull())
    .addColumn('seen_up_to', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_reads_pk', ['user_id', 'negotiation_id'])
    .execute()
  await backfillSubjects(db.withTables<AuditRows>())
}

// A type, not an interface: Kysely's withTables wants an index signature.
type AuditRows = {
  audit_events: {
    id: number
    action: string
    details: string
    subject_delegation: string | null
  }
}

// Proposal events recorded before this migration name their delegation in their details.
async function backfillSubjects(db: Kysely<AuditRows>): Promise<void> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['id', 'details'])
    .where('action', 'like', 'proposal.%')
    .execute()
  for (const row of rows) {
    const details = JSON.parse(row.details) as { delegation?: unknown }
    if (typeof details.delegation !== 'string') continue
    await db
      .updateTable('audit_events')
      .set({ subject_delegation: details.delegation })
      .where('id', '=', row.id)
      .execute()
  }
}
