import type { Kysely } from 'kysely'
import type { RevisionSummary } from '../../shared/revisions.ts'
import type { Database, RevisionTable } from './schema.ts'

const present = (row: Omit<RevisionTable, 'content_json' | 'yjs_state'>): RevisionSummary => ({
  id: row.id,
  negotiationId: row.negotiation_id,
  symbol: row.symbol,
  title: row.title,
  publishedAt: row.published_at,
  author: row.author_name,
  source: row.source,
  contentHash: row.content_hash,
  roundId: row.round_id,
})

const SUMMARY_COLUMNS = [
  'id',
  'negotiation_id',
  'symbol',
  'title',
  'published_at',
  'author_user_id',
  'author_name',
  'source',
  'content_hash',
  'round_id',
] as const

/** Published revisions: inserted once, never updated. */
export class RevisionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(negotiationId: string): Promise<RevisionSummary[]> {
    const rows = await this.db
      .selectFrom('revisions')
      .select(SUMMARY_COLUMNS)
      .where('negotiation_id', '=', negotiationId)
      .orderBy('published_at')
      .orderBy('id')
      .execute()
    return rows.map(present)
  }

  async find(negotiationId: string, id: string) {
    const row = await this.db
      .selectFrom('revisions')
      .selectAll()
      .where('negotiation_id', '=', negotiationId)
      .where('id', '=', id)
      .executeTakeFirst()
    return row && { summary: present(row), contentJson: row.content_json, yjsState: row.yjs_state }
  }

  async symbolExists(negotiationId: string, symbol: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('revisions')
      .select('id')
      .where('negotiation_id', '=', negotiationId)
      .where('symbol', '=', symbol)
      .executeTakeFirst()
    return row !== undefined
  }

  async insert(row: RevisionTable): Promise<void> {
    await this.db.insertInto('revisions').values(row).execute()
  }
}
