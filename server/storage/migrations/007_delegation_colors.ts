import { sql, type Kysely } from 'kysely'
import type { Ddl } from './ddl.ts'

/**
 * A colour per delegation in each negotiation: `color_index` into the delegation palette,
 * given once when the delegation joins (the lowest free one) and never changed, so that
 * "France's colour" stays France's and no two delegations of a negotiation share one while
 * the palette lasts. Delegations already in a negotiation are numbered in code order.
 */
export async function up(db: Kysely<unknown>, ddl: Ddl): Promise<void> {
  await ddl.atomically(db, async (db) => {
    await db.schema
      .alterTable('negotiation_delegations')
      .addColumn('color_index', 'integer')
      .execute()
    await sql`
      update negotiation_delegations set color_index = (
        select count(*) from negotiation_delegations as earlier
        where earlier.negotiation_id = negotiation_delegations.negotiation_id
          and earlier.delegation_code < negotiation_delegations.delegation_code
      )`.execute(db)
  })
}
