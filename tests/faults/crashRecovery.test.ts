import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { isSnapshotContained } from '../../shared/savedState.ts'
import { Random } from '../collab/random.ts'
import { startServer } from '../helpers/servers/index.ts'
import { fetchDraftDocument } from '../helpers/fetchDraft.ts'
import {
  type YClient,
  connectClient,
  draftJson,
  stateVector,
  waitFor,
  waitForConvergence,
} from '../helpers/yClients.ts'
import { RandomEditor } from './randomEdits.ts'
import { numberFromEnv, runSeed, seedsFromEnv } from './seeds.ts'

/**
 * Crash recovery (DESIGN.md 9: "killing the server (SIGKILL) loses no update that was
 * committed; clients resend the rest"). Three Draftroom clients type at random while the server
 * process is killed at random moments and restarted on the same port and data directory. After
 * each kill:
 * - whatever any client had been told was stored (its last `stored` snapshot) is in what the
 *   new process loads: checked by a probe while the typing clients are held offline, so that
 *   nothing they resend can hide a loss (or, every other kill, with the clients reconnecting by
 *   themselves at once, which only the final checks can judge);
 * - the clients resend what was not stored, including what they typed during the outage.
 * In the end all clients converge, equal the server's draft, every one of their updates is
 * stored, and a fresh client after one more kill and restart equals them.
 *
 * `CRASH_SEEDS=3,17` replays seeds (default 1..3); `CRASH_KILLS` sets kills per seed (default 2).
 */

const ROOM = draftRoomName(DEMO_NEGOTIATION_ID)
const SEEDS = seedsFromEnv('CRASH_SEEDS', 3)
const KILLS = numberFromEnv('CRASH_KILLS', 2)
const CLIENTS = 3

/** The updates of `client`'s own that `snapshot` lacks. */
const missingFrom = (snapshot: Y.Snapshot, client: YClient): Uint8Array[] =>
  client.localUpdates.filter((update) => !Y.snapshotContainsUpdate(snapshot, update))

/**
 * Whether the server told `client` it stored every edit the client made. (`YClient.isSaved`
 * asks more: that the whole local state is in the last `stored`, which a client that only
 * received others' edits since its last acknowledgement does not get; the Draftroom client
 * counts received updates as stored, see `acknowledgeUpdate` in client/src/collab/savedState.ts.)
 */
function isOwnWorkSaved(client: YClient): boolean {
  const stored = client.lastStored
  return stored !== null && missingFrom(stored, client).length === 0
}

const savedLabel = (client: YClient): string =>
  `${client.name}: ${client.lastStored ? missingFrom(client.lastStored, client).length : 'all'} unsaved`

async function crashSeed(seed: number, trace: string[]): Promise<void> {
  const random = new Random(seed)
  const started = Date.now()
  const phase = (text: string) => trace.push(`[${Date.now() - started} ms] ${text}`)
  const server = await startServer({ env: { LOG_LEVEL: 'info' } })
  const clients: YClient[] = []
  try {
    for (let i = 0; i < CLIENTS; i++) {
      clients.push(
        await connectClient(server.collabUrl, ROOM, {
          name: `client${i}`,
          draftroom: true,
          maxBackoffTime: 100,
        }),
      )
    }
    const editor = new RandomEditor(random, clients, trace)
    let acknowledgedUpdates = 0

    for (let kill = 1; kill <= KILLS; kill++) {
      const typingMs = 150 + random.int(600)
      phase(`kill ${kill}: typing ${typingMs} ms, then SIGKILL`)
      await editor.typeFor(typingMs)
      await server.kill()
      await waitFor(
        () => clients.every((client) => !client.isConnected),
        5_000,
        () => 'every client noticing the kill',
      )
      // Read after the clients saw the connection close: no `stored` can arrive any more.
      const acknowledged = clients.map((client) => client.lastStored)
      const offlineMs = 30 + random.int(250)
      phase(`kill ${kill}: typing ${offlineMs} ms while the server is down`)
      await editor.typeFor(offlineMs)

      const isProbed = random.chance(0.5)
      // Held offline, the clients cannot resend before the probe has read the stored state.
      if (isProbed) for (const client of clients) client.disconnect()
      phase(`kill ${kill}: restart on port ${server.port}, clients ${isProbed ? 'held' : 'free'}`)
      await server.restart()
      const probe = await connectClient(server.collabUrl, ROOM, { name: 'probe' })
      const committed = Y.snapshot(probe.doc)
      probe.destroy()
      clients.forEach((client, i) => {
        const stored = acknowledged[i]
        if (!stored) return
        const lost = client.localUpdates.filter(
          (update) =>
            Y.snapshotContainsUpdate(stored, update) &&
            !Y.snapshotContainsUpdate(committed, update),
        )
        acknowledgedUpdates += client.localUpdates.length - missingFrom(stored, client).length
        expect(lost.length, `kill ${kill}: acknowledged updates of ${client.name} lost`).toBe(0)
        expect(
          isSnapshotContained(stored, committed),
          `kill ${kill}: the state ${client.name} was told is stored is all in the restarted server`,
        ).toBe(true)
      })
      if (isProbed) for (const client of clients) client.connect()
      await waitFor(
        () => clients.every((client) => client.isSynced),
        10_000,
        () => `kill ${kill}: the clients reconnecting by themselves`,
      )
    }
    // A run in which nothing was ever acknowledged before a kill would prove nothing.
    expect(acknowledgedUpdates, 'updates acknowledged before the kills').toBeGreaterThan(0)

    phase('settle: a last burst of typing, then convergence')
    await editor.typeFor(200)
    await waitForConvergence(clients, 20_000)
    await waitFor(
      () => clients.every(isOwnWorkSaved),
      10_000,
      () => `every client told its edits are stored (${clients.map(savedLabel).join(', ')})`,
    )
    const expected = draftJson(clients[0]!.doc)
    const expectedVector = stateVector(clients[0]!.doc)
    expect(await fetchDraftDocument(server, DEMO_NEGOTIATION_ID), "the server's draft").toEqual(
      expected,
    )

    phase('final: clients offline, SIGKILL, restart, fresh client')
    for (const client of clients) client.disconnect()
    await server.kill()
    await server.restart()
    const fresh = await connectClient(server.collabUrl, ROOM, { name: 'fresh' })
    clients.push(fresh)
    expect(draftJson(fresh.doc), 'the stored draft').toEqual(expected)
    expect(stateVector(fresh.doc), 'the stored state vector').toEqual(expectedVector)
    const stored = Y.snapshot(fresh.doc)
    for (const client of clients.slice(0, CLIENTS)) {
      expect(missingFrom(stored, client).length, `updates of ${client.name} not stored`).toBe(0)
    }
    phase(`done: ${editor.edits} edits, ${acknowledgedUpdates} acknowledged before kills`)
  } finally {
    for (const client of clients) client.destroy()
    await server.dispose()
  }
}

describe('SIGKILL at random moments while three clients type', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, async () => {
      const trace: string[] = []
      await runSeed({ seed, variable: 'CRASH_SEEDS', trace }, () => crashSeed(seed, trace))
    }, 90_000)
  }
})
