import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { COLLAB_PATH, draftRoomName } from '../../shared/collabProtocol.ts'
import { Random } from '../collab/random.ts'
import { startServer } from '../helpers/servers/index.ts'
import { fetchDraftDocument } from '../helpers/fetchDraft.ts'
import { FaultProxy, NO_FAULTS } from '../helpers/faultProxy.ts'
import { tokenFor } from '../helpers/testCredentials.ts'
import {
  type YClient,
  connectClient,
  draftJson,
  waitFor,
  waitForConvergence,
} from '../helpers/yClients.ts'
import { RandomEditor } from './randomEdits.ts'
import { numberFromEnv, runSeed, seedsFromEnv } from './seeds.ts'

/**
 * Editing over a bad network: four clients reach the server through a proxy that delays every
 * message by 0-80 ms (order kept), delivers some twice and now and then cuts a connection (the
 * clients reconnect by themselves); a fifth client is connected directly. While they type at
 * random, and after the network heals, every client must converge on the server's draft, no
 * connection may be closed for bad input (a duplicate or a late message is not an attack), and
 * the server must have stored what the Draftroom clients typed.
 *
 * `NETWORK_SEEDS=3,17` replays seeds (default 1..3); `NETWORK_EDIT_MS` sets how long each seed
 * types (default 3000).
 */

const ROOM = draftRoomName(DEMO_NEGOTIATION_ID)
const SEEDS = seedsFromEnv('NETWORK_SEEDS', 3)
const EDIT_MS = numberFromEnv('NETWORK_EDIT_MS', 3_000)
const PROXIED_CLIENTS = 4
const FAULTS = { maxDelayMs: 80, duplicateChance: 0.1, dropChance: 0.004 }
/** Closes a lost connection is reported with; anything else would be the server refusing input. */
const NETWORK_CLOSE_CODES = [1005, 1006]

/** The updates of `client`'s own that `snapshot` lacks. */
const missingFrom = (snapshot: Y.Snapshot, client: YClient): Uint8Array[] =>
  client.localUpdates.filter((update) => !Y.snapshotContainsUpdate(snapshot, update))

async function flakySeed(seed: number, trace: string[]): Promise<void> {
  const random = new Random(seed)
  const server = await startServer({ inProcess: true })
  // The proxy draws from its own generator, so that its faults do not depend on the edits.
  const proxy = await FaultProxy.start({
    target: `ws://127.0.0.1:${server.port}`,
    random: (() => {
      const faultRandom = new Random(seed * 7_919 + 1)
      return () => faultRandom.next()
    })(),
  })
  const clients: YClient[] = []
  const draftroomClients: YClient[] = []
  try {
    const token = tokenFor(server.url)
    if (!token) throw new Error('no token registered for the server')
    for (let i = 0; i < PROXIED_CLIENTS; i++) {
      const isDraftroom = i % 2 === 0
      const client = await connectClient(`${proxy.url}${COLLAB_PATH}`, ROOM, {
        name: `proxied${i}`,
        draftroom: isDraftroom,
        maxBackoffTime: 200,
        params: { access_token: token },
      })
      clients.push(client)
      if (isDraftroom) draftroomClients.push(client)
    }
    const direct = await connectClient(server.collabUrl, ROOM, { name: 'direct', draftroom: true })
    clients.push(direct)
    draftroomClients.push(direct)
    const editor = new RandomEditor(random, clients, trace)

    proxy.setFaults(FAULTS)
    trace.push(`typing ${EDIT_MS} ms through the faulty proxy`)
    const end = Date.now() + EDIT_MS
    while (Date.now() < end) {
      await editor.typeFor(100 + random.int(400))
      if (random.chance(0.2)) trace.push(`outage: ${proxy.dropAll()} connections cut at once`)
    }

    trace.push(`healing the network (${JSON.stringify(proxy.stats)})`)
    proxy.setFaults(NO_FAULTS)
    await waitFor(
      () => clients.every((client) => client.isSynced),
      10_000,
      () => `every client connected and synced again`,
    )
    await waitForConvergence(clients, 20_000, `seed ${seed}: `)
    const expected = draftJson(clients[0]!.doc)
    expect(await fetchDraftDocument(server, DEMO_NEGOTIATION_ID), "the server's draft").toEqual(
      expected,
    )
    // The server stored what each Draftroom client typed, and told it so.
    await waitFor(
      () =>
        draftroomClients.every(
          (client) => client.lastStored && missingFrom(client.lastStored, client).length === 0,
        ),
      10_000,
      () => 'the Draftroom clients told that all their edits are stored',
    )

    // The faults happened, and none of them made the server take a client for an attacker.
    expect(proxy.stats.dropped, 'connections cut').toBeGreaterThan(0)
    expect(proxy.stats.duplicated, 'messages duplicated').toBeGreaterThan(0)
    for (const client of clients) {
      const refused = client.serverCloses.filter(
        (close) => !NETWORK_CLOSE_CODES.includes(close.code),
      )
      expect(refused, `closes of ${client.name} other than a lost connection`).toEqual([])
      expect(client.notices, `notices to ${client.name}`).toEqual([])
    }
    trace.push(`done: ${editor.edits} edits, ${JSON.stringify(proxy.stats)}`)
  } finally {
    for (const client of clients) client.destroy()
    await proxy.close()
    await server.dispose()
  }
}

describe('editing through a proxy that delays, duplicates and drops', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, async () => {
      const trace: string[] = []
      await runSeed({ seed, variable: 'NETWORK_SEEDS', trace }, () => flakySeed(seed, trace))
    }, 60_000)
  }
})
