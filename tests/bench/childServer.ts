import { fork } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/**
 * A server under test in its own process, so that its CPU time and memory are its own and the
 * clients do not share its event loop. Talks to `serverProcess.ts` over the IPC channel: every
 * request carries an id, answered once.
 */

export const SERVER_KINDS = ['draftroom', 'reference'] as const
export type ServerKind = (typeof SERVER_KINDS)[number]

export const ServerStats = z.object({
  /** Resident set size of the server process, bytes. */
  rss: z.number(),
  heapUsed: z.number(),
  /** User + system CPU time the server process has used since it started, microseconds. */
  cpuMicros: z.number(),
})
export type ServerStats = z.infer<typeof ServerStats>

export const ParentMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stats'), id: z.number() }),
  /** Starts the V8 CPU profiler (what `node --cpu-prof` runs), for the measured phases only. */
  z.object({ type: z.literal('startProfile'), id: z.number() }),
  /** Stops it and writes the profile (`.cpuprofile`, as `--cpu-prof` does) to `file`. */
  z.object({ type: z.literal('stopProfile'), id: z.number(), file: z.string() }),
  z.object({ type: z.literal('close') }),
])
export type ParentMessage = z.infer<typeof ParentMessage>

export const ChildMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.string() }),
  z.object({ type: z.literal('stats'), id: z.number(), stats: ServerStats }),
  z.object({ type: z.literal('done'), id: z.number() }),
])
export type ChildMessage = z.infer<typeof ChildMessage>

export interface ChildServer {
  url: string
  stats(): Promise<ServerStats>
  startProfile(): Promise<void>
  stopProfile(file: string): Promise<void>
  close(): Promise<void>
}

const SERVER_PROCESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'serverProcess.ts')
const START_TIMEOUT_MS = 30_000

/** Options of Draftroom's `startServer` a benchmark may set (JSON, through the environment). */
export const DraftroomBenchOptions = z.object({
  validateUpdates: z.boolean().optional(),
  /** The database: SQLite (default) or a PostgreSQL database created for the run, dropped after. */
  storage: z.enum(['sqlite', 'postgres']).optional(),
  /** On PostgreSQL: every commit flushed (production's default) instead of the tests' bargain. */
  isDurable: z.boolean().optional(),
  /**
   * The per-user budgets (WriterBudget). Benchmarks play hundreds of users on a few accounts,
   * and replay hours of typing in seconds: unless a benchmark measures the budgets themselves,
   * they are lifted (`serverProcess.ts`).
   */
  writerLimits: z
    .object({
      bytes: z.number(),
      items: z.number(),
      refusals: z.number(),
      connections: z.number(),
      requests: z.number(),
      messages: z.number(),
    })
    .partial()
    .optional(),
})
export type DraftroomBenchOptions = z.infer<typeof DraftroomBenchOptions>
export const SERVER_OPTIONS_ENV = 'BENCH_SERVER_OPTIONS'

/**
 * Starts a server process; `seedFile` is the reference's initial document, `options` go to
 * Draftroom's `startServer`.
 */
export function forkServer(props: {
  kind: ServerKind
  seedFile?: string
  options?: DraftroomBenchOptions
}): Promise<ChildServer> {
  const child = fork(SERVER_PROCESS, [props.kind, ...(props.seedFile ? [props.seedFile] : [])], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [SERVER_OPTIONS_ENV]: JSON.stringify(props.options ?? {}) },
  })
  const pending = new Map<number, (message: ChildMessage) => void>()
  let nextId = 1
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const request = <T>(
    message: (id: number) => ParentMessage,
    read: (reply: ChildMessage) => T,
  ): Promise<T> =>
    new Promise<T>((resolve) => {
      const id = nextId++
      pending.set(id, (reply) => resolve(read(reply)))
      child.send(message(id))
    })

  return new Promise<ChildServer>((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill()
      reject(new Error(`${props.kind} server did not start in ${START_TIMEOUT_MS} ms`))
    }, START_TIMEOUT_MS)
    exited
      .then((code) => reject(new Error(`${props.kind} server exited (${code}) before it started`)))
      .catch(reject)
    child.on('message', (raw) => {
      const message = ChildMessage.parse(raw)
      if (message.type !== 'ready') {
        pending.get(message.id)?.(message)
        pending.delete(message.id)
        return
      }
      clearTimeout(timeout)
      resolve({
        url: message.url,
        stats: () =>
          request(
            (id) => ({ type: 'stats', id }),
            (reply) => {
              if (reply.type !== 'stats') throw new Error(`unexpected ${reply.type}`)
              return reply.stats
            },
          ),
        startProfile: () =>
          request(
            (id) => ({ type: 'startProfile', id }),
            () => undefined,
          ),
        stopProfile: (file) =>
          request(
            (id) => ({ type: 'stopProfile', id, file }),
            () => undefined,
          ),
        close: async () => {
          child.send({ type: 'close' } satisfies ParentMessage)
          await exited
        },
      })
    })
  })
}

const MEMORY_SAMPLE_MS = 250

/** Samples a server process's RSS while a replay runs: first, peak and last, in MB. */
export class MemorySampler {
  private timer: NodeJS.Timeout | null = null
  private readonly samples: number[] = []
  private pending: Promise<void> = Promise.resolve()

  constructor(private readonly server: ChildServer) {}

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
