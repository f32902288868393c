import type { Kysely } from 'kysely'
import type { Role } from '../../shared/permissions.ts'
import type { Database, UserTable } from './schema.ts'

export interface UserRecord {
  id: number
  username: string
  displayName: string
  passwordHash: string
  delegation: string | null
  isSecretariat: boolean
  isActive: boolean
}

const toRecord = (row: Omit<UserTable, 'id' | 'created_at'> & { id: number }): UserRecord => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  delegation: row.delegation_code,
  isSecretariat: row.is_secretariat === 1,
  isActive: row.is_active === 1,
})

/** Users and their role in each negotiation. */
export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst()
    return row && toRecord(row)
  }

  async findById(id: number): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    return row && toRecord(row)
  }

  async list(): Promise<UserRecord[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute()
    return rows.map(toRecord)
  }

  async create(props: {
    username: string
    displayName: string
    passwordHash: string
    delegation: string | null
    isSecretariat: boolean
  }): Promise<number> {
    const row = await this.db
      .insertInto('users')
      .values({
        username: props.username,
        display_name: props.displayName,
        password_hash: props.passwordHash,
        delegation_code: props.delegation,
        is_secretariat: props.isSecretariat ? 1 : 0,
        is_active: 1,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  async setPasswordHash(id: number, passwordHash: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', id)
      .execute()
  }

  async setActive(id: number, isActive: boolean): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ is_active: isActive ? 1 : 0 })
      .where('id', '=', id)
      .execute()
  }

  async roleIn(userId: number, negotiationId: string): Promise<Role | null> {
    const row = await this.db
      .selectFrom('roles')
      .select('role')
      .where('user_id', '=', userId)
      .where('negotiation_id', '=', negotiationId)
      .executeTakeFirst()
    return row?.role ?? null
  }

  async roles(userId: number): Promise<{ negotiationId: string; role: Role }[]> {
    const rows = await this.db
      .selectFrom('roles')
      .select(['negotiation_id', 'role'])
      .where('user_id', '=', userId)
      .orderBy('negotiation_id')
      .execute()
    return rows.map((row) => ({ negotiationId: row.negotiation_id, role: row.role }))
  }

  async membersOf(negotiationId: string): Promise<{ userId: number; role: Role }[]> {
    const rows = await this.db
      .selectFrom('roles')
      .select(['user_id', 'role'])
      .where('negotiation_id', '=', negotiationId)
      .execute()
    return rows.map((row) => ({ userId: row.user_id, role: row.role }))
  }

  /** Sets (or with `null`, removes) a user's role in a negotiation. */
  async setRole(userId: number, negotiationId: string, role: Role | null): Promise<void> {
    if (role === null) {
      await this.db
        .deleteFrom('roles')
        .where('user_id', '=', userId)
        .where('negotiation_id', '=', negotiationId)
        .execute()
      return
    }
    await this.db
      .insertInto('roles')
      .values({ user_id: userId, negotiation_id: negotiationId, role })
      .onConflict((oc) => oc.columns(['user_id', 'negotiation_id']).doUpdateSet({ role }))
      .execute()
  }
}
