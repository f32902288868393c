import { Migrator, type Kysely, type Migration } from 'kysely'
import type { StorageKind } from '../StorageKind.ts'
import { ddlFor, type Ddl } from './ddl.ts'
import * as initial from './001_initial.ts'
import * as accounts from './002_accounts.ts'
import * as revisions from './003_revisions.ts'
import * as documentWriters from './004_document_writers.ts'
import * as documentSequences from './005_document_sequences.ts'
import * as activity from './006_activity.ts'
import * as delegationColors from './007_delegation_colors.ts'
import * as documentLeases from './008_document_leases.ts'
import * as rounds from './009_rounds.ts'

type Step = (db: Kysely<unknown>, ddl: Ddl) => Promise<void>

/** Every migration in order; the names are what the migration table records. */
const MIGRATIONS: Record<string, Step> = {
  '001_initial': initial.up,
  '002_accounts': accounts.up,
  '003_revisions': revisions.up,
  '004_document_writers': documentWriters.up,
  '005_document_sequences': documentSequences.up,
  '006_activity': activity.up,
  '007_delegation_colors': delegationColors.up,
  '008_document_leases': documentLeases.up,
  '009_rounds': rounds.up,
}

/** The migrations as Kysely's Migrator takes them, written for one database. */
export function migrationsFor(kind: StorageKind): Record<string, Migration> {
  const ddl = ddlFor(kind)
  return Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, up]): [string, Migration] => [
      name,
      { up: (db) => up(db, ddl) },
    ]),
  )
}

/**
 * Brings the schema up to date; returns whether the database was empty before (the first
 * migration ran now), which is when the demo is created. On PostgreSQL, Kysely holds an
 * advisory lock while it migrates, so of several processes starting on one new database
 * exactly one sees it empty.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, kind: StorageKind): Promise<boolean> {
  const migrations = migrationsFor(kind)
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error('migration failed')
  const first = Object.keys(MIGRATIONS)[0]
  return results?.some((result) => result.migrationName === first) ?? false
}
