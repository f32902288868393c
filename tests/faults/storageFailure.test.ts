import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { isSnapshotContained } from '../../shared/savedState.ts'
import { ApiClient, userIdOf } from '../helpers/accounts.ts'
import { fetchDraftDocument } from '../helpers/fetchDraft.ts'
import { FailingStoreServer } from '../helpers/failingStore.ts'
import { authorizationFor } from '../helpers/testCredentials.ts'
import {
  type ClientOptions,
  type YClient,
  blockByUid,
  blockText,
  connectClient,
  draftJson,
  draftText,
  type DocJson,
  insertText,
  pickBlocks,
  uidOf,
  waitFor,
  waitForConvergence,
} from '../helpers/yClients.ts'

/**
 * Storage failures (a full disk): the server holds what it cannot store, in order, in memory,
 * and broadcasts nothing it has not stored (DESIGN.md 6); Draftroom clients are told
 * (`not_saving`), are not shown as saved, and the server keeps serving health checks and other
 * rooms. When storage recovers the held updates are committed and broadcast, clients are told
 * (`saving`), converge, and what is stored (read from the store itself, then after a restart)
 * is everything.
 */

const ROOM = draftRoomName(DEMO_NEGOTIATION_ID)
const OTHER_NEGOTIATION = 'autre-texte'

let server: FailingStoreServer
const clients: YClient[] = []

beforeAll(async () => {
  server = await FailingStoreServer.start({ roomIdleMs: 200 })
  // A second negotiation, where the test actor (che) is a co-facilitator too.
  const secretariat = await ApiClient.signedIn(server.url, 'secretariat')
  const created = await secretariat.request('POST', '/api/negotiations', {
    id: OTHER_NEGOTIATION,
    title: 'Autre texte',
  })
  expect(created.status).toBe(201)
  const role = await secretariat.request(
    'PUT',
    `/api/negotiations/${OTHER_NEGOTIATION}/roles/${await userIdOf(secretariat, 'che')}`,
    { role: 'coFacilitator' },
  )
  expect(role.status).toBe(204)
})

afterEach(() => {
  server.store.recover()
  for (const client of clients.splice(0)) client.destroy()
})

afterAll(async () => {
  await server?.dispose()
})

async function join(name: string, options: ClientOptions = {}, room = ROOM): Promise<YClient> {
  const client = await connectClient(server.collabUrl, room, { name, ...options })
  clients.push(client)
  return client
}

/** The updates of `client`'s own that `snapshot` lacks. */
const missingFrom = (snapshot: Y.Snapshot, client: YClient): Uint8Array[] =>
  client.localUpdates.filter((update) => !Y.snapshotContainsUpdate(snapshot, update))

/** Whether the server told `client` it stored every edit the client made. */
const isOwnWorkSaved = (client: YClient): boolean =>
  client.lastStored !== null && missingFrom(client.lastStored, client).length === 0

const noticeCodes = (client: YClient): string[] =>
  client.notices.map((notice) =>
    String(
      typeof notice === 'object' && notice !== null && 'code' in notice ? notice.code : notice,
    ),
  )

/** What the store holds for the demo draft, read through the store itself (no room, no cache). */
async function storedDraft(): Promise<DocJson> {
  const stored = await server.store.load(ROOM)
  const doc = new Y.Doc()
  const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
  Y.applyUpdate(doc, Y.mergeUpdates(parts))
  return draftJson(doc)
}

/** Waits until the store has refused `count` more writes: the room has tried, and retried. */
async function waitForRefusals(count: number): Promise<void> {
  const target = server.store.refused.length + count
  await waitFor(
    () => server.store.refused.length >= target,
    5_000,
    () => `${count} refused writes (${server.store.refused.length} so far)`,
  )
}

describe('a full disk', () => {
  it('holds edits, tells Draftroom clients, keeps serving, and commits everything on recovery', async () => {
    const writer = await join('writer', { draftroom: true })
    const reader = await join('reader', { draftroom: true })
    const stock = await join('stock')
    const [writerBlock, readerBlock] = pickBlocks(writer.doc, 2).map((block) => uidOf(block)!)
    insertText(blockByUid(writer.doc, writerBlock!), 0, 'Avant la panne : ')
    await waitFor(
      () => isOwnWorkSaved(writer),
      5_000,
      () => 'the first edit stored',
    )
    const storedBefore = writer.storedSnapshots.length

    server.store.fail()
    for (const word of ['Pendant ', 'la ', 'panne ']) {
      insertText(blockByUid(writer.doc, writerBlock!), 0, word)
    }
    insertText(blockByUid(reader.doc, readerBlock!), 0, '« lecteur » ')
    const heldText = blockText(blockByUid(writer.doc, writerBlock!))
    await waitFor(
      () =>
        noticeCodes(writer).includes('not_saving') && noticeCodes(reader).includes('not_saving'),
      5_000,
      () =>
        `not_saving notices (writer: ${noticeCodes(writer).join()}, reader: ${noticeCodes(reader).join()})`,
    )
    // The first attempt and one retry (a second later) failed: anything broadcast meanwhile
    // would have arrived by now.
    await waitForRefusals(2)

    expect(noticeCodes(stock), 'a stock client gets no Draftroom notice').toEqual([])
    expect(
      blockText(blockByUid(reader.doc, writerBlock!)),
      'the reader sees nothing held',
    ).not.toContain('Pendant')
    expect(blockText(blockByUid(stock.doc, readerBlock!))).not.toContain('lecteur')
    for (const client of [writer, reader]) {
      const local = Y.snapshot(client.doc)
      expect(
        client.storedSnapshots.some((stored) => isSnapshotContained(local, stored)),
        `${client.name} shown as saved during the outage`,
      ).toBe(false)
      expect(missingFrom(client.lastStored!, client).length).toBeGreaterThan(0)
    }
    expect(writer.storedSnapshots.length, 'no `stored` during the outage').toBe(storedBefore)

    // The server keeps serving: its health, and another negotiation's room and draft.
    const health = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) })
    expect(health.status).toBe(200)
    const elsewhere = await join('elsewhere', {}, draftRoomName(OTHER_NEGOTIATION))
    expect(draftText(elsewhere.doc)).toBe('Préambule\n')
    const otherDraft = await fetch(`${server.url}/api/negotiations/${OTHER_NEGOTIATION}/draft`, {
      headers: authorizationFor(server.url),
      signal: AbortSignal.timeout(2_000),
    })
    expect(otherDraft.status).toBe(200)
    expect(writer.serverCloses).toEqual([])

    server.store.recover()
    await waitFor(
      () => noticeCodes(writer).includes('saving') && noticeCodes(reader).includes('saving'),
      5_000,
      () =>
        `saving notices (writer: ${noticeCodes(writer).join()}, reader: ${noticeCodes(reader).join()})`,
    )
    await waitForConvergence([writer, reader, stock])
    expect(blockText(blockByUid(stock.doc, writerBlock!))).toBe(heldText)
    await waitFor(
      () => isOwnWorkSaved(writer) && isOwnWorkSaved(reader),
      5_000,
      () => 'every held edit acknowledged',
    )
    const expected = draftJson(writer.doc)
    expect(await fetchDraftDocument(server, DEMO_NEGOTIATION_ID)).toEqual(expected)
    // In the store itself, before any clean shutdown could compact it from memory.
    expect(await storedDraft()).toEqual(expected)

    for (const client of clients) client.disconnect()
    await server.restart()
    const fresh = await join('fresh')
    expect(draftJson(fresh.doc)).toEqual(expected)
  })

  it('keeps held edits when every client leaves during the outage', async () => {
    const writer = await join('writer', { draftroom: true })
    const [block] = pickBlocks(writer.doc, 1).map((b) => uidOf(b)!)
    server.store.fail()
    insertText(blockByUid(writer.doc, block!), 0, 'Écrit puis parti : ')
    const expected = draftJson(writer.doc)
    await waitFor(
      () => noticeCodes(writer).includes('not_saving'),
      5_000,
      () => 'not_saving',
    )
    // The room's last client goes; the room would unload, but must not drop what it holds.
    writer.destroy()
    await waitForRefusals(2)

    server.store.recover()
    await waitFor(
      async () => JSON.stringify(await storedDraft()) === JSON.stringify(expected),
      5_000,
      () => 'the held edit in the store after recovery',
    )
    const fresh = await join('fresh')
    expect(draftJson(fresh.doc)).toEqual(expected)
  })

  it('does not strand edits that arrive while a compaction fails', async () => {
    const writer = await join('writer', { draftroom: true })
    const reader = await join('reader')
    const [block] = pickBlocks(writer.doc, 1).map((b) => uidOf(b)!)
    // Only compactions fail, slowly: appends go through, so edits are still committed.
    server.store.fail({ writes: ['compact'], delayMs: 300 })
    const compactions = () => server.store.attempted.filter((write) => write.write === 'compact')
    const before = compactions().length
    let typed = 0
    const type = () => {
      typed++
      insertText(blockByUid(writer.doc, block!), 0, String.fromCharCode(97 + (typed % 26)))
    }
    // Type until the room compacts (COMPACTION_THRESHOLD_UPDATES), then a few keystrokes more
    // while the compaction is under way, and stop.
    await waitFor(
      () => {
        for (let i = 0; i < 10 && compactions().length === before; i++) type()
        return compactions().length > before
      },
      30_000,
      () => `a compaction (${typed} keystrokes)`,
    )
    for (let i = 0; i < 3; i++) type()
    await waitFor(
      () => server.store.refused.some((write) => write.write === 'compact'),
      5_000,
      () => 'the compaction failing',
    )

    // Known bug: Room.compact() restarts the flush of the outbox only when the compaction
    // succeeds; when it throws, what arrived during it stays in the outbox, neither stored nor
    // broadcast, until another update comes to the room.
    // Once a bug (edits stranded by a failed compaction): kept as a regression test.
    await waitForConvergence([writer, reader], 3_000, 'edits typed during a failed compaction: ')
    await waitFor(
      () => isOwnWorkSaved(writer),
      3_000,
      () => 'the writer told all is stored',
    )
    // Stranded is not lost: the next update to the room takes it along.
    type()
    await waitForConvergence([writer, reader], 5_000, 'after one more keystroke: ')
    await waitFor(
      () => isOwnWorkSaved(writer),
      5_000,
      () => 'the writer told all is stored',
    )
  })
})
