import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

/** Sessions (by token hash) and personal API tokens (by token hash). */
export class CredentialRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createSession(props: {
    tokenHash: string
    userId: number
    csrfToken: string
    expiresAt: Date
  }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: props.tokenHash,
        user_id: props.userId,
        csrf_token: props.csrfToken,
        created_at: new Date().toISOString(),
        expires_at: props.expiresAt.toISOString(),
      })
      .execute()
  }

  async findSession(tokenHash: string) {
    return this.db
      .selectFrom('sessions')
      .select(['user_id', 'csrf_token', 'expires_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst()
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
  }

  async deleteSessionsOf(userId: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute()
  }

  async createApiToken(props: { userId: number; name: string; tokenHash: string }) {
    return this.db
      .insertInto('api_tokens')
      .values({
        user_id: props.userId,
        name: props.name,
        token_hash: props.tokenHash,
        created_at: new Date().toISOString(),
        revoked_at: null,
      })
      .returning(['id', 'name', 'created_at'])
      .executeTakeFirstOrThrow()
  }

  async findActiveApiToken(tokenHash: string) {
    return this.db
      .selectFrom('api_tokens')
      .select(['id', 'user_id'])
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
  }

  async listApiTokens(userId: number) {
    return this.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'created_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute()
  }

  /** Revokes every token of a user still in force; returns the ids it revoked. */
  async revokeApiTokensOf(userId: number, revokedAt: Date): Promise<number[]> {
    const rows = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: revokedAt.toISOString() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute()
    return rows.map((row) => row.id)
  }

  /** Revokes one of the user's tokens; returns whether there was one to revoke. */
  async revokeApiToken(userId: number, id: number): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    return result.numUpdatedRows > 0n
  }
}
