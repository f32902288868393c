import { eventually } from '../helpers/yClients.ts'
import { envInteger, type Benchmark, type BenchmarkReport } from './benchmark.ts'
import type { StorageKind } from '../../server/storage/StorageKind.ts'
import { startBenchServer } from './benchServer.ts'
import { CommitLatency } from './commitLatency.ts'
import { loadReplayTraces, replayOnServer, type ReplayResult } from './concurrentReplay.ts'
import { percentiles } from './latencyHistogram.ts'

/**
 * Commit latency on PostgreSQL versus SQLite: the real concurrent traces (clownschool,
 * friendsforever; see concurrentReplay.ts) replayed in the same run through one server on
 * SQLite and one on PostgreSQL (a database created for the run and dropped after), each in its
 * own process. For every update an agent's client sends, the time until the server's `stored`
 * message (what turns "saving" into "saved") contains it; and the updates per second the replay
 * sustained. PostgreSQL runs twice: as the tests run it (synchronous_commit off, the bargain of
 * SQLite's synchronous=NORMAL) and as production runs it (every commit flushed).
 * BENCH_REPLAY_TXNS cuts the traces, as for concurrentReplay; BENCH_STORAGE_ROUNDS (default 1)
 * replays them that many times on each server, alternating.
 */

const STORAGES: { label: string; storage: StorageKind; isDurable: boolean }[] = [
  { label: 'SQLite', storage: 'sqlite', isDurable: false },
  { label: 'PostgreSQL', storage: 'postgres', isDurable: false },
  { label: 'PostgreSQL, flushed', storage: 'postgres', isDurable: true },
]

interface StorageRun extends ReplayResult {
  updates: number
  updatesPerSecond: number
  p50Ms: number
  p99Ms: number
  maxMs: number
}

const fixed = (value: number, digits = 1) => value.toFixed(digits)

export async function runStorageCommit(): Promise<BenchmarkReport> {
  const { limit, traces, expected } = loadReplayTraces()
  const rounds = envInteger('BENCH_STORAGE_ROUNDS', 1)
  const runs: StorageRun[] = []
  for (let round = 0; round < rounds; round++) {
    for (const storage of STORAGES) {
      const server = await startBenchServer({
        kind: 'draftroom',
        storage: storage.storage,
        isDurable: storage.isDurable,
      })
      try {
        for (const [i, trace] of traces.entries()) {
          const commits = new CommitLatency()
          const result = await replayOnServer({
            server,
            kind: 'draftroom',
            label: storage.label,
            trace,
            traceIndex: i,
            expected: expected[i]!.text,
            onAgentClient: (client) => commits.watch(client),
            // Every update sent is acknowledged, or the figures would leave the slowest out.
            whenSettled: () =>
              eventually(() => {
                if (commits.unacknowledged > 0) {
                  throw new Error(`${storage.label}: ${commits.unacknowledged} not acknowledged`)
                }
              }, 30_000),
          })
          const { p50, p99, max } = percentiles(commits.latencies)
          runs.push({
            ...result,
            updates: commits.latencies.length,
            updatesPerSecond: commits.latencies.length / (result.ms / 1_000),
            p50Ms: p50,
            p99Ms: p99,
            maxMs: max,
          })
        }
      } finally {
        await server.dispose()
      }
    }
  }
  const sqlite = (run: StorageRun) =>
    runs.find((r) => r.server === 'SQLite' && r.trace === run.trace)
  return {
    title: 'Commit latency and updates/s, PostgreSQL versus SQLite, real traces (storageCommit.ts)',
    columns: ['storage', 'trace', 'updates', 'updates/s', 'p50 ms', 'p99 ms', 'max ms', 'total ms'],
    rows: runs.map((r) => [
      r.server,
      r.trace,
      r.updates,
      fixed(r.updatesPerSecond, 0),
      fixed(r.p50Ms),
      fixed(r.p99Ms),
      fixed(r.maxMs),
      fixed(r.ms),
    ]),
    notes: [
      ...runs
        .filter((r) => r.server !== 'SQLite')
        .map((r) => {
          const base = sqlite(r)
          return base
            ? `${r.trace}: ${r.server} p99 x${fixed(r.p99Ms / base.p99Ms, 2)} SQLite's, ` +
                `updates/s x${fixed(r.updatesPerSecond / base.updatesPerSecond, 2)}`
            : `${r.trace}: no SQLite run to compare with`
        }),
      'latency: an agent client sending an update to the first `stored` message containing it ' +
        '(the room sends one at most every 100 ms, once all it accepted is committed: the ' +
        'floor of every figure); updates/s: updates acknowledged over the replay time',
      `${traces.every((t) => t.isComplete) ? 'whole traces' : `the first ${limit} transactions of each trace`}` +
        ` (BENCH_REPLAY_TXNS), ${rounds} round(s); each server in its own process on new ` +
        'storage, every client and a fresh one checked against the expected text; PostgreSQL: ' +
        'tests synchronous_commit off, "flushed" the production default (on)',
    ],
    results: { limit, rounds, runs },
  }
}

export const storageCommit: Benchmark = {
  name: 'storageCommit',
  run: () => runStorageCommit(),
}
