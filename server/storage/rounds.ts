import type { Kysely } from 'kysely'
import type { Round } from '../../shared/rounds.ts'
import type { Database, RoundTable } from './schema.ts'

const present = (row: RoundTable): Round => ({
  id: row.id,
  negotiationId: row.negotiation_id,
  kind: row.kind,
  name: row.name,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  createdAt: row.created_at,
})

/** The rounds of each negotiation. */
export class RoundRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** By start date, then creation: oldest first. */
  async list(negotiationId: string): Promise<Round[]> {
    const rows = await this.db
      .selectFrom('rounds')
      .selectAll()
      .where('negotiation_id', '=', negotiationId)
      .orderBy('starts_on')
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    return rows.map(present)
  }

  async find(negotiationId: string, id: string): Promise<Round | null> {
    const row = await this.db
      .selectFrom('rounds')
      .selectAll()
      .where('negotiation_id', '=', negotiationId)
      .where('id', '=', id)
      .executeTakeFirst()
    return row ? present(row) : null
  }

  async insert(row: RoundTable): Promise<void> {
    await this.db.insertInto('rounds').values(row).execute()
  }

  async update(
    id: string,
    changes: Partial<Pick<RoundTable, 'kind' | 'name' | 'starts_on' | 'ends_on'>>,
  ): Promise<void> {
    if (Object.keys(changes).length === 0) return
    await this.db.updateTable('rounds').set(changes).where('id', '=', id).execute()
  }
}
