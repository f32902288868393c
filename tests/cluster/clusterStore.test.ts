import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ClusterStore, LeaseLostError } from '../../server/cluster/ClusterStore.ts'
import { createLogger } from '../../server/logger.ts'
import { openDatabase } from '../../server/storage/openDatabase.ts'
import type { Database } from '../../server/storage/schema.ts'
import { createTestStorage, removeTestStorage, type TestStorage } from '../helpers/servers/index.ts'

/**
 * The lease and the fenced commits on PostgreSQL itself: who owns a document, and that an owner
 * that lost its lease (paused past it) commits nothing, whatever it still believes.
 */
let storage: TestStorage
let db: Kysely<Database>
let store: ClusterStore

beforeAll(async () => {
  storage = await createTestStorage('draftroom-lease-', 'postgres')
  ;({ db } = await openDatabase(
    { kind: 'postgres', url: storage.databaseUrl! },
    createLogger('silent'),
  ))
  store = new ClusterStore(db)
})

afterAll(async () => {
  await db?.destroy()
  if (storage) await removeTestStorage(storage)
})

const bytes = (...values: number[]) => new Uint8Array(values)
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('document leases and fenced commits', () => {
  it('gives a free document to the first claimant, and to another only once it expired', async () => {
    expect(await store.claimLease('doc-a', 'A', 200)).toEqual({ owner: 'A', epoch: 1, lastSeq: 0 })
    expect((await store.claimLease('doc-a', 'B', 200)).owner).toBe('A')
    // Renewing keeps the epoch.
    expect(await store.claimLease('doc-a', 'A', 200)).toMatchObject({ owner: 'A', epoch: 1 })
    await wait(300)
    expect(await store.claimLease('doc-a', 'B', 200)).toMatchObject({ owner: 'B', epoch: 2 })
    expect((await store.claimLease('doc-a', 'A', 200)).owner).toBe('B')
  })

  it('refuses the commit of an owner that lost its lease, and numbers the new owner’s', async () => {
    await store.claimLease('doc-b', 'A', 100)
    expect(await store.appendFenced('doc-b', { owner: 'A', epoch: 1 }, [bytes(1)], [])).toBe(1)
    await wait(200)
    await store.claimLease('doc-b', 'B', 5_000)
    await expect(
      store.appendFenced('doc-b', { owner: 'A', epoch: 1 }, [bytes(2), bytes(3)], []),
    ).rejects.toBeInstanceOf(LeaseLostError)
    expect(await store.appendFenced('doc-b', { owner: 'B', epoch: 2 }, [bytes(4)], [])).toBe(2)
    expect(await store.updatesAfter('doc-b', 0)).toEqual([
      { seq: 1, data: bytes(1) },
      { seq: 2, data: bytes(4) },
    ])
    expect((await store.claimLease('doc-b', 'B', 5_000)).lastSeq).toBe(2)
  })

  it('compacts only what the snapshot covers, and only for the owner', async () => {
    await store.claimLease('doc-c', 'A', 5_000)
    const lease = { owner: 'A', epoch: 1 }
    await store.appendFenced('doc-c', lease, [bytes(1), bytes(2), bytes(3)], [])
    await expect(
      store.compactFenced('doc-c', { owner: 'B', epoch: 1 }, bytes(9), 3),
    ).rejects.toBeInstanceOf(LeaseLostError)
    await store.compactFenced('doc-c', lease, bytes(9), 2)
    expect(await store.updatesAfter('doc-c', 0)).toEqual([{ seq: 3, data: bytes(3) }])
    const loaded = await store.load('doc-c')
    expect(loaded).toMatchObject({ snapshot: bytes(9), updates: [bytes(3)], lastSeq: 3 })
    // A released lease is free at once.
    await store.releaseLease('doc-c', 'A', 1)
    expect(await store.claimLease('doc-c', 'B', 5_000)).toMatchObject({ owner: 'B', epoch: 2 })
  })
})
