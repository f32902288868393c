import type { Kysely, SelectQueryBuilder } from 'kysely'
import { ACTIVITY_ACTIONS } from '../../shared/activity.ts'
import type { Database } from './schema.ts'

/** An audit event as the activity feed reads it, with the actor's name. */
export interface ActivityRow {
  id: number
  at: string
  action: string
  actorName: string | null
  actorDelegation: string | null
  subjectDelegation: string | null
  objectiveUid: string | null
  details: Record<string, unknown>
}

export interface ActivityFilter {
  /** Events concerning this delegation, or done by it. */
  delegation?: string
  objectiveUid?: string
}

type AuditQuery = SelectQueryBuilder<Database, 'audit_events', object>

/** The audit log read as a negotiation's activity, and what each user has seen of it. */
export class ActivityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Events of the feed older than `before` (newest first), at most `limit`. */
  async older(
    negotiationId: string,
    filter: ActivityFilter,
    props: { before: number | null; limit: number },
  ): Promise<ActivityRow[]> {
    let query = this.feed(negotiationId, filter)
    if (props.before !== null) query = query.where('audit_events.id', '<', props.before)
    const rows = await query
      .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
      .select([
        'audit_events.id',
        'audit_events.at',
        'audit_events.action',
        'audit_events.actor_delegation',
        'audit_events.subject_delegation',
        'audit_events.objective_uid',
        'audit_events.details',
        'users.display_name',
      ])
      .orderBy('audit_events.id', 'desc')
      .limit(props.limit)
      .execute()
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      actorName: row.display_name,
      actorDelegation: row.actor_delegation,
      subjectDelegation: row.subject_delegation,
      objectiveUid: row.objective_uid,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }))
  }

  /** How many events of each action came after `after`, with their subject delegation. */
  async countsSince(
    negotiationId: string,
    after: number,
  ): Promise<{ action: string; subjectDelegation: string | null; count: number }[]> {
    const rows = await this.feed(negotiationId, {})
      .where('audit_events.id', '>', after)
      .select(({ fn }) => [
        'audit_events.action',
        'audit_events.subject_delegation',
        fn.countAll<number | string>().as('count'),
      ])
      .groupBy(['audit_events.action', 'audit_events.subject_delegation'])
      .execute()
    // PostgreSQL answers count(*) as a bigint string.
    return rows.map((row) => ({
      action: row.action,
      subjectDelegation: row.subject_delegation,
      count: Number(row.count),
    }))
  }

  async seenUpTo(userId: number, negotiationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('activity_reads')
      .select('seen_up_to')
      .where('user_id', '=', userId)
      .where('negotiation_id', '=', negotiationId)
      .executeTakeFirst()
    return row?.seen_up_to ?? 0
  }

  /** Moves the user's mark forward only: a late request never makes news unread again. */
  async markSeen(userId: number, negotiationId: string, upTo: number): Promise<number> {
    await this.db
      .insertInto('activity_reads')
      .values({ user_id: userId, negotiation_id: negotiationId, seen_up_to: upTo })
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'negotiation_id'])
          .doUpdateSet({ seen_up_to: upTo })
          .where('activity_reads.seen_up_to', '<', upTo),
      )
      .execute()
    return this.seenUpTo(userId, negotiationId)
  }

  /** The newest event of the feed, 0 when there is none. */
  async newestId(negotiationId: string): Promise<number> {
    const row = await this.feed(negotiationId, {})
      .select(({ fn }) => fn.max('audit_events.id').as('newest'))
      .executeTakeFirst()
    return Number(row?.newest ?? 0)
  }

  private feed(negotiationId: string, filter: ActivityFilter): AuditQuery {
    let query: AuditQuery = this.db
      .selectFrom('audit_events')
      .where('audit_events.negotiation_id', '=', negotiationId)
      .where('audit_events.action', 'in', [...ACTIVITY_ACTIONS])
    const { delegation, objectiveUid } = filter
    if (delegation) {
      query = query.where((eb) =>
        eb.or([
          eb('audit_events.subject_delegation', '=', delegation),
          eb('audit_events.actor_delegation', '=', delegation),
        ]),
      )
    }
    if (objectiveUid) query = query.where('audit_events.objective_uid', '=', objectiveUid)
    return query
  }
}
