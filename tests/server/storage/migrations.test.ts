import { Migrator, sql } from 'kysely'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrationsFor } from '../../../server/storage/migrations/index.ts'
import { connectDatabase, openDatabase } from '../../../server/storage/openDatabase.ts'
import { storageConfig } from '../../../server/storage/StorageKind.ts'
import {
  createTestStorage,
  removeTestStorage,
  TEST_DATABASE,
  type TestStorage,
} from '../../helpers/servers/index.ts'

const silent = pino({ level: 'silent' })

describe(`the migrations on ${TEST_DATABASE}`, () => {
  let storage: TestStorage
  beforeEach(async () => {
    storage = await createTestStorage('draftroom-migrations-')
  })
  afterEach(() => removeTestStorage(storage))

  it('number the updates of a database from before per-document sequences, in their order', async () => {
    // A database as the releases before migration 005 left it: one autoincrement for all.
    const old = connectDatabase(storageConfig(storage), silent)
    const all = migrationsFor(TEST_DATABASE)
    const before005 = Object.fromEntries(Object.entries(all).filter(([name]) => name < '005'))
    const { error } = await new Migrator({
      db: old,
      provider: { getMigrations: () => Promise.resolve(before005) },
    }).migrateToLatest()
    expect(error).toBeUndefined()
    for (const [name, byte] of [
      ['a', 1],
      ['b', 2],
      ['a', 3],
      ['a', 4],
      ['b', 5],
    ] as const) {
      await sql`insert into document_updates (name, data) values (${name}, ${Buffer.from([byte])})`.execute(
        old,
      )
    }
    await old.destroy()

    const { db, isNew } = await openDatabase(storageConfig(storage), silent)
    try {
      expect(isNew).toBe(false)
      const rows = await db
        .selectFrom('document_updates')
        .select(['name', 'seq', 'data'])
        .orderBy('name')
        .orderBy('seq')
        .execute()
      expect(rows.map((row) => [row.name, row.seq, [...row.data]])).toEqual([
        ['a', 1, [1]],
        ['a', 2, [3]],
        ['a', 3, [4]],
        ['b', 1, [2]],
        ['b', 2, [5]],
      ])
      const sequences = await db
        .selectFrom('document_sequences')
        .selectAll()
        .orderBy('name')
        .execute()
      expect(sequences).toEqual([
        { name: 'a', last_seq: 3 },
        { name: 'b', last_seq: 2 },
      ])
    } finally {
      await db.destroy()
    }
  })
})
