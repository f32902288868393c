import type { Kysely } from 'kysely'
import { SilenceProcedure } from '../../shared/silence/silenceSchema.ts'
import type { Database } from './schema.ts'

export interface StoredProcedure {
  procedure: SilenceProcedure
  version: number
}

const parse = (row: { state_json: string; version: number }): StoredProcedure => ({
  procedure: SilenceProcedure.parse(JSON.parse(row.state_json)),
  version: row.version,
})

/**
 * Silence procedures. Every change is a compare-and-set on `version`: of two writers racing
 * (a break and the deadline, or two server processes settling), exactly one wins and the other
 * re-reads; so a procedure is settled exactly once.
 */
export class SilenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(procedure: SilenceProcedure): Promise<void> {
    await this.db
      .insertInto('silence_procedures')
      .values({
        id: procedure.id,
        negotiation_id: procedure.negotiationId,
        revision_id: procedure.revisionId,
        status: procedure.status,
        deadline: procedure.deadline,
        state_json: JSON.stringify(procedure),
        version: 0,
      })
      .execute()
  }

  async find(negotiationId: string, id: string): Promise<StoredProcedure | undefined> {
    const row = await this.db
      .selectFrom('silence_procedures')
      .select(['state_json', 'version'])
      .where('negotiation_id', '=', negotiationId)
      .where('id', '=', id)
      .executeTakeFirst()
    return row && parse(row)
  }

  async list(negotiationId: string): Promise<StoredProcedure[]> {
    const rows = await this.db
      .selectFrom('silence_procedures')
      .select(['state_json', 'version'])
      .where('negotiation_id', '=', negotiationId)
      .orderBy('deadline')
      .execute()
    return rows
      .map(parse)
      .sort((a, b) => a.procedure.startedAt.localeCompare(b.procedure.startedAt))
  }

  async listRunning(): Promise<StoredProcedure[]> {
    const rows = await this.db
      .selectFrom('silence_procedures')
      .select(['state_json', 'version'])
      .where('status', '=', 'running')
      .execute()
    return rows.map(parse)
  }

  /** Writes `next` if the stored version is still `version`; returns whether it did. */
  async compareAndSet(next: SilenceProcedure, version: number): Promise<boolean> {
    const result = await this.db
      .updateTable('silence_procedures')
      .set({
        status: next.status,
        deadline: next.deadline,
        state_json: JSON.stringify(next),
        version: version + 1,
      })
      .where('id', '=', next.id)
      .where('version', '=', version)
      .executeTakeFirst()
    return result.numUpdatedRows > 0n
  }
}
