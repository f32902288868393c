import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { Random } from '../collab/random.ts'
import { RandomEditor } from '../faults/randomEdits.ts'
import { numberFromEnv, pause, runSeed, seedsFromEnv } from '../faults/seeds.ts'
import { type ClusterProcesses, storedDocument, startServer } from '../helpers/servers/index.ts'
import { PrivateRedis } from '../helpers/privateRedis.ts'
import {
  type YClient,
  connectClient,
  draftJson,
  waitFor,
  waitForConvergence,
} from '../helpers/yClients.ts'

/**
 * Losing a process loses nothing. Six stock clients type at random through a load balancer in
 * front of three processes; meanwhile one process, drawn by the seed, is killed (SIGKILL) and
 * started again, one is suspended (SIGSTOP) past its leases and resumed (SIGCONT), and Redis
 * (a private one) is killed and started again, empty: what was published meanwhile is lost. Its
 * clients reconnect through the load balancer (or, suspended, carry on) and send again what
 * was not committed. In the end every client holds the same draft, equal to what PostgreSQL
 * holds, and every update any client made is in it.
 *
 * `CLUSTER_FAULT_SEEDS=3,17` replays seeds (default 1); `CLUSTER_FAULT_MS` sets how long the
 * clients type (default 10000).
 */

const ROOM = draftRoomName(DEMO_NEGOTIATION_ID)
const SEEDS = seedsFromEnv('CLUSTER_FAULT_SEEDS', 1)
const TYPING_MS = numberFromEnv('CLUSTER_FAULT_MS', 10_000)
const CLIENTS = 6

let cluster: ClusterProcesses
let redis: PrivateRedis

beforeAll(async () => {
  // A Redis of this test's own, which it may kill: never the machine's shared one.
  redis = await PrivateRedis.start()
  cluster = await startServer({ processes: 3, redisUrl: redis.url, balancer: true })
})

afterAll(async () => {
  await cluster?.dispose()
  await redis?.stop()
})

async function faultSeed(seed: number, trace: string[]): Promise<void> {
  const random = new Random(seed)
  const url = cluster.collabUrl
  const clients: YClient[] = []
  try {
    for (let i = 0; i < CLIENTS; i++) {
      clients.push(await connectClient(url, ROOM, { name: `c${i}`, draftroom: true }))
    }
    const editor = new RandomEditor(random, clients, trace)
    const typing = editor.typeFor(TYPING_MS, 40)

    await pause(1_000 + random.int(1_500))
    const killed = cluster.at(random.int(3))
    trace.push(`SIGKILL process on port ${killed.port}`)
    await killed.kill()
    await pause(500 + random.int(1_000))
    await killed.restart()
    trace.push(`restarted on port ${killed.port}`)

    await pause(random.int(1_000))
    const stalled = cluster.at(random.int(3))
    trace.push(`SIGSTOP process on port ${stalled.port}`)
    stalled.suspend()
    // Past the lease (3 s) and its renewal: another process takes its documents over.
    await pause(4_500)
    stalled.resume()
    trace.push(`SIGCONT process on port ${stalled.port}`)

    await pause(random.int(500))
    trace.push('Redis killed')
    await redis.kill()
    await pause(500 + random.int(1_000))
    await redis.restart()
    trace.push('Redis restarted (empty)')
    await typing
    trace.push(`typing done: ${editor.edits} edits`)

    await waitFor(
      () => clients.every((client) => client.isConnected),
      20_000,
      () => 'reconnected',
    )
    try {
      await waitForConvergence(clients, 30_000)
    } catch (error) {
      // Whether the laggards lack what PostgreSQL holds (a process that did not pass it on)
      // or what it never got (an update lost on the way).
      const stored = await storedDocument(cluster.storage.databaseUrl!, ROOM)
      trace.push(`stored: ${JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(stored))])}`)
      clients.forEach((client, i) => trace.push(`c${i} writes as ${client.doc.clientID}`))
      throw error
    }
    // Everything every client made is stored, whether it was acknowledged before a fault or
    // sent again after; and storage holds exactly the clients' draft.
    await waitFor(
      async () => {
        const stored = await storedDocument(cluster.storage.databaseUrl!, ROOM)
        const snapshot = Y.snapshot(stored)
        return (
          clients.every((client) =>
            client.localUpdates.every((update) => Y.snapshotContainsUpdate(snapshot, update)),
          ) && JSON.stringify(draftJson(stored)) === JSON.stringify(draftJson(clients[0]!.doc))
        )
      },
      15_000,
      () => 'every client update stored, and storage equal to the clients',
    )
    expect(editor.edits).toBeGreaterThan(50)
  } finally {
    for (const client of clients) client.destroy()
  }
}

describe('a cluster losing and stalling processes while delegates type', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, async () => {
      const trace: string[] = []
      try {
        await runSeed({ seed, variable: 'CLUSTER_FAULT_SEEDS', trace }, () =>
          faultSeed(seed, trace),
        )
      } finally {
        // The processes' own account of a seed (leases taken and lost, storage failing).
        const logFile = process.env.CLUSTER_FAULT_LOGS
        if (logFile) {
          const lines = cluster.processes.flatMap((server, index) =>
            server.logs.map((line) => JSON.stringify({ process: index, ...line })),
          )
          fs.writeFileSync(`${logFile}.${seed}`, [...trace, ...lines].join('\n'))
        }
      }
    }, 120_000)
  }
})
