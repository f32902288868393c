import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isUniqueViolation } from '../../../server/storage/isUniqueViolation.ts'
import { openDatabase, type OpenedDatabase } from '../../../server/storage/openDatabase.ts'
import { SqlDocumentStore } from '../../../server/storage/SqlDocumentStore.ts'
import { storageConfig } from '../../../server/storage/StorageKind.ts'
import {
  createTestStorage,
  removeTestStorage,
  TEST_DATABASE,
  type TestStorage,
} from '../../helpers/servers/index.ts'

const silent = pino({ level: 'silent' })

/** The Yjs update of typing `text` at the end of the document's text. */
function typing(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | null = null
  const capture = (u: Uint8Array) => (update = u)
  doc.on('update', capture)
  doc.getText('t').insert(doc.getText('t').length, text)
  doc.off('update', capture)
  if (!update) throw new Error('no update')
  return update
}

describe(`the document store on ${TEST_DATABASE}`, () => {
  let storage: TestStorage
  let opened: OpenedDatabase
  let store: SqlDocumentStore

  beforeEach(async () => {
    storage = await createTestStorage('draftroom-store-')
    opened = await openDatabase(storageConfig(storage), silent)
    store = new SqlDocumentStore(opened.db)
  })
  afterEach(async () => {
    await opened.db.destroy()
    await removeTestStorage(storage)
  })

  const seqsOf = async (name: string) =>
    (
      await opened.db
        .selectFrom('document_updates')
        .select('seq')
        .where('name', '=', name)
        .orderBy('seq')
        .execute()
    ).map((row) => row.seq)

  it('is new once: the first open migrates an empty database, the next finds it', async () => {
    expect(opened).toMatchObject({ kind: TEST_DATABASE, isNew: true })
    const again = await openDatabase(storageConfig(storage), silent)
    try {
      expect(again.isNew).toBe(false)
    } finally {
      await again.db.destroy()
    }
  })

  it('numbers each document’s updates 1, 2, 3 ... and never gives a number twice', async () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    await store.create('a', Y.encodeStateAsUpdate(a))
    await store.create('b', Y.encodeStateAsUpdate(b))
    await store.append('a', [typing(a, 'un '), typing(a, 'deux ')])
    await store.append('b', [typing(b, 'one ')])
    await store.append('a', [typing(a, 'trois ')])
    expect(await seqsOf('a')).toEqual([1, 2, 3])
    expect(await seqsOf('b')).toEqual([1])

    // Compaction replaces the updates by a snapshot, and the count goes on from there.
    await store.compact('a', Y.encodeStateAsUpdate(a))
    expect(await seqsOf('a')).toEqual([])
    await store.append('a', [typing(a, 'quatre')])
    expect(await seqsOf('a')).toEqual([4])

    const loaded = new Y.Doc()
    const stored = await store.load('a')
    for (const part of [stored.snapshot!, ...stored.updates]) Y.applyUpdate(loaded, part)
    expect(loaded.getText('t').toJSON()).toBe('un deux trois quatre')
  })

  it('gives concurrent appends to one document one number each, without a gap', async () => {
    const doc = new Y.Doc()
    await store.create('busy', Y.encodeStateAsUpdate(doc))
    const batches = Array.from({ length: 20 }, (_, i) => [typing(doc, `${i} `), typing(doc, '. ')])
    await Promise.all(batches.map((batch) => store.append('busy', batch)))
    expect(await seqsOf('busy')).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    // Each batch holds consecutive numbers (one transaction), and the load replays them all.
    const loaded = new Y.Doc()
    for (const update of (await store.load('busy')).updates) Y.applyUpdate(loaded, update)
    expect(loaded.getText('t').toJSON()).toBe(doc.getText('t').toJSON())
  })

  it('keeps Yjs client ids (uint32) and their owners as numbers', async () => {
    const doc = new Y.Doc()
    await store.create('ids', Y.encodeStateAsUpdate(doc))
    const claims = [
      { clientId: 4_294_967_295, owner: 7 },
      { clientId: 2_147_483_648, owner: 'server' as const },
      { clientId: 1, owner: 8 },
    ]
    await store.append('ids', [], claims)
    // A claim made twice keeps its first owner.
    await store.append('ids', [typing(doc, 'x')], [{ clientId: 1, owner: 9 }])
    const { claims: stored } = await store.load('ids')
    expect(stored.sort((x, y) => x.clientId - y.clientId)).toEqual(
      [...claims].sort((x, y) => x.clientId - y.clientId),
    )
  })

  it('tells a unique key’s refusal apart from other errors', async () => {
    const user = {
      username: 'deux-fois',
      display_name: 'Deux fois',
      password_hash: 'x',
      delegation_code: null,
      is_secretariat: 0,
      is_active: 1,
      created_at: new Date().toISOString(),
    }
    await opened.db.insertInto('users').values(user).execute()
    const error: unknown = await opened.db
      .insertInto('users')
      .values(user)
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(isUniqueViolation(error)).toBe(true)
    expect(isUniqueViolation(new Error('UNIQUE constraint failed'))).toBe(false)
  })
})
