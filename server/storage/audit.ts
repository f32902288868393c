import type { Kysely } from 'kysely'
import type { Actor } from '../auth/Actor.ts'
import type { Database } from './schema.ts'

/** Whom an event concerns, so that the activity feed can filter on it (migration 006). */
export interface AuditSubject {
  delegation?: string | null
  objectiveUid?: string | null
}

interface AuditEntry {
  negotiationId: string | null
  actor: Pick<Actor, 'userId' | 'delegation'> | null
  action: string
  details?: Record<string, unknown>
  subject?: AuditSubject
}

export interface AuditEvent {
  id: number
  negotiationId: string | null
  at: string
  actor: { userId: number | null; delegation: string | null }
  action: string
  details: Record<string, unknown>
}

const ENTRIES_PER_INSERT = 500

/** The append-only audit log: rows are inserted, never updated or deleted. */
export class AuditLog {
  constructor(private readonly db: Kysely<Database>) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.recordAll([entry])
  }

  /** Records several events in one statement (a bulk decision: one event per proposal). */
  async recordAll(entries: readonly AuditEntry[]): Promise<void> {
    const at = new Date().toISOString()
    if (entries.length <= ENTRIES_PER_INSERT) return this.insert(this.db, entries, at)
    // Bounded statements (SQLite caps the parameters of one), all or none.
    await this.db.transaction().execute(async (trx) => {
      for (let start = 0; start < entries.length; start += ENTRIES_PER_INSERT) {
        await this.insert(trx, entries.slice(start, start + ENTRIES_PER_INSERT), at)
      }
    })
  }

  private async insert(
    db: Kysely<Database>,
    entries: readonly AuditEntry[],
    at: string,
  ): Promise<void> {
    if (entries.length === 0) return
    await db
      .insertInto('audit_events')
      .values(
        entries.map((entry) => ({
          negotiation_id: entry.negotiationId,
          at,
          actor_user_id: entry.actor?.userId ?? null,
          actor_delegation: entry.actor?.delegation ?? null,
          action: entry.action,
          details: JSON.stringify(entry.details ?? {}),
          subject_delegation: entry.subject?.delegation ?? null,
          objective_uid: entry.subject?.objectiveUid ?? null,
        })),
      )
      .execute()
  }

  async list(negotiationId: string): Promise<AuditEvent[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .selectAll()
      .where('negotiation_id', '=', negotiationId)
      .orderBy('id')
      .execute()
    return rows.map((row) => ({
      id: row.id,
      negotiationId: row.negotiation_id,
      at: row.at,
      actor: { userId: row.actor_user_id, delegation: row.actor_delegation },
      action: row.action,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }))
  }
}
