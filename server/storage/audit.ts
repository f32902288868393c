import type { Kysely } from 'kysely'
import type { Actor } from '../auth/Actor.ts'
import type { Database } from './schema.ts'

export interface AuditEvent {
  id: number
  negotiationId: string | null
  at: string
  actor: { userId: number | null; delegation: string | null }
  action: string
  details: Record<string, unknown>
}

/** The append-only audit log: rows are inserted, never updated or deleted. */
export class AuditLog {
  constructor(private readonly db: Kysely<Database>) {}

  async record(props: {
    negotiationId: string | null
    actor: Pick<Actor, 'userId' | 'delegation'> | null
    action: string
    details?: Record<string, unknown>
  }): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({
        negotiation_id: props.negotiationId,
        at: new Date().toISOString(),
        actor_user_id: props.actor?.userId ?? null,
        actor_delegation: props.actor?.delegation ?? null,
        action: props.action,
        details: JSON.stringify(props.details ?? {}),
      })
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
