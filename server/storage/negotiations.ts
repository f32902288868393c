import { sql, type Kysely } from 'kysely'
import type { Delegation, NegotiationSummary, Participant } from '../../shared/api.ts'
import { CO_FACILITATORS_COLOR, delegationColorAt } from '../../shared/presence.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import type { Database, NegotiationTable } from './schema.ts'

const presentNegotiation = (row: NegotiationTable): NegotiationSummary => ({
  id: row.id,
  title: row.title,
  language: row.language,
  roomName: draftRoomName(row.id),
  createdAt: row.created_at,
})

/** Negotiations and the delegations taking part in them. */
export class NegotiationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<NegotiationSummary[]> {
    const rows = await this.db
      .selectFrom('negotiations')
      .selectAll()
      .orderBy('created_at')
      .execute()
    return rows.map(presentNegotiation)
  }

  async find(id: string): Promise<NegotiationSummary | undefined> {
    const row = await this.db
      .selectFrom('negotiations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    return row && presentNegotiation(row)
  }

  async participants(
    id: string,
  ): Promise<{ delegations: Participant[]; coFacilitators: Participant[] }> {
    const rows = await this.db
      .selectFrom('negotiation_delegations as nd')
      .innerJoin('delegations as d', 'd.code', 'nd.delegation_code')
      .select(['d.code', 'd.name_fr', 'd.name_en', 'nd.standing', 'nd.color_index'])
      .where('nd.negotiation_id', '=', id)
      .orderBy('d.code')
      .execute()
    const present = (row: (typeof rows)[number]): Participant => ({
      code: row.code,
      nameFr: row.name_fr,
      nameEn: row.name_en,
      color:
        row.standing === 'coFacilitator'
          ? CO_FACILITATORS_COLOR
          : delegationColorAt(Number(row.color_index ?? 0)),
    })
    return {
      delegations: rows.filter((r) => r.standing === 'delegation').map(present),
      coFacilitators: rows.filter((r) => r.standing === 'coFacilitator').map(present),
    }
  }

  async findDelegation(code: string): Promise<Delegation | undefined> {
    const row = await this.db
      .selectFrom('delegations')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirst()
    return row && { code: row.code, nameFr: row.name_fr, nameEn: row.name_en }
  }

  async listDelegations(): Promise<Delegation[]> {
    const rows = await this.db.selectFrom('delegations').selectAll().orderBy('code').execute()
    return rows.map((row) => ({ code: row.code, nameFr: row.name_fr, nameEn: row.name_en }))
  }

  /** Creates or renames a delegation. */
  async saveDelegation(delegation: Delegation): Promise<void> {
    await this.db
      .insertInto('delegations')
      .values({ code: delegation.code, name_fr: delegation.nameFr, name_en: delegation.nameEn })
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({ name_fr: delegation.nameFr, name_en: delegation.nameEn }),
      )
      .execute()
  }

  /**
   * Seats a delegation in a negotiation (as a delegation or as co-facilitator). A delegation
   * new to the negotiation takes the next colour; one seated again keeps its own.
   */
  async seatDelegation(
    negotiationId: string,
    code: string,
    standing: 'delegation' | 'coFacilitator',
  ): Promise<void> {
    await this.db
      .insertInto('negotiation_delegations')
      .values({
        negotiation_id: negotiationId,
        delegation_code: code,
        standing,
        color_index: sql<number>`(select coalesce(max(color_index), -1) + 1
          from negotiation_delegations where negotiation_id = ${negotiationId})`,
      })
      .onConflict((oc) =>
        oc.columns(['negotiation_id', 'delegation_code']).doUpdateSet({ standing }),
      )
      .execute()
  }

  async create(props: { id: string; title: string; language: 'fr' | 'en' }): Promise<void> {
    await this.db
      .insertInto('negotiations')
      .values({
        id: props.id,
        title: props.title,
        language: props.language,
        created_at: new Date().toISOString(),
      })
      .execute()
  }
}
