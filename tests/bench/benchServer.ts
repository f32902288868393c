import type { StorageKind } from '../../server/storage/StorageKind.ts'
import {
  createTestStorage,
  startServer,
  type MonitoredServer,
  type ServerKind,
} from '../helpers/servers/index.ts'
import type { MonitoredServerOptions } from '../helpers/servers/monitoredProtocol.ts'

/** A benchmark's server: Draftroom or the reference, in a process of its own. */
export type BenchServer = MonitoredServer
export type { ServerKind }
/** Options of Draftroom's `startServer` a benchmark may set. */
export type DraftroomBenchOptions = MonitoredServerOptions

/** Budgets no benchmark user reaches (see `startBenchServer`). */
const LIFTED_LIMITS = {
  bytes: 2 ** 40,
  items: 2 ** 40,
  refusals: 2 ** 30,
  connections: 2 ** 30,
  requests: 2 ** 30,
  messages: 2 ** 40,
}

/**
 * Starts the server a benchmark measures (the tests' `startServer({ monitored: true })`, so that
 * its CPU time and memory are its own and the clients do not share its event loop): Draftroom
 * on new storage with the demo, or the reference y-websocket loop seeded with `seedFile`.
 * Benchmarks play hundreds of users on a few accounts and replay hours of typing in seconds:
 * unless `options.writerLimits` says, the per-user budgets are lifted. Rooms unload 50 ms after
 * their last client, as in the tests. `storage`: SQLite by default, or a PostgreSQL database
 * created for the run (`isDurable`: every commit flushed, as in production, not as the tests
 * run it). `dispose()` stops it and deletes its storage.
 */
export async function startBenchServer(props: {
  kind: ServerKind
  seedFile?: string
  options?: MonitoredServerOptions
  storage?: StorageKind
  isDurable?: boolean
}): Promise<BenchServer> {
  return startServer({
    monitored: true,
    kind: props.kind,
    storage: await createTestStorage('draftroom-bench-', props.storage ?? 'sqlite', {
      isDurable: props.isDurable ?? false,
    }),
    ...(props.seedFile ? { seedFile: props.seedFile } : {}),
    serverOptions: {
      roomIdleMs: 50,
      ...props.options,
      writerLimits: props.options?.writerLimits ?? LIFTED_LIMITS,
    },
  })
}

const MEMORY_SAMPLE_MS = 250

/** Samples a server process's RSS while a replay runs: first, peak and last, in MB. */
export class MemorySampler {
  private timer: NodeJS.Timeout | null = null
  private readonly samples: number[] = []
  private pending: Promise<void> = Promise.resolve()

  constructor(private readonly server: BenchServer) {}

  async start(): Promise<void> {
    await this.sample()
    this.timer = setInterval(() => {
      this.pending = this.pending.then(() => this.sample())
    }, MEMORY_SAMPLE_MS)
  }

  async stop(): Promise<void> {
    if (!this.timer) return
    clearInterval(this.timer)
    this.timer = null
    await this.pending
    await this.sample()
  }

  summary(): { startMb: number; peakMb: number; endMb: number } {
    const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10
    return {
      startMb: mb(this.samples[0] ?? 0),
      peakMb: mb(Math.max(0, ...this.samples)),
      endMb: mb(this.samples[this.samples.length - 1] ?? 0),
    }
  }

  private async sample(): Promise<void> {
    this.samples.push((await this.server.stats()).rss)
  }
}
