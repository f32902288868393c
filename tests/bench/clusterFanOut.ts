import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import {
  type ClusterProcesses,
  type ServerProcess,
  onDatabase,
  startServer,
} from '../helpers/servers/index.ts'
import {
  type YClient,
  blockByUid,
  connectClient,
  insertText,
  pickBlocks,
  uidOf,
  waitFor,
  waitForConvergence,
} from '../helpers/yClients.ts'
import { envInteger, sleep, type Benchmark } from './benchmark.ts'
import { percentiles } from './latencyHistogram.ts'
import { totalCpuMicros } from './processCpu.ts'

/**
 * Several processes (issue 12): fan-out with six stock clients spread over three processes on
 * PostgreSQL and Redis, beside the same six clients on one process on PostgreSQL, and the
 * fail-over time. Keystrokes are sent one at a time (each waits for every other client to have
 * it), by writers on every process in turn, so that a writer on the owner and writers relaying
 * to it are both measured. Fail-over: the owner process is killed (SIGKILL) while a client of
 * another process types; the time is from the kill to that client hearing that an edit made
 * after the kill is saved.
 *
 * Server CPU per keystroke: the CPU time of every server process, summed, over the typing (from
 * /proc), divided by the keystrokes; it includes what the processes do anyway meanwhile (lease
 * ticks, heartbeats), measured apart as CPU per second while nobody types.
 *
 * BENCH_CLUSTER_KEYS: keystrokes measured (default 150).
 */
/** How long the processes' CPU time is read while nobody types. */
const IDLE_MS = 3_000
const ROOM = draftRoomName(DEMO_NEGOTIATION_ID)
const CLIENTS_PER_PROCESS = 2

interface Placed {
  client: YClient
  process: number
}

interface FanOut {
  same: number[]
  cross: number[]
  /** Server CPU time, all processes, over the typing. */
  cpuMicros: number
  typingMs: number
  /** Server CPU time per second, all processes, with clients connected and nobody typing. */
  idleCpuMicrosPerSecond: number
}

async function measureFanOut(urls: string[], pids: number[], keys: number): Promise<FanOut> {
  const placed: Placed[] = []
  for (let i = 0; i < 3 * CLIENTS_PER_PROCESS; i++) {
    const process = i % urls.length
    placed.push({
      client: await connectClient(urls[process]!, ROOM, { name: `c${i}`, draftroom: true }),
      process,
    })
  }
  const uid = uidOf(pickBlocks(placed[0]!.client.doc, 1)[0]!)!
  const same: number[] = []
  const cross: number[] = []
  let cpuMicros: number
  let typingMs: number
  let idleCpuMicrosPerSecond: number
  try {
    await waitForConvergence(placed.map((p) => p.client))
    const idleFrom = totalCpuMicros(pids)
    await sleep(IDLE_MS)
    idleCpuMicrosPerSecond = ((totalCpuMicros(pids) - idleFrom) / IDLE_MS) * 1_000
    const cpuFrom = totalCpuMicros(pids)
    const typingFrom = performance.now()
    for (let k = 0; k < keys; k++) {
      const writer = placed[k % placed.length]!
      const others = placed.filter((p) => p !== writer)
      const start = performance.now()
      const arrivals = others.map(
        (receiver) =>
          new Promise<void>((resolve) => {
            const onUpdate = () => {
              receiver.client.doc.off('update', onUpdate)
              const ms = performance.now() - start
              ;(receiver.process === writer.process ? same : cross).push(ms)
              resolve()
            }
            receiver.client.doc.on('update', onUpdate)
          }),
      )
      insertText(blockByUid(writer.client.doc, uid), 0, String(k % 10))
      await Promise.all(arrivals)
      await sleep(10)
    }
    await waitForConvergence(placed.map((p) => p.client))
    typingMs = performance.now() - typingFrom
    cpuMicros = totalCpuMicros(pids) - cpuFrom
  } finally {
    for (const { client } of placed) client.destroy()
  }
  return { same, cross, cpuMicros, typingMs, idleCpuMicrosPerSecond }
}

/** The pids of running server processes. */
function pidsOf(servers: readonly ServerProcess[]): number[] {
  return servers.map((server) => {
    if (server.pid === null) throw new Error(`process on port ${server.port} is not running`)
    return server.pid
  })
}

/** Kills the process owning the room; returns ms until another's client is saved again. */
async function measureFailOver(cluster: ClusterProcesses): Promise<number> {
  const clients = await Promise.all(
    cluster.processes.map((server, i) =>
      connectClient(server.collabUrl, ROOM, { name: `f${i}`, draftroom: true }),
    ),
  )
  try {
    const uid = uidOf(pickBlocks(clients[0]!.doc, 1)[0]!)!
    insertText(blockByUid(clients[0]!.doc, uid), 0, 'x')
    await waitForConvergence(clients)
    const owner = await onDatabase(cluster.storage.databaseUrl!, async (db) => {
      const { rows } = await db.query<{ owner: string }>(
        'select owner from document_leases where name = $1',
        [ROOM],
      )
      return rows[0]!.owner
    })
    const ids = await Promise.all(
      cluster.processes.map(async (server) => {
        const body = (await (await fetch(`${server.url}/healthz`)).json()) as {
          cluster: { processId: string }
        }
        return body.cluster.processId
      }),
    )
    const victim = ids.indexOf(owner)
    const survivor = clients[(victim + 1) % clients.length]!
    const killedAt = performance.now()
    await cluster.at(victim).kill()
    insertText(blockByUid(survivor.doc, uid), 0, 'y')
    const stored = survivor.storedSnapshots.length
    await waitFor(
      () => survivor.storedSnapshots.length > stored && survivor.isSaved,
      30_000,
      () => 'saved after the fail-over',
    )
    return performance.now() - killedAt
  } finally {
    for (const client of clients) client.destroy()
  }
}

const round = (value: number) => Math.round(value * 10) / 10

export const clusterFanOut: Benchmark = {
  name: 'clusterFanOut',
  run: async () => {
    const keys = envInteger('BENCH_CLUSTER_KEYS', 150)
    const single = await startServer({ storage: 'postgres', env: { LOG_LEVEL: 'info' } })
    let one: FanOut
    try {
      one = await measureFanOut([single.collabUrl], pidsOf([single]), keys)
    } finally {
      await single.dispose()
    }
    const cluster = await startServer({ processes: 3 })
    let three: FanOut
    let failOverMs: number
    try {
      three = await measureFanOut(
        cluster.processes.map((server) => server.collabUrl),
        pidsOf(cluster.processes),
        keys,
      )
      failOverMs = await measureFailOver(cluster)
    } finally {
      await cluster.dispose()
    }
    const rows = [
      ['one process, PostgreSQL', one.same],
      ['three processes: same process', three.same],
      ['three processes: across processes', three.cross],
    ] as const
    const stats = rows.map(([label, values]) => ({ label, ...percentiles(values) }))
    const singleP99 = stats[0]!.p99
    const crossP99 = stats[2]!.p99
    const cpu = (label: string, run: FanOut) => {
      const perKey = run.cpuMicros / keys
      // What the processes would have spent anyway over the typing, per keystroke.
      const background = (run.idleCpuMicrosPerSecond * run.typingMs) / 1_000 / keys
      return {
        label,
        perKeyMicros: perKey,
        backgroundPerKeyMicros: background,
        idleCpuMicrosPerSecond: run.idleCpuMicrosPerSecond,
        note:
          `server CPU per keystroke, ${label}: ${Math.round(perKey)} µs ` +
          `(of which ~${Math.round(background)} µs background: ` +
          `${Math.round(run.idleCpuMicrosPerSecond / 1_000)} ms CPU/s while nobody types)`,
      }
    }
    const cpuRows = [cpu('one process', one), cpu('three processes summed', three)]
    return {
      title: 'Several processes: keystroke to every other client, and fail-over (clusterFanOut.ts)',
      columns: ['clients', 'deliveries', 'p50 ms', 'p99 ms', 'max ms'],
      rows: stats.map((s, i) => [
        s.label,
        rows[i]![1].length,
        round(s.p50),
        round(s.p99),
        round(s.max),
      ]),
      notes: [
        `cross-process p99 / single-process p99: ${(crossP99 / singleP99).toFixed(2)} (target <= 2)`,
        `fail-over, SIGKILL of the owner to a client of another process saved again: ${Math.round(failOverMs)} ms (target < 5000)`,
        ...cpuRows.map((row) => row.note),
        `server CPU per keystroke, three processes / one: ${(cpuRows[1]!.perKeyMicros / cpuRows[0]!.perKeyMicros).toFixed(2)}`,
      ],
      results: { stats, failOverMs, cpu: cpuRows },
    }
  },
}
