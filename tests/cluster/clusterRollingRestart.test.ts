import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { isSnapshotContained } from '../../shared/savedState.ts'
import { Random } from '../collab/random.ts'
import { RandomEditor } from '../faults/randomEdits.ts'
import { pause, runSeed, seedsFromEnv } from '../faults/seeds.ts'
import { type ClusterProcesses, storedDocument, startServer } from '../helpers/servers/index.ts'
import type { ServerProcess } from '../helpers/servers/index.ts'
import {
  type YClient,
  connectClient,
  draftJson,
  waitFor,
  waitForConvergence,
} from '../helpers/yClients.ts'

/**
 * A deployment restarts every process, one after the other, while delegates type: the way a
 * new version goes out. Six stock clients type at random through a load balancer in front of
 * three processes; process 0 is stopped gracefully (SIGTERM), started again on its port and
 * waited for until its `/readyz` answers 200, then process 1, then process 2. Clients of a
 * stopping process reconnect through the load balancer to another one and send again what was
 * not committed; the documents a stopping process owned pass to another. In the end every
 * client holds the same draft, equal to what PostgreSQL holds; every snapshot the server
 * acknowledged to a client (`stored`, what makes the client show "saved") is contained in
 * PostgreSQL's; and so is every update any client made.
 *
 * `CLUSTER_ROLLING_SEEDS=3,17` replays seeds (default 1): the seed draws the edits, the pauses
 * between them and the pauses between restarts.
 */

const ROOM = draftRoomName(DEMO_NEGOTIATION_ID)
const SEEDS = seedsFromEnv('CLUSTER_ROLLING_SEEDS', 1)
const CLIENTS = 6
/** A restarted process must answer ready within this (start + demo check + Redis). */
const READY_TIMEOUT_MS = 15_000

let cluster: ClusterProcesses

beforeAll(async () => {
  cluster = await startServer({ processes: 3, balancer: true })
})

afterAll(async () => {
  await cluster?.dispose()
})

/** Polls `GET /readyz` of one process until it answers 200. */
async function waitUntilReady(server: ServerProcess): Promise<void> {
  await waitFor(
    async () => (await fetch(`${server.url}/readyz`)).status === 200,
    READY_TIMEOUT_MS,
    () => `process on port ${server.port} ready`,
  )
}

/** Every snapshot the server sent `client` as committed is contained in `stored`. */
function acknowledgedAreStored(client: YClient, stored: Y.Snapshot): boolean {
  return client.storedSnapshots.every((acknowledged) => isSnapshotContained(acknowledged, stored))
}

/** The last snapshot the server sent `client` as committed contains every update it made. */
function ownUpdatesAcknowledged(client: YClient): boolean {
  const acknowledged = client.lastStored
  return (
    acknowledged !== null &&
    client.localUpdates.every((update) => Y.snapshotContainsUpdate(acknowledged, update))
  )
}

async function rollingSeed(seed: number, trace: string[]): Promise<void> {
  const random = new Random(seed)
  const url = cluster.collabUrl
  const clients: YClient[] = []
  // The processes are shared by the seeds: each seed restarts each of them once more.
  const runsBefore = cluster.processes.map((server) => server.runs)
  try {
    for (let i = 0; i < CLIENTS; i++) {
      clients.push(await connectClient(url, ROOM, { name: `c${i}`, draftroom: true }))
    }
    const editor = new RandomEditor(random, clients, trace)
    // Typing goes on through every restart, however long each takes, and a little after.
    let typing = true
    const typed = (async () => {
      while (typing) {
        editor.step()
        await pause(1 + random.int(40))
      }
    })()

    await pause(1_000)
    const acknowledged = () => clients.reduce((sum, c) => sum + c.storedSnapshots.length, 0)
    for (const [index, server] of cluster.processes.entries()) {
      const acknowledgedBefore = acknowledged()
      trace.push(`SIGTERM process ${index} on port ${server.port}`)
      const exit = await server.stop()
      // A graceful stop: the process closed its rooms and exited by itself, code 0.
      const problems = server.logs
        .filter((line) => line.run === server.runs && Number(line.level) >= 40)
        .map((line) => JSON.stringify(line))
      expect(exit, `process ${index} exit; warnings and errors:\n${problems.join('\n')}`).toEqual({
        code: 0,
        signal: null,
      })
      await server.restart()
      await waitUntilReady(server)
      trace.push(`process ${index} ready again on port ${server.port}`)
      // The cluster keeps acknowledging typing after each restart, not only at the end.
      await waitFor(
        () => acknowledged() > acknowledgedBefore,
        10_000,
        () => `acknowledgments after restarting process ${index}`,
      )
      await pause(500 + random.int(1_000))
    }
    await pause(1_000)
    typing = false
    await typed
    trace.push(`typing done: ${editor.edits} edits`)

    await waitFor(
      () => clients.every((client) => client.isConnected),
      20_000,
      () => 'every client connected again',
    )
    await waitForConvergence(clients, 30_000)
    // Every update each client made is acknowledged to it in the end (the stock client counts
    // others' updates it received as saved, so its own are what its "saved" waits for)...
    await waitFor(
      () => clients.every(ownUpdatesAcknowledged),
      20_000,
      () =>
        `acknowledged: ${clients.map((c) => `${c.name}=${ownUpdatesAcknowledged(c)}`).join(' ')}`,
    )
    // ...and PostgreSQL holds every acknowledged snapshot, every update any client made, and
    // exactly the clients' draft.
    const stored = await storedDocument(cluster.storage.databaseUrl!, ROOM)
    const storedSnapshot = Y.snapshot(stored)
    for (const client of clients) {
      expect(acknowledgedAreStored(client, storedSnapshot), `${client.name} acknowledged`).toBe(
        true,
      )
      expect(
        client.localUpdates.every((update) => Y.snapshotContainsUpdate(storedSnapshot, update)),
        `${client.name} updates stored`,
      ).toBe(true)
    }
    expect(JSON.stringify(draftJson(stored))).toBe(JSON.stringify(draftJson(clients[0]!.doc)))

    // The restarts really happened under the clients: each process started once more, and some
    // clients lost their connection and reconnected.
    expect(cluster.processes.map((server) => server.runs)).toEqual(runsBefore.map((n) => n + 1))
    expect(clients.some((client) => client.serverCloses.length > 0)).toBe(true)
    expect(editor.edits).toBeGreaterThan(50)
  } finally {
    for (const client of clients) client.destroy()
  }
}

describe('a cluster restarted process by process while delegates type', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, async () => {
      const trace: string[] = []
      await runSeed({ seed, variable: 'CLUSTER_ROLLING_SEEDS', trace }, () =>
        rollingSeed(seed, trace),
      )
    }, 90_000)
  }
})
